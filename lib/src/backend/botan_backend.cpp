// The Botan 2 implementation of CryptoBackend. dpslint's strict DER walk (backend/botan/) decodes
// the fields; Botan supplies hashing, public keys and signature verification.

#include <memory>
#include <string>
#include <utility>

#include "dpslint/backend.hpp"

#include "backend/botan/certificate_decoder.hpp"
#include "backend/botan/crl_decoder.hpp"
#include "backend/botan/der_reader.hpp"
#include "backend/botan/errors.hpp"
#include "backend/botan/native_certificate.hpp"
#include "backend/botan/public_key.hpp"
#include "backend/botan/signature_check.hpp"

namespace dpslint {

namespace {

class BotanBackend final : public CryptoBackend {
public:
    std::string_view name() const noexcept override { return "botan"; }

    CertificatePtr parse_certificate(ByteView der) const override {
        try {
            auto decoded = botan::decode_certificate(der);
            return std::make_shared<const Certificate>(std::move(decoded.fields),
                                                       std::move(decoded.native));
        } catch (const ParseError&) {
            throw;
        } catch (const std::exception& e) {
            throw ParseError("not a DER certificate: " + botan::one_line(e.what()));
        }
    }

    SignatureCheck verify_signature(const Certificate& subject,
                                    const Certificate& issuer) const override {
        const auto* subject_native = dynamic_cast<const botan::BotanCertificate*>(subject.native());
        const auto* issuer_native = dynamic_cast<const botan::BotanCertificate*>(issuer.native());
        if (subject_native == nullptr || issuer_native == nullptr) {
            return {SignatureStatus::unsupported,
                    "certificate was not parsed by the botan backend"};
        }
        return botan::check_signature(subject, *subject_native, issuer, *issuer_native);
    }

    CrlPtr parse_crl(ByteView der) const override {
        try {
            return botan::decode_crl(der);
        } catch (const ParseError&) {
            throw;
        } catch (const std::exception& e) {
            throw ParseError("not a DER CRL: " + botan::one_line(e.what()));
        }
    }

    SignatureCheck verify_crl_signature(const Crl& crl, const Certificate& issuer) const override {
        const auto* crl_native = dynamic_cast<const botan::BotanCrl*>(crl.native());
        const auto* issuer_native = dynamic_cast<const botan::BotanCertificate*>(issuer.native());
        if (crl_native == nullptr || issuer_native == nullptr) {
            return {SignatureStatus::unsupported, "CRL or issuer not parsed by the botan backend"};
        }
        return botan::check_signed(
            crl.fields().signature_algorithm,
            botan::SignedEnvelope{crl_native->signed_object(), crl_native->signed_error(),
                                  crl_native->algorithms_match(), true},
            issuer, *issuer_native);
    }

    PublicKeyInfo describe_public_key(ByteView spki_der) const override {
        if (spki_der.empty())
            throw ParseError("not a DER SubjectPublicKeyInfo: empty input");
        try {
            const botan::Tlv spki = botan::DerReader(spki_der).read();
            if (spki.encoding.size() != spki_der.size())
                throw ParseError("trailing bytes after SubjectPublicKeyInfo");
            botan::check_der_tree(spki_der);
            return botan::decode_public_key(spki).info;
        } catch (const ParseError&) {
            throw;
        } catch (const std::exception& e) {
            throw ParseError("not a DER SubjectPublicKeyInfo: " + botan::one_line(e.what()));
        }
    }
};

}  // namespace

std::unique_ptr<CryptoBackend> make_botan_backend() {
    return std::make_unique<BotanBackend>();
}

}  // namespace dpslint
