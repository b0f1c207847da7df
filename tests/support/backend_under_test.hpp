#pragma once

// The backend a contract test runs against: one tag type per backend for Catch2's
// TEMPLATE_TEST_CASE, and the fixture helpers every backend test uses.

#include <memory>
#include <string>
#include <string_view>

#include "dpslint/backend.hpp"
#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"

namespace dpslint::test {

struct OpenSslBackend {
    static constexpr BackendKind kind = BackendKind::openssl;
    static constexpr std::string_view name = "openssl";
};

struct BotanBackend {
    static constexpr BackendKind kind = BackendKind::botan;
    static constexpr std::string_view name = "botan";
};

// One instance per backend for the whole run: the backends are stateless and thread-safe.
template <typename Tag>
const CryptoBackend& backend_under_test() {
    static const std::unique_ptr<CryptoBackend> instance = make_backend(Tag::kind);
    return *instance;
}

// The first certificate of a PEM file under testdata/, decoded by OpenSSL's PEM reader.
Bytes fixture_der(std::string_view relative);

inline CertificatePtr load(const CryptoBackend& backend, std::string_view relative) {
    return backend.parse_certificate(fixture_der(relative));
}

// The ParseError's message, or "no error".
inline std::string parse_error(const CryptoBackend& backend, const Bytes& der) {
    try {
        backend.parse_certificate(der);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace dpslint::test
