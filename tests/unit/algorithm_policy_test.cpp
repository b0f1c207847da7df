#include "dpslint/algorithm_policy.hpp"

#include <catch2/catch.hpp>

#include "dpslint/algorithms.hpp"

using namespace dpslint;

TEST_CASE("default algorithm policy", "[policy]") {
    const AlgorithmPolicy policy;
    PublicKeyInfo rsa{KeyAlgorithm::rsa, "1.2.840.113549.1.1.1", 2048, "", ""};
    CHECK(policy.check_key(rsa).empty());
    rsa.bits = 1024;
    CHECK(policy.check_key(rsa) == "RSA key of 1024 bits is below the minimum of 2048");
    PublicKeyInfo ec{KeyAlgorithm::ec, "1.2.840.10045.2.1", 256, "secp256k1", ""};
    CHECK_FALSE(policy.check_key(ec).empty());
    ec.curve = "P-256";
    CHECK(policy.check_key(ec).empty());
    CHECK(policy.check_key({KeyAlgorithm::ed25519, "1.3.101.112", 256, "", ""}).empty());

    CHECK(policy.check_signature(describe_signature_algorithm("1.2.840.10045.4.3.2")).empty());
    CHECK(policy.check_signature(describe_signature_algorithm("1.3.101.112")).empty());
    CHECK_FALSE(
        policy.check_signature(describe_signature_algorithm("1.2.840.113549.1.1.5")).empty());
    CHECK_FALSE(
        policy.check_signature(describe_signature_algorithm("1.2.840.113549.1.1.4")).empty());
    CHECK_FALSE(policy.check_signature(describe_signature_algorithm("1.2.3.4")).empty());
}

TEST_CASE("a caller can relax or tighten the policy", "[policy]") {
    AlgorithmPolicy policy;
    policy.allowed_hashes.insert(HashAlgorithm::sha1);
    policy.min_rsa_bits = 3072;
    CHECK(policy.check_signature(describe_signature_algorithm("1.2.840.113549.1.1.5")).empty());
    CHECK_FALSE(policy.check_key({KeyAlgorithm::rsa, "", 2048, "", ""}).empty());
    policy.allow_ed25519 = false;
    CHECK_FALSE(policy.check_signature(describe_signature_algorithm("1.3.101.112")).empty());
}

TEST_CASE("hash algorithm OIDs, shared by both backends' RSASSA-PSS parameters", "[policy]") {
    CHECK(hash_algorithm_from_oid("1.3.14.3.2.26") == HashAlgorithm::sha1);
    CHECK(hash_algorithm_from_oid("2.16.840.1.101.3.4.2.4") == HashAlgorithm::sha224);
    CHECK(hash_algorithm_from_oid("2.16.840.1.101.3.4.2.1") == HashAlgorithm::sha256);
    CHECK(hash_algorithm_from_oid("2.16.840.1.101.3.4.2.2") == HashAlgorithm::sha384);
    CHECK(hash_algorithm_from_oid("2.16.840.1.101.3.4.2.3") == HashAlgorithm::sha512);
    CHECK(hash_algorithm_from_oid("1.2.840.113549.2.5") == HashAlgorithm::md5);
    CHECK(hash_algorithm_from_oid("1.2.840.113549.1.1.11") == HashAlgorithm::unknown);
    CHECK(hash_algorithm_from_oid("") == HashAlgorithm::unknown);
}
