#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::batch::shared_key_test {

using namespace dpslint::test;

TEST_CASE("batch.shared-key fires on two certificates over one key", "[rule][batch.shared-key]") {
    const auto r = run_rule(
        "batch.shared-key", nullptr,
        {"batch/duplicates/key-a.pem", "batch/good/device-0001.pem", "batch/duplicates/key-b.pem"});
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"batch.shared-key"});
    const auto& f = r.findings[0];
    const auto b = certificate("batch/duplicates/key-b.pem");
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "batch/duplicates/key-b.pem");
    CHECK(f.location.certificate_index == std::size_t{0});
    CHECK(f.location.registration_id == "key-b");
    CHECK(f.location.sha256 == b->sha256());
    CHECK_THAT(f.message, Catch::Contains("batch/duplicates/key-a.pem"));
}

TEST_CASE("batch.shared-key is silent on distinct keys and on copies of a certificate",
          "[rule][batch.shared-key]") {
    const auto r = run_rule(
        "batch.shared-key", nullptr,
        {"batch/good/device-0001.pem", "batch/good/device-0002.pem", "batch/duplicates/key-a.pem",
         "batch/duplicates/copy-a.pem", "batch/duplicates/copy-b.pem",
         "batch/duplicates/serial-a.pem", "batch/duplicates/serial-b.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::batch::shared_key_test
