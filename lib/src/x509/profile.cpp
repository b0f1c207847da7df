#include "dpslint/profile.hpp"

#include <algorithm>
#include <array>

namespace dpslint {

namespace {

constexpr std::array<ProfileCheckInfo, 10> checks{{
    {profile_check::aki_critical, "authorityKeyIdentifier marked critical", "RFC 5280 §4.2.1.1"},
    {profile_check::aki_missing,
     "authorityKeyIdentifier missing from a certificate that is not self-issued",
     "RFC 5280 §4.2.1.1"},
    {profile_check::basic_constraints_not_critical,
     "basicConstraints of a CA certificate not marked critical", "RFC 5280 §4.2.1.9"},
    {profile_check::empty_subject_san, "empty subject without a critical subjectAltName",
     "RFC 5280 §4.1.2.6, §4.2.1.6"},
    {profile_check::key_cert_sign_not_ca, "keyUsage keyCertSign without basicConstraints cA",
     "RFC 5280 §4.2.1.3, §4.2.1.9"},
    {profile_check::policy_constraints_not_critical, "policyConstraints not marked critical",
     "RFC 5280 §4.2.1.11"},
    {profile_check::serial_not_positive, "serial number zero or negative", "RFC 5280 §4.1.2.2"},
    {profile_check::serial_too_long, "serial number longer than 20 octets", "RFC 5280 §4.1.2.2"},
    {profile_check::ski_critical, "subjectKeyIdentifier marked critical", "RFC 5280 §4.2.1.2"},
    {profile_check::ski_missing, "subjectKeyIdentifier missing from a CA certificate",
     "RFC 5280 §4.2.1.2"},
}};

}  // namespace

std::span<const ProfileCheckInfo> profile_checks() noexcept {
    return checks;
}

const ProfileCheckInfo* find_profile_check(std::string_view id) noexcept {
    const auto it = std::find_if(checks.begin(), checks.end(),
                                 [id](const ProfileCheckInfo& c) { return c.id == id; });
    return it == checks.end() ? nullptr : &*it;
}

std::vector<ProfileViolation> profile_violations(const Certificate& c) {
    std::vector<ProfileViolation> out;
    const auto add = [&](std::string_view id, std::string message) {
        out.push_back(ProfileViolation{id, std::move(message)});
    };
    const Extensions& e = c.extensions();
    const bool v3 = c.version() >= 3;

    if (e.authority_key_identifier && e.authority_key_identifier->critical)
        add(profile_check::aki_critical, "authorityKeyIdentifier is marked critical");
    // Self-signed certificates may omit it; self-issued is what can be told without a key.
    if (v3 && !e.authority_key_identifier && !c.is_self_issued())
        add(profile_check::aki_missing, "no authorityKeyIdentifier extension");
    if (c.is_ca() && !e.basic_constraints->critical)
        add(profile_check::basic_constraints_not_critical,
            "basicConstraints with cA=TRUE is not marked critical");
    if (c.subject().empty()) {
        if (!e.subject_alt_name) {
            add(profile_check::empty_subject_san, "empty subject and no subjectAltName");
        } else if (!e.subject_alt_name->critical) {
            add(profile_check::empty_subject_san,
                "empty subject and a subjectAltName that is not marked critical");
        }
    }
    if (e.key_usage && e.key_usage->has(ku_key_cert_sign) && !c.is_ca())
        add(profile_check::key_cert_sign_not_ca,
            "keyUsage asserts keyCertSign but basicConstraints does not assert cA");
    if (e.policy_constraints && !e.policy_constraints->critical)
        add(profile_check::policy_constraints_not_critical,
            "policyConstraints is not marked critical");
    if (c.fields().serial_negative) {
        add(profile_check::serial_not_positive, "serial number is negative");
    } else if (c.serial_hex() == "00") {
        add(profile_check::serial_not_positive, "serial number is zero");
    }
    if (c.fields().serial_octets > 20)
        add(profile_check::serial_too_long,
            "serial number has " + std::to_string(c.fields().serial_octets) + " octets");
    if (e.subject_key_identifier && e.subject_key_identifier->critical)
        add(profile_check::ski_critical, "subjectKeyIdentifier is marked critical");
    if (c.is_ca() && !e.subject_key_identifier)
        add(profile_check::ski_missing, "CA certificate without subjectKeyIdentifier");
    return out;
}

}  // namespace dpslint
