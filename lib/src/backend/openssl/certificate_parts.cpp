#include "backend/openssl/certificate_parts.hpp"

#include <climits>
#include <string>

#include <openssl/err.h>

#include "dpslint/backend.hpp"

#include "backend/openssl/der.hpp"

namespace dpslint::openssl {

namespace {

[[noreturn]] void fail(const std::string& reason) {
    throw ParseError("not a DER certificate: " + reason);
}

// Reads elements one after another from a SEQUENCE's content.
class Elements {
public:
    Elements(ByteView content, const char* where) : rest_(content), where_(where) {}

    Tlv next(const char* what) {
        const TlvResult element = read_tlv(rest_);
        if (!element.tlv)
            fail(std::string(what) + " in " + where_ + ": " + element.error);
        last_ = rest_.first(element.tlv->size);
        rest_ = rest_.subspan(element.tlv->size);
        return *element.tlv;
    }
    // The next element when it has context-specific tag `number`, else nothing (not consumed).
    std::optional<Tlv> next_context(std::uint32_t number) {
        const TlvResult element = read_tlv(rest_);
        if (!element.tlv || element.tlv->tag_class != 2 || element.tlv->number != number)
            return std::nullopt;
        return next("optional field");
    }
    ByteView last() const noexcept { return last_; }
    void expect_end() const {
        if (!rest_.empty())
            fail(std::string("unexpected element at the end of ") + where_);
    }

private:
    ByteView rest_;
    ByteView last_;
    const char* where_;
};

bool is_universal(const Tlv& tlv, std::uint32_t number, bool constructed) {
    return tlv.tag_class == 0 && tlv.number == number && tlv.constructed == constructed;
}

Tlv sequence(Elements& elements, const char* what) {
    const Tlv tlv = elements.next(what);
    if (!is_universal(tlv, 16, true))
        fail(std::string(what) + ": expected a SEQUENCE");
    return tlv;
}

// OpenSSL's decoder of one type over exactly the bytes of one element, into the owning `P`.
template <typename P, typename D2i>
P decode(ByteView element, D2i d2i, const char* what) {
    const unsigned char* p = element.data();
    P out(d2i(nullptr, &p, static_cast<long>(element.size())));
    if (!out || p != element.data() + element.size()) {
        const auto failure = take_errors();
        fail(std::string(what) + (failure.text.empty() ? std::string{} : ": " + failure.text));
    }
    return out;
}

}  // namespace

CertificateParts split_certificate(ByteView der) {
    if (der.size() > static_cast<std::size_t>(LONG_MAX))
        fail("input too large");
    const TlvResult outer = read_tlv(der);
    if (!outer.tlv)
        fail(outer.error);
    if (!is_universal(*outer.tlv, 16, true))
        fail("expected a SEQUENCE");
    if (outer.tlv->size != der.size())
        throw ParseError("trailing bytes after certificate");
    if (const auto violation = der_violation(der))
        fail(*violation);

    CertificateParts out;
    Elements certificate(outer.tlv->content, "Certificate");
    sequence(certificate, "tbsCertificate");
    out.tbs = certificate.last();
    const Tlv tbs_tlv = *read_tlv(out.tbs).tlv;
    sequence(certificate, "signatureAlgorithm");
    out.signature_algorithm =
        decode<AlgorPtr>(certificate.last(), d2i_X509_ALGOR, "signatureAlgorithm");
    certificate.next("signatureValue");
    out.signature = decode<BitStringPtr>(certificate.last(), d2i_ASN1_BIT_STRING, "signatureValue");
    certificate.expect_end();

    Elements tbs(tbs_tlv.content, "tbsCertificate");
    if (const auto version = tbs.next_context(0)) {
        if (!version->constructed)
            fail("version: expected [0] EXPLICIT");
        const auto value = decode<Asn1IntegerPtr>(version->content, d2i_ASN1_INTEGER, "version");
        out.version = ASN1_INTEGER_get(value.get());
        ERR_clear_error();
    }
    tbs.next("serialNumber");
    out.serial = decode<Asn1IntegerPtr>(tbs.last(), d2i_ASN1_INTEGER, "serialNumber");
    sequence(tbs, "signature");
    out.inner_algorithm = decode<AlgorPtr>(tbs.last(), d2i_X509_ALGOR, "signature");
    sequence(tbs, "issuer");
    out.issuer = decode<NamePtr>(tbs.last(), d2i_X509_NAME, "issuer");
    const Tlv validity = sequence(tbs, "validity");
    Elements times(validity.content, "validity");
    times.next("notBefore");
    out.not_before = decode<Asn1TimePtr>(times.last(), d2i_ASN1_TIME, "notBefore");
    times.next("notAfter");
    out.not_after = decode<Asn1TimePtr>(times.last(), d2i_ASN1_TIME, "notAfter");
    times.expect_end();
    sequence(tbs, "subject");
    out.subject = decode<NamePtr>(tbs.last(), d2i_X509_NAME, "subject");

    const Tlv spki = sequence(tbs, "subjectPublicKeyInfo");
    out.spki = tbs.last();
    Elements key_parts(spki.content, "subjectPublicKeyInfo");
    sequence(key_parts, "algorithm");
    out.key_algorithm = decode<AlgorPtr>(key_parts.last(), d2i_X509_ALGOR, "algorithm");
    key_parts.next("subjectPublicKey");
    out.key_bits = decode<BitStringPtr>(key_parts.last(), d2i_ASN1_BIT_STRING, "subjectPublicKey");
    key_parts.expect_end();
    // The key as OpenSSL decodes it (and as Botan loads it): unused bits cleared.
    out.key = string_bytes(out.key_bits.get());

    // issuerUniqueID [1] and subjectUniqueID [2] are IMPLICIT BIT STRINGs dpslint does not report.
    for (std::uint32_t number : {1u, 2u}) {
        if (const auto id = tbs.next_context(number)) {
            if (id->constructed || id->content.empty() || id->content[0] > 7)
                fail("malformed unique identifier");
        }
    }
    if (const auto wrapper = tbs.next_context(3)) {
        if (!wrapper->constructed)
            fail("extensions: expected [3] EXPLICIT");
        const TlvResult list = read_tlv(wrapper->content);
        if (!list.tlv || list.tlv->size != wrapper->content.size())
            fail("extensions: expected one SEQUENCE");
        out.extensions =
            decode<ExtensionListPtr>(wrapper->content, d2i_X509_EXTENSIONS, "extensions");
    }
    tbs.expect_end();
    return out;
}

}  // namespace dpslint::openssl
