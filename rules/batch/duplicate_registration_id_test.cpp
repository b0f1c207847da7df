#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::batch::duplicate_registration_id_test {

using namespace dpslint::test;

namespace {
std::vector<std::string> good_batch() {
    std::vector<std::string> files;
    for (int i = 1; i <= 20; ++i) {
        const std::string n = std::to_string(i);
        files.push_back("batch/good/device-" + std::string(4 - n.size(), '0') + n + ".pem");
    }
    return files;
}
}  // namespace

TEST_CASE("batch.duplicate-registration-id fires on a CN that differs only in case",
          "[rule][batch.duplicate-registration-id]") {
    auto files = good_batch();
    files.insert(files.begin() + 3, "batch/duplicates/cn-lower.pem");
    files.push_back("batch/duplicates/cn-upper.pem");
    const auto r = run_rule("batch.duplicate-registration-id", nullptr, files);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"batch.duplicate-registration-id"});
    const auto& f = r.findings[0];
    const auto upper = certificate("batch/duplicates/cn-upper.pem");
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "batch/duplicates/cn-upper.pem");
    CHECK(f.location.certificate_index == std::size_t{0});
    CHECK(f.location.registration_id == "DUP-CN");
    CHECK(f.location.sha256 == upper->sha256());
    CHECK(f.location.subject == upper->subject().text());
    CHECK_THAT(f.message, Catch::Contains("'dup-cn'")
                              && Catch::Contains("batch/duplicates/cn-lower.pem")
                              && Catch::Contains("ignoring case"));
}

TEST_CASE("batch.duplicate-registration-id reports the later device, whichever order",
          "[rule][batch.duplicate-registration-id]") {
    const auto r = run_rule("batch.duplicate-registration-id", nullptr,
                            {"batch/duplicates/cn-upper.pem", "batch/duplicates/cn-lower.pem"});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.file == "batch/duplicates/cn-lower.pem");
    CHECK(r.findings[0].location.registration_id == "dup-cn");
}

TEST_CASE("batch.duplicate-registration-id skips a later copy of the first certificate",
          "[rule][batch.duplicate-registration-id]") {
    // The second cn-lower.pem is the first certificate again (batch.duplicate-certificate's
    // finding); only cn-upper.pem, a different certificate, is reported.
    const auto r = run_rule("batch.duplicate-registration-id", nullptr,
                            {"batch/duplicates/cn-lower.pem", "batch/good/device-0001.pem",
                             "batch/duplicates/cn-upper.pem", "batch/duplicates/cn-lower.pem"});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.file == "batch/duplicates/cn-upper.pem");
    CHECK_THAT(r.findings[0].message, Catch::Contains("batch/duplicates/cn-lower.pem"));
}

TEST_CASE("batch.duplicate-registration-id is silent on a batch with unique CNs",
          "[rule][batch.duplicate-registration-id]") {
    const auto r = run_rule("batch.duplicate-registration-id", nullptr, good_batch());
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("batch.duplicate-registration-id leaves copies of one certificate alone",
          "[rule][batch.duplicate-registration-id]") {
    const auto r = run_rule("batch.duplicate-registration-id", nullptr,
                            {"batch/duplicates/copy-a.pem", "batch/duplicates/copy-b.pem"});
    CHECK(r.findings.empty());
}

TEST_CASE("batch.duplicate-registration-id finds only the CN pair among all duplicates",
          "[rule][batch.duplicate-registration-id]") {
    const auto r = run_rule(
        "batch.duplicate-registration-id", nullptr,
        {"batch/duplicates/cn-lower.pem", "batch/duplicates/cn-upper.pem",
         "batch/duplicates/serial-a.pem", "batch/duplicates/serial-b.pem",
         "batch/duplicates/key-a.pem", "batch/duplicates/key-b.pem", "batch/duplicates/copy-a.pem",
         "batch/duplicates/copy-b.pem", "batch/duplicates/with-key.pem"});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.file == "batch/duplicates/cn-upper.pem");
}

}  // namespace dpslint::rules::batch::duplicate_registration_id_test
