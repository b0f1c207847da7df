#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/crl.hpp"

namespace dpslint {

// A certificate the backend could not decode. `what()` is one line, no trailing period.
class ParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class SignatureStatus {
    valid,
    invalid,      // the signature does not verify under the issuer's key
    unsupported,  // algorithm or key the backend cannot check
};

struct SignatureCheck {
    SignatureStatus status = SignatureStatus::invalid;
    std::string detail;  // backend's reason when not valid

    bool ok() const noexcept { return status == SignatureStatus::valid; }
};

// The only place dpslint talks to a crypto library. Implementations are stateless and safe to
// call from many threads at once.
class CryptoBackend {
public:
    virtual ~CryptoBackend() = default;

    virtual std::string_view name() const noexcept = 0;

    // Decodes one DER certificate. Throws ParseError on anything that is not exactly one
    // well-formed certificate (trailing bytes included).
    virtual CertificatePtr parse_certificate(ByteView der) const = 0;

    // Does `issuer`'s public key verify `subject`'s signature? Both must come from this backend's
    // parse_certificate.
    virtual SignatureCheck verify_signature(const Certificate& subject,
                                            const Certificate& issuer) const = 0;

    // Algorithm, size and curve of a DER SubjectPublicKeyInfo. Throws ParseError.
    virtual PublicKeyInfo describe_public_key(ByteView spki_der) const = 0;

    // Decodes one DER CertificateList (RFC 5280 §5). Throws ParseError on anything that is not
    // exactly one well-formed CRL, including a recognised CRL or entry extension that does not
    // decode and an extension that appears twice.
    virtual CrlPtr parse_crl(ByteView der) const = 0;

    // Does `issuer`'s public key verify `crl`'s signature? Both must come from this backend.
    virtual SignatureCheck verify_crl_signature(const Crl& crl,
                                                const Certificate& issuer) const = 0;
};

enum class BackendKind { openssl, botan };

std::string_view to_string(BackendKind kind) noexcept;
std::optional<BackendKind> parse_backend_kind(std::string_view text) noexcept;

std::unique_ptr<CryptoBackend> make_openssl_backend();
std::unique_ptr<CryptoBackend> make_botan_backend();
std::unique_ptr<CryptoBackend> make_backend(BackendKind kind);

}  // namespace dpslint
