// .dpslint.json: validation with exact errors, toggles, severity overrides, suppressions.
#include <catch2/catch.hpp>

#include "dpslint/error.hpp"
#include "dpslint/lint/config.hpp"
#include "dpslint/lint/linter.hpp"

#include "dpslint_rules/registry.hpp"
#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::lint;

namespace lint_config_test {

namespace {

LintConfig parse(const std::string& text) {
    return parse_lint_config(text, ".dpslint.json", rules::registry());
}

std::string error_of(const std::string& text) {
    try {
        parse(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

const ActiveRule* active(const Linter& linter, const std::string& id) {
    for (const auto& a : linter.active_rules()) {
        if (a.rule->metadata().id == id)
            return &a;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("glob matching of rule ids", "[config]") {
    CHECK(glob_match("twin.*", "twin.depth"));
    CHECK(glob_match("*.ca-*", "enrollment.ca-is-root"));
    CHECK(glob_match("device.cn-???????", "device.cn-missing"));
    CHECK_FALSE(glob_match("twin.*", "device.expired"));
    CHECK(glob_match("*", "anything"));
}

TEST_CASE("config errors name the file and the JSON pointer", "[config]") {
    CHECK(error_of(R"({"enable": ["nope.*"]})")
          == ".dpslint.json:/enable/0: 'nope.*' matches no rule (see `dpslint rules`)");
    CHECK(error_of(R"({"severity": {"enrollment.ca-is-root": "fatal"}})")
          == ".dpslint.json:/severity/enrollment.ca-is-root: expected error, warning or notice");
    CHECK(error_of(R"({"options": {"enrollment.ca-is-root": {"days": 3}}})") ==
          ".dpslint.json:/options/enrollment.ca-is-root/days: rule enrollment.ca-is-root has no "
          "option 'days' (it has no options)");
    CHECK(error_of(R"({"suppressions": [{"rule": "enrollment.ca-is-root"}]})")
          == ".dpslint.json:/suppressions/0: missing required key 'reason'");
    CHECK(error_of(R"({"suppressions": [{"rule": "enrollment.ca-is-root", "reason": " "}]})")
          == ".dpslint.json:/suppressions/0/reason: a suppression must say why");
    CHECK(error_of(R"({"suppressions": [{"rule": "enrollment.ca-is-root", "reason": "x",
                       "expires": "soon"}]})") ==
          ".dpslint.json:/suppressions/0/expires: expected a date (YYYY-MM-DD or RFC 3339), got "
          "'soon'");
    CHECK(error_of(R"({"failOn": "sometimes"})")
          == ".dpslint.json:/failOn: expected error, warning, notice or never");
    CHECK(error_of(R"({"colour": true})") ==
          ".dpslint.json:/colour: unknown key 'colour' (expected one of: enable, disable, "
          "severity, options, suppressions, failOn)");
    CHECK(error_of(R"({"enable": ["a"], "enable": ["b"]})").find("duplicate key 'enable'")
          != std::string::npos);
    CHECK(error_of("{").rfind(".dpslint.json:line 1 column 2: malformed JSON", 0) == 0);
}

TEST_CASE("the most specific toggle wins and the command line beats the file", "[config]") {
    const auto at = make_time(2030, 1, 1);
    LintConfig config =
        parse(R"({"disable": ["enrollment.*"], "enable": ["enrollment.ca-is-root"]})");
    const Linter from_file(rules::registry(), config, {}, at);
    CHECK(active(from_file, "enrollment.ca-is-root") != nullptr);

    const Linter from_cli(rules::registry(), config, RuleToggles{{}, {"enrollment.ca-is-root"}},
                          at);
    CHECK(active(from_cli, "enrollment.ca-is-root") == nullptr);
}

TEST_CASE("severity overrides apply to the findings", "[config]") {
    Snapshot s = test::demo_snapshot();
    s.groups.push_back(test::x509_group("root-fleet", "my-root-ca"));
    test::renumber(s);
    const auto at = make_time(2026, 12, 1);
    const LintConfig config = parse(R"({"severity": {"enrollment.*": "notice",
                                                      "enrollment.ca-is-root": "error"}})");
    const Linter linter(rules::registry(), config, RuleToggles{{"enrollment.ca-is-root"}, {}}, at);
    LintContext context(at, test::backend(), &s);
    const auto report = linter.run(context);
    bool seen = false;
    for (const auto& f : report.findings) {
        if (f.id == "enrollment.ca-is-root") {
            seen = true;
            CHECK(f.severity == Severity::error);
        }
    }
    CHECK(seen);
}

TEST_CASE("suppressions: targeted, expiring, and reported when stale", "[config]") {
    Snapshot s = test::demo_snapshot();
    s.groups.push_back(test::x509_group("root-fleet", "my-root-ca"));
    test::renumber(s);
    const auto at = make_time(2026, 12, 1);
    LintContext context(at, test::backend(), &s);

    const auto run = [&](const std::string& text) {
        const Linter linter(rules::registry(), parse(text), {}, at);
        return linter.run(context);
    };
    const auto count = [](const std::vector<Finding>& fs, const std::string& id) {
        return std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.id == id; });
    };

    const auto live = run(R"({"suppressions": [{"rule": "enrollment.ca-is-root",
        "target": "root-fleet", "reason": "migration IOT-1", "expires": "2027-01-01"}]})");
    CHECK(count(live.findings, "enrollment.ca-is-root") == 0);
    CHECK(count(live.suppressed, "enrollment.ca-is-root") == 1);

    const auto expired = run(R"({"suppressions": [{"rule": "enrollment.ca-is-root",
        "reason": "migration IOT-1", "expires": "2026-01-01"}]})");
    CHECK(count(expired.findings, "enrollment.ca-is-root") == 1);
    CHECK(count(expired.findings, "config.suppression-expired") == 1);

    const auto other_target = run(R"({"suppressions": [{"rule": "enrollment.ca-is-root",
        "target": "another-group", "reason": "x"}]})");
    CHECK(count(other_target.findings, "enrollment.ca-is-root") == 1);
    CHECK(count(other_target.findings, "config.suppression-unused") == 1);
}

}  // namespace lint_config_test
