// The RFC 5280 §4 profile checks as a library function (verify --strict uses it; lint rules
// can), and the id tables validator findings cite from.
#include "dpslint/profile.hpp"

#include <algorithm>

#include <catch2/catch.hpp>

#include "dpslint/certificate_file.hpp"
#include "dpslint/chain_checks.hpp"

#include "support/testdata.hpp"

using namespace dpslint;
using dpslint::test::testdata;

namespace profile_test {

namespace {

std::vector<std::string> ids_of(const std::string& limbo_file) {
    const auto backend = make_openssl_backend();
    const auto cert =
        read_certificate_file(testdata("limbo/" + limbo_file), *backend).certificates.front();
    std::vector<std::string> out;
    for (const auto& v : profile_violations(*cert))
        out.emplace_back(v.id);
    return out;
}

using ids = std::vector<std::string>;

}  // namespace

TEST_CASE("profile checks: one violation per broken rule, none on a conforming chain",
          "[profile]") {
    CHECK(ids_of("ca/root.pem").empty());
    CHECK(ids_of("ca/intermediate.pem").empty());
    CHECK(ids_of("ca/leaf.pem").empty());
    CHECK(ids_of("profile/leaf-serial-zero.pem") == ids{"x509.serial-not-positive"});
    CHECK(ids_of("profile/leaf-serial-negative.pem") == ids{"x509.serial-not-positive"});
    CHECK(ids_of("profile/leaf-serial-21-octets.pem") == ids{"x509.serial-too-long"});
    CHECK(ids_of("profile/leaf-missing-aki.pem") == ids{"x509.aki-missing"});
    CHECK(ids_of("profile/leaf-critical-aki.pem") == ids{"x509.aki-critical"});
    CHECK(ids_of("profile/leaf-key-cert-sign.pem") == ids{"x509.key-cert-sign-not-ca"});
    CHECK(ids_of("profile/leaf-empty-subject-san-not-critical.pem")
          == ids{"x509.empty-subject-san"});
    CHECK(ids_of("profile/intermediate-no-ski.pem") == ids{"x509.ski-missing"});
    CHECK(ids_of("profile/intermediate-no-aki.pem") == ids{"x509.aki-missing"});
    CHECK(ids_of("profile/intermediate-bc-not-critical.pem")
          == ids{"x509.basic-constraints-not-critical"});
    CHECK(ids_of("profile/intermediate-pc-not-critical.pem")
          == ids{"x509.policy-constraints-not-critical"});
}

TEST_CASE("check tables are sorted, unique and cite an RFC", "[profile]") {
    const auto sorted_unique = [](const auto& table) {
        for (std::size_t i = 1; i < table.size(); ++i) {
            if (!(table[i - 1].id < table[i].id))
                return false;
        }
        return true;
    };
    CHECK(sorted_unique(chain_checks()));
    CHECK(sorted_unique(profile_checks()));
    // Path building's work limit is RFC 4158's advice; every other check is RFC 5280's.
    for (const auto& c : chain_checks()) {
        CHECK_THAT(std::string(c.citation),
                   Catch::StartsWith("RFC 5280 §") || Catch::StartsWith("RFC 4158 §"));
    }
    for (const auto& c : profile_checks()) {
        CHECK_THAT(std::string(c.citation), Catch::StartsWith("RFC 5280 §"));
        CHECK(find_profile_check(c.id) == &c);
    }
}

}  // namespace profile_test
