#include "backend/botan/signature_check.hpp"

#include <string>

#include "backend/botan/errors.hpp"

namespace dpslint::botan {

SignatureCheck check_signature(const Certificate& subject, const BotanCertificate& subject_native,
                               const Certificate& issuer, const BotanCertificate& issuer_native) {
    return check_signed(
        subject.signature_algorithm(),
        SignedEnvelope{subject_native.signed_object(), subject_native.signed_error(),
                       subject_native.algorithms_match(), subject_native.signature_whole_octets()},
        issuer, issuer_native);
}

SignatureCheck check_signed(const SignatureAlgorithm& algorithm, const SignedEnvelope& envelope,
                            const Certificate& issuer, const BotanCertificate& issuer_native) {
    const KeyAlgorithm key_algorithm = issuer.public_key().algorithm;

    // The checks come in the order OpenSSL makes them (X509_verify, the issuer key decode,
    // ASN1_item_verify_ctx), so that an input failing several gets the same status.
    if (!envelope.algorithms_match) {
        return {SignatureStatus::invalid,
                "signatureAlgorithm differs from the signature field of the signed data"};
    }
    const Botan::Public_Key* key = issuer_native.public_key();
    if (key == nullptr) {
        return {SignatureStatus::unsupported,
                "issuer public key unusable: " + issuer_native.public_key_error()};
    }
    if (!envelope.signature_whole_octets) {
        return {SignatureStatus::invalid,
                "signature does not verify: the signature BIT STRING has unused bits"};
    }
    if (algorithm.key_algorithm == KeyAlgorithm::unknown) {
        return {SignatureStatus::unsupported, "unknown signature algorithm " + algorithm.oid};
    }
    if (envelope.signed_object == nullptr) {
        return {SignatureStatus::unsupported,
                "Botan cannot decode the signed object: " + envelope.signed_error};
    }
    if (key_algorithm != KeyAlgorithm::unknown && key_algorithm != algorithm.key_algorithm) {
        return {SignatureStatus::invalid, algorithm.name + " signature cannot come from an "
                                              + std::string(to_string(key_algorithm))
                                              + " issuer key"};
    }

    Botan::Certificate_Status_Code code{};
    try {
        // Builds its own PK_Verifier: nothing shared is modified.
        code = envelope.signed_object->verify_signature(*key);
    } catch (const std::exception& e) {
        return {SignatureStatus::unsupported, "Botan: " + one_line(e.what())};
    }
    switch (code) {
        case Botan::Certificate_Status_Code::VERIFIED:
            return {SignatureStatus::valid, {}};
        case Botan::Certificate_Status_Code::SIGNATURE_ERROR:
            return {SignatureStatus::invalid, "signature does not verify"};
        default:
            // SIGNATURE_ALGO_UNKNOWN, SIGNATURE_ALGO_BAD_PARAMS, UNTRUSTED_HASH, ...
            return {SignatureStatus::unsupported, "Botan: " + one_line(Botan::to_string(code))};
    }
}

}  // namespace dpslint::botan
