#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::batch::sequential_serials_test {

using namespace dpslint::test;

namespace {
std::vector<std::string> numbered(const std::string& stem, int count) {
    std::vector<std::string> files;
    for (int i = 1; i <= count; ++i) {
        const std::string n = std::to_string(i);
        files.push_back(stem + std::string(4 - n.size(), '0') + n + ".pem");
    }
    return files;
}
}  // namespace

TEST_CASE("batch.sequential-serials fires on counter serials from one issuer",
          "[rule][batch.sequential-serials]") {
    auto files = numbered("batch/good/device-", 20);
    const auto sequential = numbered("batch/sequential/seq-", 20);
    files.insert(files.end(), sequential.begin(), sequential.end());
    const auto r = run_rule("batch.sequential-serials", nullptr, files);
    REQUIRE(r.applicable);
    // Only intermediate-2's serials are sequential; the random ones of the other are not.
    REQUIRE(r.ids() == std::vector<std::string>{"batch.sequential-serials"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::notice);
    CHECK(f.location == Location{});  // about the issuer across the run, no single device
    CHECK_THAT(f.message, Catch::Contains("dpslint Batch Test Intermediate 2")
                              && Catch::Contains("20 device certificates")
                              && Catch::Contains("19 of 19")
                              && Catch::Contains("from 0x1000 to 0x1013"));
}

TEST_CASE("batch.sequential-serials is silent on random serials",
          "[rule][batch.sequential-serials]") {
    const auto r =
        run_rule("batch.sequential-serials", nullptr, numbered("batch/good/device-", 20));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("batch.sequential-serials needs min-devices certificates of one issuer",
          "[rule][batch.sequential-serials]") {
    const auto files = numbered("batch/sequential/seq-", 20);
    CHECK(run_rule("batch.sequential-serials", nullptr, {files.begin(), files.begin() + 15})
              .findings.empty());
    CHECK(run_rule("batch.sequential-serials", nullptr, files, {{"min-devices", 21}})
              .findings.empty());
    CHECK(run_rule("batch.sequential-serials", nullptr, {files.begin(), files.begin() + 5},
                   {{"min-devices", 5}})
              .findings.size()
          == 1);
}

TEST_CASE("batch.sequential-serials honours max-gap and ratio",
          "[rule][batch.sequential-serials]") {
    // Every other file: serials 0x1000, 0x1002, ... differ by 2.
    std::vector<std::string> files;
    const auto all = numbered("batch/sequential/seq-", 20);
    for (std::size_t i = 0; i < all.size(); i += 2)
        files.push_back(all[i]);
    CHECK(
        run_rule("batch.sequential-serials", nullptr, files, {{"min-devices", 10}}).findings.size()
        == 1);
    CHECK(
        run_rule("batch.sequential-serials", nullptr, files, {{"min-devices", 10}, {"max-gap", 1}})
            .findings.empty());
    // 9 of 9 differences are close: a ratio of 1.0 needs more than all of them.
    CHECK(
        run_rule("batch.sequential-serials", nullptr, files, {{"min-devices", 10}, {"ratio", 1.0}})
            .findings.empty());
}

}  // namespace dpslint::rules::batch::sequential_serials_test
