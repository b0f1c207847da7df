#pragma once

// RFC 5280 §6.1 certificate policy processing.
//
// The RFC describes a valid_policy_tree in which a policy asserted by several parents, or mapped
// from several issuer policies, is copied under each of them: with many policies and mappings per
// certificate the tree grows exponentially with the path length (OpenSSL CVE-2023-0464). This
// keeps one node per (certificate, policy) with the list of its parents instead, as BoringSSL and
// Go 1.22+ do, so memory and time are linear in certificates x (policies + mappings). Pruning of
// childless nodes (§6.1.3 (d)(3), §6.1.4 (b)(2)(ii)) is not done eagerly: the outputs are
// computed by walking back from the leaf level, which visits exactly the nodes pruning would keep.

#include <map>
#include <string>
#include <vector>

#include "dpslint/certificate.hpp"

namespace dpslint::detail {

class PolicyGraph {
public:
    PolicyGraph() { start_with_any_policy(); }

    // §6.1.3 (d)(1)-(2) for the certificate policies of the next certificate. `any_policy_allowed`
    // is the (d)(2) condition: inhibit_anyPolicy > 0, or an intermediate self-issued certificate.
    void add_level(const std::vector<std::string>& policies, bool any_policy_allowed);
    // §6.1.3 (e).
    void set_null();
    // §6.1.4 (b)(1): maps `issuer_policy` (a policy of the newest level) to `subject_policy`.
    void map(const std::string& issuer_policy, const std::string& subject_policy);
    // §6.1.4 (b)(2)(i): removes the newest level's node for `policy`.
    void remove(const std::string& policy);

    // A valid_policy_tree with no nodes below the root would have been pruned to NULL.
    bool is_null() const;
    // The most nodes plus parent links plus mapped policies held at once: what memory grew to.
    std::size_t peak_size() const noexcept { return peak_; }

    // The root-domain policies valid for the leaf (X.509's authorities-constrained-policy-set):
    // {anyPolicy} when the newest level has it; sorted.
    std::vector<std::string> authorities_constrained() const;
    // §6.1.5 (g): that set intersected with `user_initial` (empty means {anyPolicy}); sorted.
    std::vector<std::string> user_constrained(const std::vector<std::string>& user_initial) const;

private:
    struct Node {
        // valid_policy values of the parents on the previous level; empty: the parent is
        // anyPolicy, so this policy belongs to the trust anchor's policy domain.
        std::vector<std::string> parents;
        bool mapped = false;  // expected_policy_set comes from policyMappings, not {policy}
    };
    struct Level {
        std::map<std::string, Node> nodes;  // anyPolicy is not a node: see `any`
        bool any = false;
        // expected_policy_set of mapped nodes, issuer policy -> subject policies.
        std::map<std::string, std::vector<std::string>> mapped_to;
    };

    void start_with_any_policy();
    // For each policy P, the policies of the newest level whose expected_policy_set holds P.
    std::map<std::string, std::vector<std::string>> expected_index() const;

    void grow(std::size_t n) noexcept;

    std::vector<Level> levels_;
    std::size_t size_ = 0;
    std::size_t peak_ = 0;
};

}  // namespace dpslint::detail
