// The OpenSSL 3 implementation of CryptoBackend: decodes certificates field by field into
// CertificateFields (certificate_parts.hpp says why not d2i_X509) and checks signatures with
// ASN1_item_verify, as X509_verify does.

#include <algorithm>
#include <climits>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "dpslint/algorithms.hpp"
#include "dpslint/backend.hpp"

#include "backend/openssl/certificate_parts.hpp"
#include "backend/openssl/crl_extensions.hpp"
#include "backend/openssl/der.hpp"
#include "backend/openssl/extensions.hpp"
#include "backend/openssl/names.hpp"
#include "backend/openssl/ossl.hpp"
#include "backend/openssl/public_key.hpp"
#include "x509/rsa_key.hpp"

namespace dpslint {

namespace {

using openssl::CertificateParts;
using openssl::ErrorScope;
using openssl::oid_text;

// What signature checks need of a certificate from this backend. Immutable after construction
// but for the public key, decoded once, on the first check that uses the certificate as an
// issuer (most certificates in a batch are leaves and never need it). ASN1_item_verify and
// EVP_DigestVerify only read the key, so any number of threads may share it.
class OpensslCertificate final : public NativeCertificate {
public:
    OpensslCertificate(CertificateParts& parts, const PublicKeyInfo& key)
        : tbs_(decode_tbs(parts.tbs)),
          signature_algorithm_(std::move(parts.signature_algorithm)),
          signature_(std::move(parts.signature)),
          algorithms_match_(X509_ALGOR_cmp(parts.inner_algorithm.get(), signature_algorithm_.get())
                            == 0),
          spki_(parts.spki.begin(), parts.spki.end()),
          // Botan cannot load such a key; OpenSSL could, but then the backends would differ.
          unusable_(key.algorithm == KeyAlgorithm::rsa ? rsa_key_unusable(parts.key).value_or("")
                                                       : std::string()) {}

    bool algorithms_match() const noexcept { return algorithms_match_; }

    // 1 valid, 0 invalid, -1 error: as ASN1_item_verify, whose errors stay queued.
    int verify(EVP_PKEY* issuer_key) const {
        return ASN1_item_verify(ASN1_ITEM_rptr(ASN1_ANY), signature_algorithm_.get(),
                                signature_.get(), tbs_.get(), issuer_key);
    }

    // The subject public key, or null with `error` saying why OpenSSL cannot use it.
    EVP_PKEY* public_key(std::string& error) const {
        if (!unusable_.empty()) {
            error = unusable_;
            return nullptr;
        }
        std::call_once(key_once_, [this] {
            const openssl::ErrorScope errors;
            const unsigned char* p = spki_.data();
            key_.reset(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki_.size())));
            if (!key_)
                key_error_ = openssl::take_errors().text;
        });
        error = key_error_;
        return key_.get();
    }

private:
    // The TBSCertificate as an ASN1_TYPE of type SEQUENCE holds its encoding as is, so
    // ASN1_item_verify re-encodes exactly the signed bytes.
    static openssl::Asn1TypePtr decode_tbs(ByteView tbs) {
        const unsigned char* p = tbs.data();
        openssl::Asn1TypePtr out(d2i_ASN1_TYPE(nullptr, &p, static_cast<long>(tbs.size())));
        if (!out)
            throw ParseError("not a DER certificate: tbsCertificate");
        return out;
    }

    openssl::Asn1TypePtr tbs_;
    openssl::AlgorPtr signature_algorithm_;
    openssl::BitStringPtr signature_;
    bool algorithms_match_;
    Bytes spki_;
    std::string unusable_;  // why the key cannot verify anything, though it decodes
    mutable std::once_flag key_once_;
    mutable openssl::Ptr<EVP_PKEY, EVP_PKEY_free> key_;
    mutable std::string key_error_;
};

// Hash of RSASSA-PSS-params (RFC 4055): SHA-1 when hashAlgorithm is absent (as when the
// parameters are), unknown when they do not decode.
HashAlgorithm pss_hash(const X509_ALGOR* algorithm) {
    int type = V_ASN1_UNDEF;
    const void* value = nullptr;
    X509_ALGOR_get0(nullptr, &type, &value, algorithm);
    if (type == V_ASN1_UNDEF)
        return HashAlgorithm::sha1;
    if (type != V_ASN1_SEQUENCE)
        return HashAlgorithm::unknown;
    const ByteView der = openssl::string_bytes(static_cast<const ASN1_STRING*>(value));
    const unsigned char* p = der.data();
    const openssl::Ptr<RSA_PSS_PARAMS, RSA_PSS_PARAMS_free> params(
        d2i_RSA_PSS_PARAMS(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error();
    if (!params || p != der.data() + der.size())
        return HashAlgorithm::unknown;
    if (params->hashAlgorithm == nullptr)
        return HashAlgorithm::sha1;
    const ASN1_OBJECT* hash = nullptr;
    X509_ALGOR_get0(&hash, nullptr, nullptr, params->hashAlgorithm);
    return hash_algorithm_from_oid(oid_text(hash));
}

SignatureAlgorithm signature_algorithm(const X509_ALGOR* algorithm) {
    const ASN1_OBJECT* object = nullptr;
    X509_ALGOR_get0(&object, nullptr, nullptr, algorithm);
    const std::string oid = oid_text(object);
    const HashAlgorithm hash =
        OBJ_obj2nid(object) == NID_rsassaPss ? pss_hash(algorithm) : HashAlgorithm::unknown;
    return describe_signature_algorithm(oid, hash);
}

DistinguishedName name_of(const X509_NAME* name, const char* which) {
    auto dn = openssl::convert_name(name);
    if (!dn)
        throw ParseError(std::string("malformed ") + which
                         + " name: empty RelativeDistinguishedName");
    return std::move(*dn);
}

// RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ, nothing else
// (ASN1_TIME_to_tm would also take offsets, fractions and missing seconds).
bool is_rfc5280_time(const ASN1_TIME* time) {
    const int type = ASN1_STRING_type(time);
    const ByteView text = openssl::string_bytes(time);
    const std::size_t expected = type == V_ASN1_UTCTIME           ? 13
                                 : type == V_ASN1_GENERALIZEDTIME ? 15
                                                                  : 0;
    if (expected == 0 || text.size() != expected || text.back() != 'Z')
        return false;
    return std::all_of(text.begin(), text.end() - 1,
                       [](std::uint8_t c) { return c >= '0' && c <= '9'; });
}

TimePoint to_time_point(const ASN1_TIME* time, const char* which) {
    // ASN1_TIME_to_tm would read the clock for a null time; a parsed certificate has both.
    std::tm tm{};
    if (time == nullptr || !is_rfc5280_time(time) || ASN1_TIME_to_tm(time, &tm) != 1) {
        ERR_clear_error();
        throw ParseError(std::string("malformed ") + which + " time");
    }
    return make_time(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                     static_cast<unsigned>(tm.tm_mday), static_cast<unsigned>(tm.tm_hour),
                     static_cast<unsigned>(tm.tm_min), static_cast<unsigned>(tm.tm_sec));
}

CertificateFields extract_fields(const CertificateParts& parts, ByteView der) {
    CertificateFields fields;
    fields.der.assign(der.begin(), der.end());

    const long version = parts.version;
    if (version < 0 || version > 2) {
        throw ParseError("unsupported certificate version " + std::to_string(version + 1));
    }
    fields.version = static_cast<int>(version) + 1;

    const ASN1_INTEGER* serial = parts.serial.get();
    fields.serial_hex = openssl::integer_magnitude_hex(serial);
    fields.serial_negative = ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER;
    fields.serial_octets = openssl::integer_content_octets(serial);

    fields.subject = name_of(parts.subject.get(), "subject");
    fields.issuer = name_of(parts.issuer.get(), "issuer");
    fields.not_before = to_time_point(parts.not_before.get(), "notBefore");
    fields.not_after = to_time_point(parts.not_after.get(), "notAfter");
    fields.public_key =
        openssl::describe_spki_parts(parts.key_algorithm.get(), parts.key, parts.spki);
    fields.signature_algorithm = signature_algorithm(parts.signature_algorithm.get());
    fields.sha1 = openssl::digest_hex(EVP_sha1(), der);
    fields.sha256 = openssl::digest_hex(EVP_sha256(), der);
    fields.extensions = openssl::decode_extensions(parts.extensions.get());
    return fields;
}

// A CRL as OpenSSL decoded it, for X509_CRL_verify; immutable, verify only reads it.
class OpensslCrl final : public NativeCertificate {
public:
    OpensslCrl(openssl::Ptr<X509_CRL, X509_CRL_free> crl, bool algorithms_match)
        : crl_(std::move(crl)), algorithms_match_(algorithms_match) {}

    X509_CRL* get() const noexcept { return crl_.get(); }
    bool algorithms_match() const noexcept { return algorithms_match_; }

private:
    openssl::Ptr<X509_CRL, X509_CRL_free> crl_;
    bool algorithms_match_;
};

// CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }: whether
// tbsCertList.signature and signatureAlgorithm are encoded identically.
bool crl_algorithms_match(ByteView der) {
    const auto outer = openssl::read_tlv(der);
    ByteView rest = outer.tlv->content;
    const auto tbs = openssl::read_tlv(rest);
    if (!tbs.tlv)
        return false;
    rest = rest.subspan(tbs.tlv->size);
    const auto outer_algorithm = openssl::read_tlv(rest);
    ByteView fields = tbs.tlv->content;
    auto first = openssl::read_tlv(fields);
    if (first.tlv && first.tlv->tag_class == 0 && first.tlv->number == 2) {  // version
        fields = fields.subspan(first.tlv->size);
        first = openssl::read_tlv(fields);
    }
    if (!first.tlv || !outer_algorithm.tlv)
        return false;
    return std::ranges::equal(fields.first(first.tlv->size), rest.first(outer_algorithm.tlv->size));
}

CrlFields extract_crl_fields(X509_CRL* crl, ByteView der) {
    CrlFields f;
    f.der.assign(der.begin(), der.end());
    f.sha256 = openssl::digest_hex(EVP_sha256(), der);
    const long version = X509_CRL_get_version(crl);
    if (version < 0 || version > 1)
        throw ParseError("unsupported CRL version");
    f.version = static_cast<int>(version) + 1;
    const X509_ALGOR* algorithm = nullptr;
    X509_CRL_get0_signature(crl, nullptr, &algorithm);
    f.signature_algorithm = signature_algorithm(algorithm);
    f.issuer = name_of(X509_CRL_get_issuer(crl), "CRL issuer");
    f.this_update = to_time_point(X509_CRL_get0_lastUpdate(crl), "thisUpdate");
    if (const ASN1_TIME* next = X509_CRL_get0_nextUpdate(crl))
        f.next_update = to_time_point(next, "nextUpdate");
    const STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl);
    for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i) {
        const X509_REVOKED* r = sk_X509_REVOKED_value(revoked, i);
        CrlEntry entry;
        const ASN1_INTEGER* serial = X509_REVOKED_get0_serialNumber(r);
        entry.serial_hex = openssl::integer_magnitude_hex(serial);
        entry.serial_negative = ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER;
        entry.revocation_date =
            to_time_point(X509_REVOKED_get0_revocationDate(r), "revocationDate");
        openssl::decode_crl_entry_extensions(X509_REVOKED_get0_extensions(r), entry);
        f.entries.push_back(std::move(entry));
    }
    openssl::decode_crl_extensions(X509_CRL_get0_extensions(crl), f);
    return f;
}

// The checks shared by certificates and CRLs, in X509_verify's order: differing signature fields
// fail before any cryptography; then the issuer key; then `verify` (1 = valid), whose OpenSSL
// errors say whether the algorithm is unsupported or the signature wrong.
template <typename Verify>
SignatureCheck check_signed(bool algorithms_match, const char* signed_part,
                            const OpensslCertificate& issuer, Verify verify) {
    if (!algorithms_match) {
        return {SignatureStatus::invalid,
                std::string("signature does not verify: signatureAlgorithm differs from the ")
                    + signed_part + " signature field"};
    }
    std::string key_error;
    EVP_PKEY* key = issuer.public_key(key_error);
    if (key == nullptr) {
        return {
            SignatureStatus::unsupported,
            "issuer public key unusable" + (key_error.empty() ? std::string{} : ": " + key_error)};
    }
    const ErrorScope errors;
    if (verify(key) == 1)
        return {SignatureStatus::valid, {}};
    const auto failure = openssl::take_errors();
    if (failure.unsupported)
        return {SignatureStatus::unsupported, "OpenSSL cannot check it: " + failure.text};
    if (failure.specific)
        return {SignatureStatus::invalid, "signature does not verify: " + failure.text};
    return {SignatureStatus::invalid, "signature does not verify"};
}

class OpensslBackend final : public CryptoBackend {
public:
    std::string_view name() const noexcept override { return "openssl"; }

    CertificatePtr parse_certificate(ByteView der) const override {
        const ErrorScope errors;
        if (der.empty())
            throw ParseError("not a DER certificate: empty input");
        static constexpr std::string_view pem_start = "-----BEGIN";
        if (der.size() >= pem_start.size()
            && std::equal(pem_start.begin(), pem_start.end(), der.begin())) {
            throw ParseError("not a DER certificate: PEM text (decode it first)");
        }
        CertificateParts parts = openssl::split_certificate(der);
        CertificateFields fields = extract_fields(parts, der);
        auto native = std::make_shared<const OpensslCertificate>(parts, fields.public_key);
        return std::make_shared<const Certificate>(std::move(fields), std::move(native));
    }

    SignatureCheck verify_signature(const Certificate& subject,
                                    const Certificate& issuer) const override {
        const auto* subject_native = dynamic_cast<const OpensslCertificate*>(subject.native());
        const auto* issuer_native = dynamic_cast<const OpensslCertificate*>(issuer.native());
        if (subject_native == nullptr || issuer_native == nullptr) {
            return {SignatureStatus::unsupported,
                    "certificate was not parsed by the openssl backend"};
        }
        return check_signed(subject_native->algorithms_match(), "TBSCertificate", *issuer_native,
                            [&](EVP_PKEY* key) { return subject_native->verify(key); });
    }

    CrlPtr parse_crl(ByteView der) const override {
        const ErrorScope errors;
        if (der.empty())
            throw ParseError("not a DER CRL: empty input");
        if (der.size() > static_cast<std::size_t>(LONG_MAX))
            throw ParseError("not a DER CRL: input too large");
        const auto outer = openssl::read_tlv(der);
        if (!outer.tlv)
            throw ParseError("not a DER CRL: " + outer.error);
        if (outer.tlv->tag_class != 0 || outer.tlv->number != 16 || !outer.tlv->constructed)
            throw ParseError("not a DER CRL: expected a SEQUENCE");
        if (outer.tlv->size != der.size())
            throw ParseError("trailing bytes after CRL");
        if (const auto violation = openssl::der_violation(der))
            throw ParseError("not a DER CRL: " + *violation);
        const unsigned char* p = der.data();
        openssl::Ptr<X509_CRL, X509_CRL_free> crl(
            d2i_X509_CRL(nullptr, &p, static_cast<long>(der.size())));
        if (!crl) {
            const auto failure = openssl::take_errors();
            throw ParseError(
                "not a DER CRL: "
                + (failure.text.empty() ? std::string("decoding failed") : failure.text));
        }
        CrlFields fields = extract_crl_fields(crl.get(), der);
        auto native = std::make_shared<const OpensslCrl>(std::move(crl), crl_algorithms_match(der));
        return std::make_shared<const Crl>(std::move(fields), std::move(native));
    }

    SignatureCheck verify_crl_signature(const Crl& crl, const Certificate& issuer) const override {
        const auto* crl_native = dynamic_cast<const OpensslCrl*>(crl.native());
        const auto* issuer_native = dynamic_cast<const OpensslCertificate*>(issuer.native());
        if (crl_native == nullptr || issuer_native == nullptr) {
            return {SignatureStatus::unsupported,
                    "CRL or issuer not parsed by the openssl backend"};
        }
        return check_signed(crl_native->algorithms_match(), "tbsCertList", *issuer_native,
                            [&](EVP_PKEY* key) { return X509_CRL_verify(crl_native->get(), key); });
    }

    PublicKeyInfo describe_public_key(ByteView spki_der) const override {
        const ErrorScope errors;
        if (spki_der.empty())
            throw ParseError("not a DER SubjectPublicKeyInfo: empty input");
        if (spki_der.size() > static_cast<std::size_t>(LONG_MAX)) {
            throw ParseError("not a DER SubjectPublicKeyInfo: input too large");
        }
        const unsigned char* p = spki_der.data();
        const openssl::X509PubkeyPtr spki(
            d2i_X509_PUBKEY(nullptr, &p, static_cast<long>(spki_der.size())));
        if (!spki) {
            const auto failure = openssl::take_errors();
            throw ParseError(
                "not a DER SubjectPublicKeyInfo: "
                + (failure.text.empty() ? std::string("decoding failed") : failure.text));
        }
        if (p != spki_der.data() + spki_der.size()) {
            throw ParseError("trailing bytes after SubjectPublicKeyInfo");
        }
        if (const auto violation = openssl::der_violation(spki_der))
            throw ParseError("not a DER SubjectPublicKeyInfo: " + *violation);
        return openssl::describe_spki(spki.get(), spki_der);
    }
};

}  // namespace

std::unique_ptr<CryptoBackend> make_openssl_backend() {
    return std::make_unique<OpensslBackend>();
}

}  // namespace dpslint
