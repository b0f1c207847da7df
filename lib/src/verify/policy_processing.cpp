#include "verify/policy_processing.hpp"

#include <algorithm>

#include "dpslint/chain_checks.hpp"

#include "verify/policy_graph.hpp"

namespace dpslint::detail {

namespace {

// The §6.1.2 (d)-(f) counters: certificates still to be processed before a requirement starts.
struct Counters {
    std::size_t explicit_policy;
    std::size_t policy_mapping;
    std::size_t inhibit_any_policy;
};

void lower_to(std::size_t& counter, const std::optional<int>& value) {
    if (value && static_cast<std::size_t>(*value) < counter)
        counter = static_cast<std::size_t>(*value);
}

void decrement(std::size_t& counter) {
    if (counter > 0)
        --counter;
}

}  // namespace

PolicyProcessing process_policies(const std::vector<CertificatePtr>& path,
                                  const PolicyInputs& inputs) {
    PolicyProcessing out;
    const std::size_t n = path.empty() ? 0 : path.size() - 1;
    Counters c{inputs.initial_explicit_policy ? 0 : n + 1,
               inputs.initial_policy_mapping_inhibit ? 0 : n + 1,
               inputs.initial_any_policy_inhibit ? 0 : n + 1};
    PolicyGraph graph;
    bool explicit_failure = false;

    // RFC numbering: certificate 1 is issued by the anchor, certificate n is the leaf.
    for (std::size_t position = n; position-- > 0;) {
        const Certificate& cert = *path[position];
        const Extensions& e = cert.extensions();
        const bool leaf = position == 0;

        // §6.1.3 (d), (e)
        if (e.certificate_policies) {
            graph.add_level(e.certificate_policies->oids,
                            c.inhibit_any_policy > 0 || (!leaf && cert.is_self_issued()));
        } else {
            graph.set_null();
        }
        // §6.1.3 (f)
        if (c.explicit_policy == 0 && graph.is_null() && !explicit_failure) {
            explicit_failure = true;
            out.failures.push_back(
                {position, std::string(chain_check::policy_explicit_required),
                 "no certificate policy is valid from the trust anchor down to this certificate, "
                 "and the path requires an explicit policy here"});
        }

        if (leaf) {
            // §6.1.5 (a), (b)
            decrement(c.explicit_policy);
            if (e.policy_constraints && e.policy_constraints->require_explicit_policy == 0)
                c.explicit_policy = 0;
            break;
        }

        // §6.1.4 (a), (b)
        if (e.policy_mappings) {
            const auto& mappings = e.policy_mappings->mappings;
            const bool maps_any =
                std::any_of(mappings.begin(), mappings.end(), [](const PolicyMapping& m) {
                    return m.issuer_domain_policy == oid_any_policy
                           || m.subject_domain_policy == oid_any_policy;
                });
            if (maps_any) {
                out.failures.push_back({position,
                                        std::string(chain_check::policy_mapping_any_policy),
                                        "policyMappings maps anyPolicy, which RFC 5280 forbids"});
                graph.set_null();
            } else {
                for (const auto& m : mappings) {
                    if (c.policy_mapping > 0) {
                        graph.map(m.issuer_domain_policy, m.subject_domain_policy);
                    } else {
                        graph.remove(m.issuer_domain_policy);
                    }
                }
            }
        }
        // §6.1.4 (h), (i), (j)
        if (!cert.is_self_issued()) {
            decrement(c.explicit_policy);
            decrement(c.policy_mapping);
            decrement(c.inhibit_any_policy);
        }
        if (e.policy_constraints) {
            lower_to(c.explicit_policy, e.policy_constraints->require_explicit_policy);
            lower_to(c.policy_mapping, e.policy_constraints->inhibit_policy_mapping);
        }
        if (e.inhibit_any_policy) {
            lower_to(c.inhibit_any_policy, e.inhibit_any_policy->skip_certs);
        }
    }

    out.largest_graph = graph.peak_size();
    // §6.1.5 (g)
    out.outcome.authorities_constrained = graph.authorities_constrained();
    out.outcome.user_constrained = graph.user_constrained(inputs.initial_policy_set);
    if (c.explicit_policy == 0 && out.outcome.user_constrained.empty() && !explicit_failure
        && out.failures.empty()) {
        out.failures.push_back(
            {0, std::string(chain_check::policy_not_acceptable),
             out.outcome.authorities_constrained.empty()
                 ? "no certificate policy is valid for the path, and an explicit policy is "
                   "required"
                 : "none of the path's valid certificate policies is in the initial policy set"});
    }
    return out;
}

}  // namespace dpslint::detail
