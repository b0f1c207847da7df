// The explicit list of every lint rule, sorted by id. A rule that is not listed here does not
// exist: no static self-registration (static libraries drop such objects at link time).
#include "dpslint_rules/registry.hpp"

#include <algorithm>
#include <memory>

namespace dpslint::rules {

// Factories, one per rule file, in id order.
std::unique_ptr<lint::Rule> make_device_cn_missing();
std::unique_ptr<lint::Rule> make_enrollment_ca_is_root();

namespace {

std::vector<std::unique_ptr<lint::Rule>> make_all() {
    std::vector<std::unique_ptr<lint::Rule>> rules;
    rules.push_back(make_device_cn_missing());
    rules.push_back(make_enrollment_ca_is_root());
    return rules;
}

}  // namespace

const std::vector<const lint::Rule*>& registry() {
    static const std::vector<std::unique_ptr<lint::Rule>> owned = make_all();
    static const std::vector<const lint::Rule*> view = [] {
        std::vector<const lint::Rule*> v;
        for (const auto& r : owned)
            v.push_back(r.get());
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
