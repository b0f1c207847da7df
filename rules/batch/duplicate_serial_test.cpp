#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::batch::duplicate_serial_test {

using namespace dpslint::test;

TEST_CASE("batch.duplicate-serial fires on two certificates with one issuer and serial",
          "[rule][batch.duplicate-serial]") {
    const auto r = run_rule("batch.duplicate-serial", nullptr,
                            {"batch/duplicates/serial-a.pem", "batch/good/device-0001.pem",
                             "batch/duplicates/serial-b.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"batch.duplicate-serial"});
    const auto& f = r.findings[0];
    const auto b = certificate("batch/duplicates/serial-b.pem");
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "batch/duplicates/serial-b.pem");
    CHECK(f.location.certificate_index == std::size_t{0});
    CHECK(f.location.registration_id == "serial-b");
    CHECK(f.location.sha256 == b->sha256());
    CHECK_THAT(f.message, Catch::Contains("5EED0000000000000000000000000001")
                              && Catch::Contains("batch/duplicates/serial-a.pem")
                              && Catch::Contains("dpslint Batch Test Intermediate"));
}

TEST_CASE("batch.duplicate-serial is silent on distinct serials and on copies of a certificate",
          "[rule][batch.duplicate-serial]") {
    const auto r = run_rule("batch.duplicate-serial", nullptr,
                            {"batch/good/device-0001.pem", "batch/good/device-0002.pem",
                             "batch/duplicates/serial-a.pem", "batch/duplicates/copy-a.pem",
                             "batch/duplicates/copy-b.pem", "batch/duplicates/key-a.pem",
                             "batch/duplicates/key-b.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("batch.duplicate-serial ignores equal serials from different issuers",
          "[rule][batch.duplicate-serial]") {
    // seq-0001.pem has serial 0x1000 from intermediate-2; the self-signed root has serial
    // 0x1000 too, from a different issuer.
    const auto r = run_rule("batch.duplicate-serial", nullptr,
                            {"batch/sequential/seq-0001.pem", "batch/ca/root.pem"});
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::batch::duplicate_serial_test
