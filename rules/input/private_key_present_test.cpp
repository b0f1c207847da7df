#include <catch2/catch.hpp>

#include "dpslint/certificate_file.hpp"
#include "dpslint/lint/rule.hpp"

#include "dpslint_rules/registry.hpp"
#include "support/rule_harness.hpp"
#include "support/testdata.hpp"

namespace dpslint::rules::input::private_key_present_test {

using namespace dpslint::test;

namespace {

// Linter::run (and so run_rule) does not pass private-key blocks to batch rules yet: the batch
// command does, file by file. This drives the aggregator the same way, with the key lines read
// from the file by the real reader.
std::vector<Finding> run_private_key_rule(const std::vector<std::string>& files) {
    const auto* rule =
        dynamic_cast<const lint::BatchRule*>(rules::find_rule("input.private-key-present"));
    REQUIRE(rule != nullptr);
    auto aggregator = rule->start(lint::RuleOptions{});
    std::uint64_t sequence = 0;
    std::vector<lint::DeviceSummary> summaries;
    for (const auto& name : files) {
        const auto file = read_certificate_file(testdata(name), backend());
        std::vector<std::size_t> lines;
        for (const auto& key : file.private_keys)
            lines.push_back(key.line);
        if (!lines.empty())
            aggregator->observe_private_keys(sequence, name, lines);
        for (std::size_t i = 0; i < file.certificates.size(); ++i) {
            summaries.push_back(lint::DeviceSummary::of(name, i, *file.certificates[i]));
            aggregator->observe(sequence++, summaries.back());
        }
    }
    std::vector<Finding> out;
    lint::FindingSink sink(rule->metadata(), out);
    aggregator->finish(sink, [&](const std::vector<std::uint64_t>& wanted) {
        std::vector<lint::DeviceSummary> found;
        for (const auto n : wanted)
            found.push_back(n < summaries.size() ? summaries[n] : lint::DeviceSummary{});
        return found;
    });
    return out;
}

}  // namespace

TEST_CASE("input.private-key-present fires on a device file with a PRIVATE KEY block",
          "[rule][input.private-key-present]") {
    const auto findings =
        run_private_key_rule({"batch/good/device-0001.pem", "batch/duplicates/with-key.pem"});
    REQUIRE(findings.size() == 1);
    const auto& f = findings[0];
    CHECK(f.id == "input.private-key-present");
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == "batch/duplicates/with-key.pem");
    CHECK(f.location.line == std::size_t{13});
    CHECK(f.citation == "RFC 7468 §10");
    CHECK_THAT(f.message, Catch::Contains("1 PEM private key block (line 13)"));
    CHECK_THAT(f.message, !Catch::Contains("MII"));  // never any key material
}

TEST_CASE("input.private-key-present lists every key block of a file in one finding",
          "[rule][input.private-key-present]") {
    const auto* rule =
        dynamic_cast<const lint::BatchRule*>(rules::find_rule("input.private-key-present"));
    REQUIRE(rule != nullptr);
    auto aggregator = rule->start(lint::RuleOptions{});
    aggregator->observe_private_keys(0, "keys.pem", {40, 7});
    std::vector<Finding> out;
    lint::FindingSink sink(rule->metadata(), out);
    aggregator->finish(sink, [](const std::vector<std::uint64_t>& wanted) {
        return std::vector<lint::DeviceSummary>(wanted.size());
    });
    REQUIRE(out.size() == 1);
    CHECK(out[0].location.line == std::size_t{7});
    CHECK_THAT(out[0].message, Catch::Contains("2 PEM private key blocks (lines 7, 40)"));
}

TEST_CASE("input.private-key-present is silent on certificate-only files",
          "[rule][input.private-key-present]") {
    CHECK(run_private_key_rule({"batch/good/device-0001.pem", "batch/duplicates/copy-a.pem"})
              .empty());
    const auto r = run_rule("input.private-key-present", nullptr, {"batch/good/device-0001.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::input::private_key_present_test
