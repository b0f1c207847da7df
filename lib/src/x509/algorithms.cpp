#include "dpslint/algorithms.hpp"

#include <map>

namespace dpslint {

namespace {

struct SignatureEntry {
    const char* name;
    KeyAlgorithm key;
    HashAlgorithm hash;
};

const std::map<std::string, SignatureEntry>& signature_table() {
    using K = KeyAlgorithm;
    using H = HashAlgorithm;
    static const std::map<std::string, SignatureEntry> table{
        {"1.2.840.113549.1.1.2", {"md2WithRSAEncryption", K::rsa, H::unknown}},
        {"1.2.840.113549.1.1.4", {"md5WithRSAEncryption", K::rsa, H::md5}},
        {"1.2.840.113549.1.1.5", {"sha1WithRSAEncryption", K::rsa, H::sha1}},
        {"1.2.840.113549.1.1.14", {"sha224WithRSAEncryption", K::rsa, H::sha224}},
        {"1.2.840.113549.1.1.11", {"sha256WithRSAEncryption", K::rsa, H::sha256}},
        {"1.2.840.113549.1.1.12", {"sha384WithRSAEncryption", K::rsa, H::sha384}},
        {"1.2.840.113549.1.1.13", {"sha512WithRSAEncryption", K::rsa, H::sha512}},
        {"1.2.840.113549.1.1.10", {"RSASSA-PSS", K::rsa, H::unknown}},
        {"1.2.840.10045.4.1", {"ecdsa-with-SHA1", K::ec, H::sha1}},
        {"1.2.840.10045.4.3.1", {"ecdsa-with-SHA224", K::ec, H::sha224}},
        {"1.2.840.10045.4.3.2", {"ecdsa-with-SHA256", K::ec, H::sha256}},
        {"1.2.840.10045.4.3.3", {"ecdsa-with-SHA384", K::ec, H::sha384}},
        {"1.2.840.10045.4.3.4", {"ecdsa-with-SHA512", K::ec, H::sha512}},
        {"1.3.101.112", {"Ed25519", K::ed25519, H::none}},
        {"1.3.101.113", {"Ed448", K::ed448, H::none}},
        {"1.2.840.10040.4.3", {"dsa-with-SHA1", K::dsa, H::sha1}},
        {"2.16.840.1.101.3.4.3.1", {"dsa-with-SHA224", K::dsa, H::sha224}},
        {"2.16.840.1.101.3.4.3.2", {"dsa-with-SHA256", K::dsa, H::sha256}},
    };
    return table;
}

}  // namespace

SignatureAlgorithm describe_signature_algorithm(const std::string& oid, HashAlgorithm pss_hash) {
    SignatureAlgorithm out;
    out.oid = oid;
    const auto& table = signature_table();
    const auto it = table.find(oid);
    if (it == table.end()) {
        out.name = oid;
        return out;
    }
    out.name = it->second.name;
    out.key_algorithm = it->second.key;
    out.hash = oid == "1.2.840.113549.1.1.10" ? pss_hash : it->second.hash;
    return out;
}

HashAlgorithm hash_algorithm_from_oid(const std::string& oid) {
    if (oid == "1.3.14.3.2.26")
        return HashAlgorithm::sha1;
    if (oid == "2.16.840.1.101.3.4.2.4")
        return HashAlgorithm::sha224;
    if (oid == "2.16.840.1.101.3.4.2.1")
        return HashAlgorithm::sha256;
    if (oid == "2.16.840.1.101.3.4.2.2")
        return HashAlgorithm::sha384;
    if (oid == "2.16.840.1.101.3.4.2.3")
        return HashAlgorithm::sha512;
    if (oid == "1.2.840.113549.2.5")
        return HashAlgorithm::md5;
    return HashAlgorithm::unknown;
}

KeyAlgorithm key_algorithm_from_oid(const std::string& oid) {
    if (oid == "1.2.840.113549.1.1.1" || oid == "1.2.840.113549.1.1.10")
        return KeyAlgorithm::rsa;
    if (oid == "1.2.840.10045.2.1")
        return KeyAlgorithm::ec;
    if (oid == "1.3.101.112")
        return KeyAlgorithm::ed25519;
    if (oid == "1.3.101.113")
        return KeyAlgorithm::ed448;
    if (oid == "1.2.840.10040.4.1")
        return KeyAlgorithm::dsa;
    return KeyAlgorithm::unknown;
}

std::string curve_name_from_oid(const std::string& oid) {
    static const std::map<std::string, std::string> curves{
        {"1.2.840.10045.3.1.1", "P-192"},
        {"1.3.132.0.33", "P-224"},
        {"1.2.840.10045.3.1.7", "P-256"},
        {"1.3.132.0.34", "P-384"},
        {"1.3.132.0.35", "P-521"},
        {"1.3.132.0.10", "secp256k1"},
        {"1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1"},
        {"1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1"},
        {"1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1"},
    };
    const auto it = curves.find(oid);
    return it == curves.end() ? oid : it->second;
}

}  // namespace dpslint
