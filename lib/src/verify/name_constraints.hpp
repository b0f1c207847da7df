#pragma once

#include <string>
#include <vector>

#include "dpslint/certificate.hpp"

namespace dpslint::detail {

// RFC 5280 §4.2.1.10 / §6.1.3 (b)(c): every way `certificate`'s names break `constraints`, one
// message each. The subject DN (and emailAddress attributes in it) is checked only when
// `check_subject` is true: self-issued intermediates are exempt.
std::vector<std::string> name_constraint_violations(const NameConstraints& constraints,
                                                    const Certificate& certificate,
                                                    bool check_subject);

bool dns_name_matches(const std::string& name, const std::string& constraint);
bool email_matches(const std::string& name, const std::string& constraint);
bool uri_matches(const std::string& uri, const std::string& constraint);
bool ip_matches(const std::string& address, const std::string& constraint);

}  // namespace dpslint::detail
