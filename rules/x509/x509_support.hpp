#pragma once

// What the x509.* rules share: each reports one RFC 5280 §4 profile check of the library
// (dpslint/profile.hpp), the same check `verify --strict` fails paths on, so the two never
// disagree. A rule file only adds the words a user needs: why it matters and how to fix it.

#include <memory>
#include <string>
#include <string_view>

#include "rule_support.hpp"

namespace dpslint::rules::x509 {

struct ProfileRuleText {
    std::string_view check;  // a profile_check id, which becomes the rule id
    std::string rationale;
    std::string fix;
    std::string example;
};

// A certificate rule (warning) that reports `text.check`'s violations on device and CA
// certificates; title and citation are the library's for that check.
std::unique_ptr<lint::Rule> make_profile_rule(ProfileRuleText text);

}  // namespace dpslint::rules::x509
