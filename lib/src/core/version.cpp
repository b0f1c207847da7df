#include "dpslint/version.hpp"

namespace dpslint {

std::string_view library_version() noexcept {
    return DPSLINT_VERSION_STRING;
}

}  // namespace dpslint
