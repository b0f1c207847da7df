#include "backend/botan/signature_algorithm.hpp"

#include <optional>
#include <string>

#include "dpslint/algorithms.hpp"

#include "backend/botan/der_values.hpp"

namespace dpslint::botan {

namespace {

constexpr const char* oid_rsassa_pss = "1.2.840.113549.1.1.10";

// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
std::string algorithm_oid(const Tlv& identifier, std::optional<Tlv>* parameters) {
    if (!identifier.is_sequence())
        throw DerError("expected AlgorithmIdentifier");
    DerReader reader(identifier.content);
    std::string oid = read_oid(reader.read(), "algorithm");
    std::optional<Tlv> params;
    if (!reader.at_end())
        params = reader.read();
    reader.expect_end("AlgorithmIdentifier");
    if (parameters != nullptr)
        *parameters = params;
    return oid;
}

// Wraps one element in [n] EXPLICIT and checks what is inside.
template <typename Check>
void explicit_field(DerReader& reader, std::uint32_t number, Check check) {
    if (auto field = reader.read_optional(TagClass::context, number, true)) {
        DerReader inner(field->content);
        check(inner.read());
        inner.expect_end("RSASSA-PSS-params field");
    }
}

// RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0], maskGenAlgorithm [1], saltLength [2],
// trailerField [3] }, all optional.
HashAlgorithm pss_hash(const std::optional<Tlv>& parameters) {
    if (!parameters)
        return HashAlgorithm::sha1;
    if (!parameters->is_sequence())
        return HashAlgorithm::unknown;
    try {
        HashAlgorithm hash = HashAlgorithm::sha1;
        DerReader reader(parameters->content);
        explicit_field(reader, 0, [&](const Tlv& id) {
            hash = hash_algorithm_from_oid(algorithm_oid(id, nullptr));
        });
        explicit_field(reader, 1, [](const Tlv& id) { algorithm_oid(id, nullptr); });
        explicit_field(reader, 2, [](const Tlv& n) { read_small_integer(n, "saltLength"); });
        explicit_field(reader, 3, [](const Tlv& n) { read_small_integer(n, "trailerField"); });
        reader.expect_end("RSASSA-PSS-params");
        return hash;
    } catch (const DerError&) {
        return HashAlgorithm::unknown;
    }
}

}  // namespace

SignatureAlgorithm decode_signature_algorithm(const Tlv& algorithm) {
    std::optional<Tlv> parameters;
    const std::string oid = algorithm_oid(algorithm, &parameters);
    const HashAlgorithm hash =
        oid == oid_rsassa_pss ? pss_hash(parameters) : HashAlgorithm::unknown;
    return describe_signature_algorithm(oid, hash);
}

}  // namespace dpslint::botan
