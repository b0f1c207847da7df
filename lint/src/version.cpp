#include "version.hpp"

namespace dpslint::cli {

std::string_view version() noexcept { return DPSLINT_VERSION; }

}  // namespace dpslint::cli
