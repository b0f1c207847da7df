#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/certificate.hpp"

namespace dpslint::detail {

// The names RFC 5280 §6.1.3 (b)-(c) checks: the subject DN when not empty, emailAddress
// attributes of the subject as rfc822Names, and every subjectAltName entry.
std::vector<GeneralName> constrained_names(const Certificate& certificate);

// RFC 5280 §4.2.1.10 / §6.1.3 (b)(c): every way `names` break `constraints`, one message each.
// Checking costs names x constraints comparisons, taken from `work_left`; when that is not
// enough, nothing is checked, `work_left` is left as it was and the result is nullopt, so that a
// hostile certificate cannot make validation quadratic.
std::optional<std::vector<std::string>> name_constraint_violations(
    const NameConstraints& constraints, const std::vector<GeneralName>& names,
    std::size_t& work_left);

bool dns_name_matches(const std::string& name, const std::string& constraint);
bool email_matches(const std::string& name, const std::string& constraint);
bool uri_matches(const std::string& uri, const std::string& constraint);
bool ip_matches(const std::string& address, const std::string& constraint);

}  // namespace dpslint::detail
