#include "x509/extension_checks.hpp"

#include <set>
#include <string>

namespace dpslint::detail {

namespace {

void empty(Extensions& e, const char* oid, std::string detail = {}) {
    e.problems.push_back(ExtensionProblem{oid, ExtensionProblemKind::empty, std::move(detail)});
}

}  // namespace

void add_value_problems(Extensions& e) {
    if (e.subject_alt_name && e.subject_alt_name->names.empty())
        empty(e, oid_subject_alt_name);
    if (e.extended_key_usage && e.extended_key_usage->oids.empty())
        empty(e, oid_extended_key_usage);
    if (e.certificate_policies) {
        if (e.certificate_policies->oids.empty())
            empty(e, oid_certificate_policies);
        std::set<std::string> seen;
        for (const auto& oid : e.certificate_policies->oids) {
            if (!seen.insert(oid).second) {
                e.problems.push_back(ExtensionProblem{oid_certificate_policies,
                                                      ExtensionProblemKind::malformed,
                                                      "policy " + oid + " is listed twice"});
                break;
            }
        }
    }
    if (e.policy_mappings && e.policy_mappings->mappings.empty())
        empty(e, oid_policy_mappings);
    if (e.policy_constraints && !e.policy_constraints->require_explicit_policy
        && !e.policy_constraints->inhibit_policy_mapping) {
        empty(e, oid_policy_constraints, "neither requireExplicitPolicy nor inhibitPolicyMapping");
    }
    if (e.name_constraints && e.name_constraints->permitted.empty()
        && e.name_constraints->excluded.empty()) {
        empty(e, oid_name_constraints, "neither permittedSubtrees nor excludedSubtrees");
    }
    if (e.crl_distribution_points && e.crl_distribution_points->points.empty())
        empty(e, oid_crl_distribution_points);
}

}  // namespace dpslint::detail
