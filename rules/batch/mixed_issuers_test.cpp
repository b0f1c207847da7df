#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::batch::mixed_issuers_test {

using namespace dpslint::test;

namespace {
std::vector<std::string> good_batch(int count) {
    std::vector<std::string> files;
    for (int i = 1; i <= count; ++i) {
        const std::string n = std::to_string(i);
        files.push_back("batch/good/device-" + std::string(4 - n.size(), '0') + n + ".pem");
    }
    return files;
}
}  // namespace

TEST_CASE("batch.mixed-issuers fires on devices from two intermediates",
          "[rule][batch.mixed-issuers]") {
    auto files = good_batch(5);
    files.push_back("batch/sequential/seq-0001.pem");
    files.push_back("batch/good/device-0006.pem");
    files.push_back("batch/sequential/seq-0002.pem");
    const auto r = run_rule("batch.mixed-issuers", nullptr, files);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"batch.mixed-issuers"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::notice);
    // About the whole run: no device of it is singled out.
    CHECK(f.location == Location{});
    CHECK_THAT(f.message, Catch::Contains("from 2 issuers, more than max-issuers 1"));
    // Most devices first.
    const auto six = f.message.find("Test Intermediate,O=dpslint Test,C=US' (6 devices)");
    const auto two = f.message.find("Test Intermediate 2,O=dpslint Test,C=US' (2 devices)");
    CHECK(six != std::string::npos);
    CHECK(two != std::string::npos);
    CHECK(six < two);
}

TEST_CASE("batch.mixed-issuers counts a self-signed root as an issuer of its own",
          "[rule][batch.mixed-issuers]") {
    const auto r = run_rule(
        "batch.mixed-issuers", nullptr,
        {"batch/good/device-0001.pem", "batch/sequential/seq-0001.pem", "batch/ca/root.pem"},
        {{"max-issuers", 2}});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location == Location{});  // the run, not one of its devices
    CHECK_THAT(r.findings[0].message,
               Catch::Contains("from 3 issuers") && Catch::Contains("(1 device)"));
}

TEST_CASE("batch.mixed-issuers is silent on one issuer, or within max-issuers",
          "[rule][batch.mixed-issuers]") {
    const auto one = run_rule("batch.mixed-issuers", nullptr, good_batch(20));
    CHECK(one.applicable);
    CHECK(one.findings.empty());
    const auto two = run_rule("batch.mixed-issuers", nullptr,
                              {"batch/good/device-0001.pem", "batch/sequential/seq-0001.pem"},
                              {{"max-issuers", 2}});
    CHECK(two.findings.empty());
}

}  // namespace dpslint::rules::batch::mixed_issuers_test
