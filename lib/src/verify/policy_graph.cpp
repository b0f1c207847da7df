#include "verify/policy_graph.hpp"

#include <algorithm>
#include <set>

namespace dpslint::detail {

void PolicyGraph::start_with_any_policy() {
    levels_.clear();
    Level root;
    root.any = true;
    levels_.push_back(std::move(root));
}

std::map<std::string, std::vector<std::string>> PolicyGraph::expected_index() const {
    std::map<std::string, std::vector<std::string>> index;
    const Level& level = levels_.back();
    for (const auto& [policy, node] : level.nodes) {
        if (!node.mapped) {
            index[policy].push_back(policy);
            continue;
        }
        const auto it = level.mapped_to.find(policy);
        if (it == level.mapped_to.end())
            continue;
        for (const auto& subject : it->second) {
            auto& parents = index[subject];
            if (parents.empty() || parents.back() != policy)
                parents.push_back(policy);
        }
    }
    return index;
}

void PolicyGraph::add_level(const std::vector<std::string>& policies, bool any_policy_allowed) {
    if (is_null())
        return;
    auto index = expected_index();
    const bool previous_any = levels_.back().any;
    Level next;
    bool asserts_any = false;
    for (const auto& policy : policies) {
        if (policy == oid_any_policy) {
            asserts_any = true;
            continue;
        }
        if (next.nodes.count(policy) != 0)
            continue;
        // (d)(1)(i): children of every node expecting this policy; (ii): else of anyPolicy.
        if (const auto it = index.find(policy); it != index.end()) {
            next.nodes[policy].parents = std::move(it->second);
            index.erase(it);
        } else if (previous_any) {
            next.nodes[policy];
        }
    }
    // (d)(2): anyPolicy carries every expected policy no explicit policy matched.
    if (asserts_any && any_policy_allowed) {
        for (auto& [policy, parents] : index) {
            if (next.nodes.count(policy) == 0)
                next.nodes[policy].parents = std::move(parents);
        }
        next.any = previous_any;
    }
    std::size_t added = 0;
    for (const auto& [policy, node] : next.nodes)
        added += 1 + node.parents.size();
    grow(added);
    levels_.push_back(std::move(next));
}

void PolicyGraph::set_null() {
    levels_.clear();
    size_ = 0;
}

void PolicyGraph::map(const std::string& issuer_policy, const std::string& subject_policy) {
    if (is_null())
        return;
    Level& level = levels_.back();
    auto it = level.nodes.find(issuer_policy);
    if (it == level.nodes.end()) {
        // Without a node for the policy, anyPolicy at this level stands for it.
        if (!level.any)
            return;
        it = level.nodes.emplace(issuer_policy, Node{}).first;
        grow(1);
    }
    it->second.mapped = true;
    auto& subjects = level.mapped_to[issuer_policy];
    if (std::find(subjects.begin(), subjects.end(), subject_policy) == subjects.end()) {
        subjects.push_back(subject_policy);
        grow(1);
    }
}

void PolicyGraph::remove(const std::string& policy) {
    if (levels_.empty())
        return;
    auto& nodes = levels_.back().nodes;
    if (const auto it = nodes.find(policy); it != nodes.end()) {
        size_ -= 1 + it->second.parents.size();
        nodes.erase(it);
    }
}

bool PolicyGraph::is_null() const {
    return levels_.empty() || (levels_.back().nodes.empty() && !levels_.back().any);
}

void PolicyGraph::grow(std::size_t n) noexcept {
    size_ += n;
    peak_ = std::max(peak_, size_);
}

std::vector<std::string> PolicyGraph::authorities_constrained() const {
    if (is_null())
        return {};
    if (levels_.back().any)
        return {oid_any_policy};
    std::set<std::string> root_domain;
    std::set<std::string> reachable;
    for (const auto& [policy, node] : levels_.back().nodes)
        reachable.insert(policy);
    // Walk up from the leaf level: every node visited has a descendant at the leaf level, so
    // this is the tree after pruning.
    for (std::size_t level = levels_.size() - 1; level > 0 && !reachable.empty(); --level) {
        std::set<std::string> above;
        for (const auto& policy : reachable) {
            const auto it = levels_[level].nodes.find(policy);
            if (it == levels_[level].nodes.end())
                continue;
            if (it->second.parents.empty()) {
                root_domain.insert(policy);
            } else {
                above.insert(it->second.parents.begin(), it->second.parents.end());
            }
        }
        reachable = std::move(above);
    }
    return {root_domain.begin(), root_domain.end()};
}

std::vector<std::string> PolicyGraph::user_constrained(
    const std::vector<std::string>& user_initial) const {
    if (is_null())
        return {};
    const std::set<std::string> wanted(user_initial.begin(), user_initial.end());
    const bool user_any = wanted.empty() || wanted.count(oid_any_policy) != 0;
    if (levels_.back().any) {
        // §6.1.5 (g)(iii)(3): anyPolicy at the leaf level accepts each initial policy.
        if (user_any)
            return {oid_any_policy};
        return {wanted.begin(), wanted.end()};
    }
    std::vector<std::string> out;
    for (auto& policy : authorities_constrained()) {
        if (user_any || wanted.count(policy) != 0)
            out.push_back(std::move(policy));
    }
    return out;
}

}  // namespace dpslint::detail
