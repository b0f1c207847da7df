#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::batch::duplicate_certificate_test {

using namespace dpslint::test;

TEST_CASE("batch.duplicate-certificate fires on one certificate in two files",
          "[rule][batch.duplicate-certificate]") {
    const auto r = run_rule("batch.duplicate-certificate", nullptr,
                            {"batch/duplicates/copy-a.pem", "batch/good/device-0001.pem",
                             "batch/duplicates/copy-b.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"batch.duplicate-certificate"});
    const auto& f = r.findings[0];
    const auto copy = certificate("batch/duplicates/copy-b.pem");
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.file == "batch/duplicates/copy-b.pem");
    CHECK(f.location.certificate_index == std::size_t{0});
    CHECK(f.location.registration_id == "copy");
    CHECK(f.location.sha256 == copy->sha256());
    CHECK_THAT(f.message, Catch::Contains("batch/duplicates/copy-a.pem"));
}

TEST_CASE("batch.duplicate-certificate takes the first file in input order as the original",
          "[rule][batch.duplicate-certificate]") {
    const auto r = run_rule("batch.duplicate-certificate", nullptr,
                            {"batch/duplicates/copy-b.pem", "batch/duplicates/copy-a.pem"});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.file == "batch/duplicates/copy-a.pem");
    CHECK_THAT(r.findings[0].message, Catch::Contains("batch/duplicates/copy-b.pem"));
}

TEST_CASE("batch.duplicate-certificate is silent on different certificates",
          "[rule][batch.duplicate-certificate]") {
    // Same CN ignoring case, same serial, same key: all different certificates.
    const auto r = run_rule(
        "batch.duplicate-certificate", nullptr,
        {"batch/duplicates/cn-lower.pem", "batch/duplicates/cn-upper.pem",
         "batch/duplicates/serial-a.pem", "batch/duplicates/serial-b.pem",
         "batch/duplicates/key-a.pem", "batch/duplicates/key-b.pem", "batch/good/device-0001.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::batch::duplicate_certificate_test
