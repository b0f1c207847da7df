#include "x509/rsa_key.hpp"

#include "x509/der_reader.hpp"

namespace dpslint {

namespace {

bool positive(const der::Tlv& integer) {
    const ByteView c = integer.content;
    // DER (checked before) makes the encoding minimal: 00 alone is zero, a leading 00 is sign.
    return (c[0] & 0x80) == 0 && !(c.size() == 1 && c[0] == 0);
}

}  // namespace

std::optional<std::string> rsa_key_problem(ByteView key) {
    try {
        const der::Tlv sequence = der::read_single(key, "RSAPublicKey");
        der::check_der_tree(key);
        if (!sequence.is_sequence())
            return "RSA public key is not a SEQUENCE";
        der::DerReader fields(sequence.content);
        const der::Tlv modulus =
            fields.read(der::TagClass::universal, der::tag::integer, false, "RSA modulus");
        const der::Tlv exponent =
            fields.read(der::TagClass::universal, der::tag::integer, false, "RSA public exponent");
        fields.expect_end("RSAPublicKey");
        if (!positive(modulus))
            return "RSA modulus is not a positive number";
        if (!positive(exponent))
            return "RSA public exponent is not a positive number";
    } catch (const der::DerError& e) {
        return "RSA public key: " + std::string(e.what());
    }
    return std::nullopt;
}

std::optional<std::string> rsa_key_unusable(ByteView key) {
    if (rsa_key_problem(key))
        return std::nullopt;  // refused when parsed
    der::DerReader outer(key);
    der::DerReader fields(outer.read().content);
    const der::Tlv modulus = fields.read();
    const der::Tlv exponent = fields.read();
    if ((modulus.content.back() & 1) == 0)
        return "RSA modulus is even";
    if ((exponent.content.back() & 1) == 0)
        return "RSA public exponent is even";
    return std::nullopt;
}

}  // namespace dpslint
