#include "dpslint/backend.hpp"

namespace dpslint {
std::unique_ptr<CryptoBackend> make_botan_backend() { return nullptr; }
}  // namespace dpslint
