#pragma once

// The checks every x509.* rule test makes (each rule still has its own test file): the rule
// reports its library profile check on a device certificate or a snapshot CA certificate in the
// library's own words, and is silent on conforming certificates.

#include <string>

namespace dpslint::test {

// `id` fires once, as a warning citing RFC 5280, on the device certificate `testdata_file`.
void check_profile_rule_on_device(const std::string& id, const std::string& testdata_file);
// `id` fires once on the CA certificate `testdata_file` uploaded as record "profile-ca".
void check_profile_rule_on_ca(const std::string& id, const std::string& testdata_file);
// `id` is silent on a conforming leaf, a demo device and the demo snapshot's CAs.
void check_profile_rule_silent(const std::string& id);

}  // namespace dpslint::test
