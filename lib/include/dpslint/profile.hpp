#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/certificate.hpp"

namespace dpslint {

// The RFC 5280 §4 rules a CA MUST follow when it issues a certificate, checked on one
// certificate. `verify --strict` makes them path validation failures; lint rules report them on
// device and CA certificates. Ids are stable: "x509.<rule>".
namespace profile_check {
inline constexpr std::string_view aki_missing = "x509.aki-missing";
inline constexpr std::string_view aki_critical = "x509.aki-critical";
inline constexpr std::string_view ski_missing = "x509.ski-missing";
inline constexpr std::string_view ski_critical = "x509.ski-critical";
inline constexpr std::string_view serial_not_positive = "x509.serial-not-positive";
inline constexpr std::string_view serial_too_long = "x509.serial-too-long";
inline constexpr std::string_view basic_constraints_not_critical =
    "x509.basic-constraints-not-critical";
inline constexpr std::string_view empty_subject_san = "x509.empty-subject-san";
inline constexpr std::string_view key_cert_sign_not_ca = "x509.key-cert-sign-not-ca";
inline constexpr std::string_view policy_constraints_not_critical =
    "x509.policy-constraints-not-critical";
}  // namespace profile_check

struct ProfileCheckInfo {
    std::string_view id;
    std::string_view title;
    std::string_view citation;
};

// Every profile check, sorted by id.
std::span<const ProfileCheckInfo> profile_checks() noexcept;
const ProfileCheckInfo* find_profile_check(std::string_view id) noexcept;

struct ProfileViolation {
    std::string_view id;  // a profile_check id
    std::string message;  // what this certificate does, one line
};

// Every §4 rule `certificate` breaks, in profile_checks() order. Extensions that do not decode
// are not looked at here: they are Extensions::problems, always a validation failure.
std::vector<ProfileViolation> profile_violations(const Certificate& certificate);

}  // namespace dpslint
