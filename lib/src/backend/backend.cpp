#include "dpslint/backend.hpp"

namespace dpslint {

std::string_view to_string(BackendKind kind) noexcept {
    return kind == BackendKind::botan ? "botan" : "openssl";
}

std::optional<BackendKind> parse_backend_kind(std::string_view text) noexcept {
    if (text == "openssl")
        return BackendKind::openssl;
    if (text == "botan")
        return BackendKind::botan;
    return std::nullopt;
}

std::unique_ptr<CryptoBackend> make_backend(BackendKind kind) {
    return kind == BackendKind::botan ? make_botan_backend() : make_openssl_backend();
}

}  // namespace dpslint
