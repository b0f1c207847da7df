// RFC 5280 policy processing on hand-built certificates: the graph's outputs and its resource
// bound on a hostile chain (CVE-2023-0464 style: every certificate maps every policy to every
// other).
#include <chrono>

#include <catch2/catch.hpp>

#include "dpslint/certificate.hpp"

#include "support/resource_bounds.hpp"
#include "verify/policy_processing.hpp"

using namespace dpslint;

namespace policy_graph_test {

namespace {

DistinguishedName dn(const std::string& cn) {
    return DistinguishedName({{AttributeTypeAndValue{"2.5.4.3", "CN", cn, true}}});
}

struct Spec {
    std::string subject;
    std::string issuer;
    std::optional<std::vector<std::string>> policies = std::nullopt;
    std::vector<PolicyMapping> mappings = {};
    std::optional<PolicyConstraints> constraints = std::nullopt;
};

CertificatePtr make(const Spec& s) {
    CertificateFields f;
    f.version = 3;
    f.subject = dn(s.subject);
    f.issuer = dn(s.issuer);
    if (s.policies)
        f.extensions.certificate_policies = CertificatePolicies{false, *s.policies};
    if (!s.mappings.empty())
        f.extensions.policy_mappings = PolicyMappings{true, s.mappings};
    f.extensions.policy_constraints = s.constraints;
    return std::make_shared<const Certificate>(std::move(f), nullptr);
}

// Leaf first, anchor last, as the validator sees paths.
std::vector<CertificatePtr> path(const std::vector<Spec>& specs) {
    std::vector<CertificatePtr> out;
    for (const auto& s : specs)
        out.push_back(make(s));
    return out;
}

const std::string p1 = "1.2.3.1";
const std::string p2 = "1.2.3.2";
const std::string any = oid_any_policy;

}  // namespace

TEST_CASE("policy processing: anyPolicy in a CA lets the leaf's policy through", "[policy-graph]") {
    const auto result = detail::process_policies(
        path({{"leaf", "ca", std::vector{p1}}, {"ca", "root", std::vector{any}}, {"root", "root"}}),
        {});
    CHECK(result.failures.empty());
    CHECK(result.outcome.authorities_constrained == std::vector{p1});
    CHECK(result.outcome.user_constrained == std::vector{p1});
}

TEST_CASE("policy processing: a mapping keeps the issuer's domain policy", "[policy-graph]") {
    const auto chain = path({{"leaf", "ca", std::vector{p2}},
                             {"ca", "root", std::vector{p1}, {{p1, p2}}},
                             {"root", "root"}});
    PolicyInputs inputs;
    inputs.initial_policy_set = {p1};
    inputs.initial_explicit_policy = true;
    auto result = detail::process_policies(chain, inputs);
    CHECK(result.failures.empty());
    CHECK(result.outcome.user_constrained == std::vector{p1});

    // With mapping inhibited, the CA's p1 node is deleted and nothing is left.
    inputs.initial_policy_mapping_inhibit = true;
    result = detail::process_policies(chain, inputs);
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].id == "chain.policy-explicit-required");
    CHECK(result.outcome.user_constrained.empty());
}

TEST_CASE("policy processing: anyPolicy may not be mapped", "[policy-graph]") {
    const auto result =
        detail::process_policies(path({{"leaf", "ca", std::vector{p1}},
                                       {"ca", "root", std::vector{any}, {{any, p1}}},
                                       {"root", "root"}}),
                                 {});
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].id == "chain.policy-mapping-any-policy");
    CHECK(result.failures[0].position == 1);
}

TEST_CASE("policy processing: requireExplicitPolicy 0 in the leaf needs a policy",
          "[policy-graph]") {
    const auto result = detail::process_policies(
        path({{"leaf", "ca", std::nullopt, {}, PolicyConstraints{true, 0, std::nullopt}},
              {"ca", "root", std::vector{p1}},
              {"root", "root"}}),
        {});
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].id == "chain.policy-not-acceptable");
}

TEST_CASE("policy processing: a hostile chain stays linear in certificates x policies",
          "[policy-graph][resources]") {
    // Eight certificates below the anchor, each asserting 100 policies and anyPolicy and mapping
    // each policy to all 100: a valid_policy_tree would need 100^8 nodes.
    constexpr std::size_t k = 100;
    constexpr std::size_t depth = 8;
    std::vector<std::string> policies;
    for (std::size_t i = 0; i < k; ++i)
        policies.push_back("1.2.3." + std::to_string(i));
    std::vector<PolicyMapping> mappings;
    for (const auto& from : policies) {
        for (const auto& to : policies)
            mappings.push_back({from, to});
    }
    auto all = policies;
    all.push_back(any);
    std::vector<Spec> specs{{"c0", "c1", all}};
    for (std::size_t i = 1; i < depth; ++i)
        specs.push_back({"c" + std::to_string(i), "c" + std::to_string(i + 1), all, mappings});
    specs.push_back({"c" + std::to_string(depth), "c" + std::to_string(depth)});
    const auto chain = path(specs);

    PolicyInputs inputs;
    inputs.initial_policy_set = {policies.front(), policies.back()};
    inputs.initial_explicit_policy = true;
    const auto start = std::chrono::steady_clock::now();
    const auto result = detail::process_policies(chain, inputs);
    const auto elapsed = std::chrono::steady_clock::now() - start;

    CHECK(result.failures.empty());
    CHECK(result.outcome.user_constrained == inputs.initial_policy_set);
    // Per certificate at most k nodes, k parents each and k x k mapped policies.
    CHECK(result.largest_graph <= depth * (k + 2 * k * k));
    // Generous: it takes milliseconds (tens under sanitizers).
    CHECK(elapsed < test::in_process_limit(std::chrono::seconds(2)));
}

}  // namespace policy_graph_test
