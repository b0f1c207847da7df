// The registry is the contract: ids, order, metadata, a test per rule, docs in sync.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "dpslint/lint/config.hpp"

#include "dpslint_rules/registry.hpp"
#include "rule_docs.hpp"
#include "support/testdata.hpp"

using namespace dpslint;

namespace {

// The minimum catalogue promised to users (issues: lint engine, factory batches).
const std::vector<std::string> promised{"ca.unverified",
                                        "ca.expired",
                                        "ca.expiring-soon",
                                        "ca.not-a-ca",
                                        "ca.body-missing",
                                        "ca.thumbprint-mismatch",
                                        "ca.duplicate",
                                        "ca.unused",
                                        "ca.weak-key",
                                        "ca.weak-signature",
                                        "ca.limit",
                                        "enrollment.ca-is-root",
                                        "enrollment.ca-missing",
                                        "enrollment.ca-unverified",
                                        "enrollment.ca-expired",
                                        "enrollment.duplicate-ca",
                                        "enrollment.shadowed",
                                        "enrollment.disabled",
                                        "enrollment.id-invalid",
                                        "enrollment.not-x509",
                                        "enrollment.limit",
                                        "individual.registration-id-invalid",
                                        "individual.device-id-invalid",
                                        "individual.duplicate-registration-id",
                                        "individual.blocklist-no-effect",
                                        "individual.overrides-group",
                                        "individual.certificate-expired",
                                        "individual.mixed-case-id",
                                        "allocation.static-hub-count",
                                        "allocation.hub-not-linked",
                                        "allocation.no-eligible-hub",
                                        "allocation.custom-definition-missing",
                                        "allocation.custom-api-version",
                                        "allocation.custom-webhook-insecure",
                                        "allocation.weight-range",
                                        "allocation.hashed-single-hub",
                                        "allocation.geolatency-single-region",
                                        "allocation.service-default-static",
                                        "allocation.legacy-hub-hostname",
                                        "twin.key-invalid",
                                        "twin.depth",
                                        "twin.size",
                                        "twin.value-range",
                                        "twin.null-value",
                                        "twin.array",
                                        "twin.reported-present",
                                        "reprovision.policy-missing",
                                        "reprovision.inconsistent",
                                        "device.cn-invalid",
                                        "device.cn-too-long",
                                        "device.cn-missing",
                                        "device.cn-uppercase",
                                        "device.cn-san-mismatch",
                                        "device.cn-pattern",
                                        "device.eku-no-client-auth",
                                        "device.is-ca",
                                        "device.expired",
                                        "device.not-yet-valid",
                                        "device.expiring-soon",
                                        "device.outlives-issuer",
                                        "device.weak-key",
                                        "device.weak-signature",
                                        "device.serial-invalid",
                                        "device.chain-incomplete",
                                        "device.no-enrollment",
                                        "device.blocked",
                                        "device.chain-too-large"};

std::string file_stem(const std::string& id) {
    std::string name = id.substr(id.find('.') + 1);
    for (auto& c : name) {
        if (c == '-')
            c = '_';
    }
    return id.substr(0, id.find('.')) + "/" + name;
}

}  // namespace

TEST_CASE("rule ids are well-formed, unique and sorted", "[registry]") {
    const std::regex pattern("^[a-z]+(\\.[a-z0-9-]+)+$");
    const auto& rules = rules::registry();
    REQUIRE_FALSE(rules.empty());
    std::set<std::string> seen;
    std::string previous;
    for (const auto* rule : rules) {
        const auto& id = rule->metadata().id;
        INFO(id);
        CHECK(std::regex_match(id, pattern));
        CHECK(seen.insert(id).second);
        CHECK(previous < id);
        previous = id;
        CHECK(rule->metadata().category == id.substr(0, id.find('.')));
    }
}

TEST_CASE("every promised rule exists", "[registry]") {
    for (const auto& id : promised) {
        INFO(id);
        CHECK(rules::find_rule(id) != nullptr);
    }
}

TEST_CASE("every rule carries complete metadata", "[registry]") {
    for (const auto* rule : rules::registry()) {
        const auto& m = rule->metadata();
        INFO(m.id);
        CHECK_FALSE(m.title.empty());
        CHECK(m.title.back() != '.');
        CHECK(m.rationale.size() > 40);
        CHECK_FALSE(m.citation.empty());
        CHECK_FALSE(m.fix.empty());
        for (const auto& o : m.options) {
            INFO(o.name);
            CHECK(std::regex_match(o.name, std::regex("^[a-z][a-z0-9-]*$")));
            CHECK_FALSE(o.description.empty());
            const auto& d = o.default_value;
            if (o.type == "integer")
                CHECK(d.is_number_integer());
            else if (o.type == "number")
                CHECK(d.is_number());
            else if (o.type == "boolean")
                CHECK(d.is_boolean());
            else if (o.type == "string" || o.type == "regex")
                CHECK(d.is_string());
            else if (o.type == "string-list")
                CHECK(d.is_array());
            else
                FAIL("unknown option type " << o.type);
            // Every numeric option has a documented range that holds its default.
            if (o.type == "integer" || o.type == "number") {
                REQUIRE(o.minimum);
                REQUIRE(o.maximum);
                CHECK(*o.minimum <= d.get<double>());
                CHECK(d.get<double>() <= *o.maximum);
            } else {
                CHECK_FALSE(o.minimum);
                CHECK_FALSE(o.maximum);
            }
        }
    }
}

TEST_CASE("every rule has its own source file and test file", "[registry]") {
    const auto rules_dir = test::source_dir() / "rules";
    for (const auto* rule : rules::registry()) {
        const auto stem = file_stem(rule->metadata().id);
        INFO(stem);
        CHECK(std::filesystem::exists(rules_dir / (stem + ".cpp")));
        CHECK(std::filesystem::exists(rules_dir / (stem + "_test.cpp")));
    }
}

TEST_CASE("the example configuration is valid", "[registry]") {
    const auto text = lint::example_config(rules::registry()).dump(2);
    CHECK_NOTHROW(lint::parse_lint_config(text, "example.json", rules::registry()));
}

TEST_CASE("docs/rules.md is generated from the registry", "[registry]") {
    std::ifstream in(test::source_dir() / "docs" / "rules.md");
    std::stringstream committed;
    committed << in.rdbuf();
    INFO("regenerate with: build/lint/dpslint rules --format markdown > docs/rules.md");
    CHECK(committed.str() == cli::rules_markdown(rules::registry()));
}

TEST_CASE("docs/limits.md lists every numeric rule option with its range", "[registry]") {
    std::ifstream in(test::source_dir() / "docs" / "limits.md");
    std::stringstream limits;
    limits << in.rdbuf();
    const auto number = [](double d) {
        const auto whole = static_cast<long long>(d);
        return static_cast<double>(whole) == d ? std::to_string(whole) : nlohmann::json(d).dump();
    };
    for (const auto* rule : rules::registry()) {
        for (const auto& o : rule->metadata().options) {
            if (!o.minimum || !o.maximum)
                continue;
            const std::string row = "| `" + rule->metadata().id + "` `" + o.name + "` | " + o.type
                                    + " | " + number(*o.minimum) + " – " + number(*o.maximum)
                                    + " | " + o.default_value.dump() + " |";
            INFO(row);
            CHECK(limits.str().find(row) != std::string::npos);
        }
    }
}
