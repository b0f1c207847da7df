#include "backend/botan/public_key.hpp"

#include <bit>
#include <optional>
#include <vector>

#include "dpslint/algorithms.hpp"

#include "backend/botan/botan_includes.hpp"
#include "backend/botan/der_values.hpp"
#include "backend/botan/digest.hpp"
#include "backend/botan/errors.hpp"
#include "x509/ec_point.hpp"
#include "x509/rsa_key.hpp"

namespace dpslint::botan {

namespace {

constexpr std::size_t ed25519_key_octets = 32;
constexpr std::size_t ed448_key_octets = 57;

// Size in bits of a key Botan loaded, as OpenSSL's EVP_PKEY_get_bits reports it: the EC group
// order, 256 for Ed25519.
int loaded_key_bits(const Botan::Public_Key& key, KeyAlgorithm algorithm) {
    if (algorithm == KeyAlgorithm::ec) {
        if (const auto* ec = dynamic_cast<const Botan::EC_PublicKey*>(&key))
            return static_cast<int>(ec->domain().get_order_bits());
        return 0;
    }
    return 256;
}

// Bit length of INTEGER content read as an unsigned number, the way OpenSSL reads the BIGNUMs
// of RSA and DSA keys (no sign, leading zero octets allowed).
int unsigned_bit_length(ByteView content) {
    while (!content.empty() && content.front() == 0)
        content = content.subspan(1);
    if (content.empty())
        return 0;
    return static_cast<int>((content.size() - 1) * 8 + std::bit_width(content.front()));
}

// The sizes of RSA and DSA keys are read from their DER directly, so that keys Botan refuses to
// load (an even RSA exponent, DSA parameters it does not like) still report their size, as
// OpenSSL does. 0 when the structure does not decode.

// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
int rsa_modulus_bits(ByteView key) {
    try {
        DerReader outer(key);
        DerReader fields(outer.read_sequence("RSAPublicKey").content);
        const Tlv modulus = fields.read(TagClass::universal, tag::integer, false, "modulus");
        fields.read(TagClass::universal, tag::integer, false, "publicExponent");
        fields.expect_end("RSAPublicKey");
        return unsigned_bit_length(modulus.content);
    } catch (const DerError&) {
        return 0;
    }
}

// Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }; the key is an INTEGER.
int dsa_prime_bits(const std::optional<Tlv>& parameters, ByteView key) {
    try {
        if (!parameters || !parameters->is_sequence())
            return 0;
        DerReader fields(parameters->content);
        const Tlv p = fields.read(TagClass::universal, tag::integer, false, "p");
        fields.read(TagClass::universal, tag::integer, false, "q");
        fields.read(TagClass::universal, tag::integer, false, "g");
        fields.expect_end("Dss-Parms");
        DerReader y(key);
        integer_value(y.read(TagClass::universal, tag::integer, false, "DSAPublicKey"),
                      "DSAPublicKey");
        return unsigned_bit_length(p.content);
    } catch (const DerError&) {
        return 0;
    }
}

}  // namespace

DecodedPublicKey decode_public_key(const Tlv& spki) {
    if (!spki.is_sequence())
        throw DerError("expected SubjectPublicKeyInfo");
    DerReader reader(spki.content);
    const Tlv algorithm = reader.read_sequence("AlgorithmIdentifier");
    const BitString key_bits = read_bit_string(reader.read(), "subjectPublicKey");
    reader.expect_end("SubjectPublicKeyInfo");

    DerReader algorithm_reader(algorithm.content);
    DecodedPublicKey out;
    out.info.algorithm_oid = read_oid(algorithm_reader.read(), "algorithm");
    std::optional<Tlv> parameters;
    if (!algorithm_reader.at_end())
        parameters = algorithm_reader.read();
    algorithm_reader.expect_end("AlgorithmIdentifier");

    out.info.algorithm = key_algorithm_from_oid(out.info.algorithm_oid);
    // The bytes as found in the certificate.
    out.info.spki_sha256 = digest_hex("SHA-256", spki.encoding);
    // Keys are loaded from the SPKI with the BIT STRING's padding bits cleared, as OpenSSL
    // decodes it; for valid DER (padding bits zero) that is the input itself.
    std::vector<std::uint8_t> der(spki.encoding.begin(), spki.encoding.end());
    if (!key_bits.bytes.empty())
        der.back() = key_bits.bytes.back();
    // namedCurve only; explicit (SEQUENCE) or implicit (NULL) parameters leave the curve empty.
    const NamedCurve* named_curve = nullptr;
    if (out.info.algorithm == KeyAlgorithm::ec && parameters
        && parameters->is_universal(tag::object_identifier)) {
        const std::string curve_oid = oid_text(parameters->content);
        out.info.curve = curve_name_from_oid(curve_oid);
        // A key on P-256/384/521 must be a point of its curve (x509/ec_point.hpp), as the
        // OpenSSL backend requires.
        named_curve = find_named_curve(curve_oid);
        if (named_curve != nullptr) {
            if (auto problem = ec_point_encoding_problem(*named_curve, key_bits.bytes))
                throw DerError(*problem);
        }
    }

    switch (out.info.algorithm) {
        case KeyAlgorithm::rsa:
            // The same rule as the OpenSSL backend: a DER RSAPublicKey of positive numbers.
            if (auto problem = rsa_key_problem(key_bits.bytes))
                throw DerError(*problem);
            out.info.bits = rsa_modulus_bits(key_bits.bytes);
            if (auto why = rsa_key_unusable(key_bits.bytes)) {
                out.load_error = *why;  // as the OpenSSL backend words it
                return out;
            }
            break;
        case KeyAlgorithm::dsa:
            out.info.bits = dsa_prime_bits(parameters, key_bits.bytes);
            break;
        case KeyAlgorithm::unknown:
            out.load_error = "unknown public key algorithm " + out.info.algorithm_oid;
            return out;
        case KeyAlgorithm::ed448:
            // Botan 2 has no Ed448; the size is known from the algorithm when the key is
            // well-formed (RFC 8410: no parameters, 57 octets).
            if (!parameters && key_bits.bytes.size() == ed448_key_octets)
                out.info.bits = 456;
            out.load_error = "Ed448 is not supported by Botan 2";
            return out;
        case KeyAlgorithm::ed25519:
            // RFC 8410: parameters MUST be absent; Botan 2 would ignore them, OpenSSL refuses.
            if (parameters || key_bits.bytes.size() != ed25519_key_octets) {
                out.load_error = "malformed Ed25519 public key";
                return out;
            }
            break;
        default:
            break;
    }

    try {
        std::shared_ptr<const Botan::Public_Key> key(Botan::X509::load_key(der));
        if (out.info.algorithm == KeyAlgorithm::ec || out.info.algorithm == KeyAlgorithm::ed25519)
            out.info.bits = loaded_key_bits(*key, out.info.algorithm);
        out.key = std::move(key);
    } catch (const std::exception& e) {
        if (named_curve != nullptr) {
            throw DerError("EC public key is not a point of " + std::string(named_curve->name));
        }
        out.load_error = one_line(e.what());
    }
    return out;
}

}  // namespace dpslint::botan
