#pragma once

// What a Certificate parsed by the Botan backend carries next to its fields.

#include <memory>
#include <string>

#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"

#include "backend/botan/botan_includes.hpp"

namespace dpslint::botan {

// The signed envelope of a certificate (tbsCertificate, signatureAlgorithm, signatureValue) as
// Botan's X509_Object, whose verify_signature is the code Botan's X509_Certificate uses. The
// TBS contents are decoded by dpslint, not by Botan::X509_Certificate, because Botan 2 rejects
// valid certificates (e.g. notAfter 99991231235959Z, RFC 5280 §4.1.2.5's "no expiry" value).
class SignedObject final : public Botan::X509_Object {
public:
    // Throws Botan::Exception when `der` is not SEQUENCE { SEQUENCE, AlgorithmIdentifier,
    // BIT STRING } followed by nothing.
    explicit SignedObject(ByteView der);

    std::string PEM_label() const override { return "CERTIFICATE"; }

private:
    void force_decode() override {}
};

// Immutable after construction. Botan's signature checks build their PK_Verifier and
// verification operation per call and only read the object and the key, so any number of
// threads may verify against the same instance at once.
class BotanCertificate final : public NativeCertificate {
public:
    BotanCertificate(std::unique_ptr<const SignedObject> signed_object, std::string signed_error,
                     bool algorithms_match, bool signature_whole_octets,
                     std::shared_ptr<const Botan::Public_Key> public_key,
                     std::string public_key_error)
        : signed_object_(std::move(signed_object)),
          signed_error_(std::move(signed_error)),
          algorithms_match_(algorithms_match),
          signature_whole_octets_(signature_whole_octets),
          public_key_(std::move(public_key)),
          public_key_error_(std::move(public_key_error)) {}

    // Null when Botan could not decode the envelope; signed_error() says why.
    const SignedObject* signed_object() const noexcept { return signed_object_.get(); }
    const std::string& signed_error() const noexcept { return signed_error_; }
    // tbsCertificate.signature and signatureAlgorithm have identical encodings.
    bool algorithms_match() const noexcept { return algorithms_match_; }
    // The signatureValue BIT STRING has no unused bits (OpenSSL refuses the signature otherwise;
    // Botan would ignore them).
    bool signature_whole_octets() const noexcept { return signature_whole_octets_; }
    // The subject public key; null when Botan cannot load it, public_key_error() says why.
    const Botan::Public_Key* public_key() const noexcept { return public_key_.get(); }
    const std::string& public_key_error() const noexcept { return public_key_error_; }

private:
    std::unique_ptr<const SignedObject> signed_object_;
    std::string signed_error_;
    bool algorithms_match_;
    bool signature_whole_octets_;
    std::shared_ptr<const Botan::Public_Key> public_key_;
    std::string public_key_error_;
};

}  // namespace dpslint::botan
