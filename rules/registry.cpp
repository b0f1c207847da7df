// The explicit list of every lint rule, sorted by id. A rule that is not listed here does not
// exist: no static self-registration (static libraries drop such objects at link time).
// Each category has its own block, blocks in alphabetical order, rules sorted within a block;
// tests/unit/rule_registry_test.cpp checks the order.
#include "dpslint_rules/registry.hpp"

#include <algorithm>
#include <memory>

namespace dpslint::rules {

using RuleFactory = std::unique_ptr<lint::Rule> (*)();

// --- allocation ---
// --- end allocation ---
// --- batch ---
// --- end batch ---
// --- ca ---
// --- end ca ---
// --- device ---
std::unique_ptr<lint::Rule> make_device_cn_missing();
// --- end device ---
// --- enrollment ---
std::unique_ptr<lint::Rule> make_enrollment_ca_is_root();
// --- end enrollment ---
// --- individual ---
// --- end individual ---
// --- reprovision ---
// --- end reprovision ---
// --- twin ---
// --- end twin ---

namespace {

constexpr RuleFactory factories[] = {
    // --- allocation list ---
    // --- end allocation list ---
    // --- batch list ---
    // --- end batch list ---
    // --- ca list ---
    // --- end ca list ---
    // --- device list ---
    make_device_cn_missing,
    // --- end device list ---
    // --- enrollment list ---
    make_enrollment_ca_is_root,
    // --- end enrollment list ---
    // --- individual list ---
    // --- end individual list ---
    // --- reprovision list ---
    // --- end reprovision list ---
    // --- twin list ---
    // --- end twin list ---
};

}  // namespace

const std::vector<const lint::Rule*>& registry() {
    static const std::vector<std::unique_ptr<lint::Rule>> owned = [] {
        std::vector<std::unique_ptr<lint::Rule>> rules;
        for (const auto factory : factories) rules.push_back(factory());
        return rules;
    }();
    static const std::vector<const lint::Rule*> view = [] {
        std::vector<const lint::Rule*> v;
        for (const auto& r : owned) v.push_back(r.get());
        return v;
    }();
    return view;
}

const lint::Rule* find_rule(std::string_view id) {
    const auto& all = registry();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const lint::Rule* r) { return r->metadata().id == id; });
    return it == all.end() ? nullptr : *it;
}

}  // namespace dpslint::rules
