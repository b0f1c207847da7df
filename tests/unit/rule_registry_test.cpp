// The registry is the contract: ids, order, metadata, a test per rule, docs in sync.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "dpslint/chain_checks.hpp"
#include "dpslint/lint/config.hpp"

#include "dpslint_rules/registry.hpp"
#include "rule_docs.hpp"
#include "support/testdata.hpp"

using namespace dpslint;

namespace rule_registry_test {

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
                                        "individual.registration-id-cn-mismatch",
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
    // The category may hold digits after its first letter (x509).
    const std::regex pattern("^[a-z][a-z0-9]*(\\.[a-z0-9-]+)+$");
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
            const auto& d = o.default_value.json();
            switch (o.type) {
                case lint::OptionType::integer:
                    CHECK(d.is_number_integer());
                    break;
                case lint::OptionType::number:
                    CHECK(d.is_number());
                    break;
                case lint::OptionType::boolean:
                    CHECK(d.is_boolean());
                    break;
                case lint::OptionType::string:
                case lint::OptionType::regex:
                    CHECK(d.is_string());
                    break;
                case lint::OptionType::string_list:
                    CHECK(d.is_array());
                    break;
            }
            // Every numeric option has a documented range that holds its default.
            if (o.type == lint::OptionType::integer || o.type == lint::OptionType::number) {
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
            const std::string row = "| `" + rule->metadata().id + "` `" + o.name + "` | "
                                    + std::string(to_string(o.type)) + " | " + number(*o.minimum)
                                    + " – " + number(*o.maximum) + " | "
                                    + o.default_value.json().dump() + " |";
            INFO(row);
            CHECK(limits.str().find(row) != std::string::npos);
        }
    }
}

namespace {

// A citation a user can open: a full Microsoft Learn URL (articles, the DPS REST API and az CLI
// references) or an RFC section; several are joined with "; ".
bool public_citation(const std::string& citation) {
    // "§6.1.3", "§6.1.3 (a)(2)", "§6.1.4 (l)-(m)"
    const std::string section =
        "§[0-9]+(\\.[0-9]+)*( \\([a-z0-9]+\\)(\\([0-9]+\\))?(-\\([a-z0-9]+\\))?)?";
    static const std::regex source(
        "^(https://learn\\.microsoft\\.com/[A-Za-z0-9/._#?=&-]+|RFC [0-9]+ " + section + "(, "
        + section + ")*)$");
    std::size_t start = 0;
    for (;;) {
        const auto end = citation.find("; ", start);
        if (!std::regex_match(citation.substr(start, end - start), source))
            return false;
        if (end == std::string::npos)
            return true;
        start = end + 2;
    }
}

}  // namespace

TEST_CASE("the citation check accepts public sources only", "[registry]") {
    CHECK(public_citation("https://learn.microsoft.com/azure/iot-dps/concepts-x509-attestation"));
    CHECK(public_citation("RFC 5280 §6.1.3 (a)(2)"));
    CHECK(public_citation("RFC 5280 §4.2.1.9, §6.1.4 (k)"));
    CHECK(public_citation("RFC 5280 §6.1.3 (a)(2); https://learn.microsoft.com/rest/api/iot-dps/"));
    CHECK_FALSE(public_citation("dps.md §2.1"));
    CHECK_FALSE(public_citation("learn.microsoft.com/azure/iot-dps/concepts-x509-attestation"));
    CHECK_FALSE(
        public_citation("DPS service REST API 2021-10-01 (azure-rest-api-specs service.json)"));
    CHECK_FALSE(public_citation("az iot dps certificate list (properties.thumbprint: SHA-1)"));
    CHECK_FALSE(public_citation(""));
}

TEST_CASE("every citation names a public source", "[registry]") {
    for (const auto* rule : rules::registry()) {
        const auto& m = rule->metadata();
        INFO(m.id << ": " << m.citation);
        CHECK(public_citation(m.citation));
        // The text around it must not point at notes a user cannot open either.
        for (const auto* text : {&m.rationale, &m.fix, &m.title, &m.example}) {
            CHECK(text->find("dps.md") == std::string::npos);
            CHECK(text->find("shared/reference") == std::string::npos);
        }
    }
    for (const auto& check : chain_checks()) {
        INFO(check.id << ": " << check.citation);
        CHECK(public_citation(std::string(check.citation)));
    }
}

TEST_CASE("a rule whose severity depends on the case says what decides it", "[registry]") {
    for (const auto* rule : rules::registry()) {
        const auto& m = rule->metadata();
        INFO(m.id);
        CHECK(m.context_severities.empty() == m.severity_context.empty());
        if (!m.context_severities.empty()) {
            CHECK(m.context_severities.size() >= 2);
            CHECK(m.context_severities.front() == m.severity);
            for (const auto s : m.context_severities)
                CHECK_THAT(m.severity_context, Catch::Contains(std::string(to_string(s))));
        }
    }
    // The rules that report with FindingSink::report_as.
    for (const char* id :
         {"ca.unverified", "ca.not-a-ca", "ca.thumbprint-mismatch", "enrollment.ca-expired",
          "individual.certificate-expired", "individual.registration-id-cn-mismatch"}) {
        INFO(id);
        CHECK_FALSE(rules::find_rule(id)->metadata().context_severities.empty());
    }
}

}  // namespace rule_registry_test
