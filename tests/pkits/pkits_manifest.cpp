#include "pkits/pkits_manifest.hpp"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "support/testdata.hpp"

namespace dpslint::test {

PkitsManifest load_pkits_manifest() {
    std::ifstream in(testdata("pkits/manifest.json"));
    if (!in)
        throw std::runtime_error("cannot open testdata/pkits/manifest.json");
    const auto doc = nlohmann::json::parse(in);
    PkitsManifest manifest;
    manifest.at = parse_rfc3339(doc.at("at").get<std::string>()).value();
    for (const auto& t : doc.at("tests")) {
        PkitsTest test;
        test.number = t.at("number");
        test.name = t.at("name");
        test.section = t.at("section");
        test.certs = t.at("certs").get<std::vector<std::string>>();
        test.crls = t.at("crls").get<std::vector<std::string>>();
        test.expect_valid = t.at("expect_valid");
        test.initial_policy_set = t.at("initial_policy_set").get<std::vector<std::string>>();
        test.initial_explicit_policy = t.at("initial_explicit_policy");
        test.initial_policy_mapping_inhibit = t.at("initial_policy_mapping_inhibit");
        test.initial_any_policy_inhibit = t.at("initial_any_policy_inhibit");
        test.user_constrained_policy_set =
            t.at("user_constrained_policy_set").get<std::vector<std::string>>();
        test.policy_inputs = t.at("policy_inputs");
        test.needs_crls = t.at("needs_crls");
        test.expected_miss = t.value("expected_miss", "");
        manifest.tests.push_back(std::move(test));
    }
    return manifest;
}

}  // namespace dpslint::test
