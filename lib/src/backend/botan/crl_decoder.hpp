#pragma once

// One DER CertificateList → CrlFields plus the signed envelope Botan checks signatures on.

#include <memory>
#include <string>

#include "dpslint/bytes.hpp"
#include "dpslint/crl.hpp"

#include "backend/botan/native_certificate.hpp"

namespace dpslint::botan {

class BotanCrl final : public NativeCertificate {
public:
    BotanCrl(std::unique_ptr<const SignedObject> signed_object, std::string signed_error,
             bool algorithms_match)
        : signed_object_(std::move(signed_object)),
          signed_error_(std::move(signed_error)),
          algorithms_match_(algorithms_match) {}

    const SignedObject* signed_object() const noexcept { return signed_object_.get(); }
    const std::string& signed_error() const noexcept { return signed_error_; }
    bool algorithms_match() const noexcept { return algorithms_match_; }

private:
    std::unique_ptr<const SignedObject> signed_object_;
    std::string signed_error_;
    bool algorithms_match_;
};

// Throws ParseError (one line, no trailing period) unless `der` is exactly one DER CRL.
CrlPtr decode_crl(ByteView der);

}  // namespace dpslint::botan
