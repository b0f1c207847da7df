#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// The stable ids of the path validator's findings. They are part of dpslint's contract: reports
// and suppressions refer to them.
namespace chain_check {
inline constexpr std::string_view no_path = "chain.no-path";
inline constexpr std::string_view bad_signature = "chain.bad-signature";
inline constexpr std::string_view signature_unsupported = "chain.signature-unsupported";
inline constexpr std::string_view expired = "chain.expired";
inline constexpr std::string_view not_yet_valid = "chain.not-yet-valid";
inline constexpr std::string_view issuer_not_ca = "chain.issuer-not-ca";
inline constexpr std::string_view path_length_exceeded = "chain.path-length-exceeded";
inline constexpr std::string_view key_usage_no_cert_sign = "chain.key-usage-no-cert-sign";
inline constexpr std::string_view eku_no_client_auth = "chain.eku-no-client-auth";
inline constexpr std::string_view unknown_critical_extension = "chain.unknown-critical-extension";
inline constexpr std::string_view name_constraints = "chain.name-constraints";
inline constexpr std::string_view weak_signature_algorithm = "chain.weak-signature-algorithm";
inline constexpr std::string_view weak_key = "chain.weak-key";
inline constexpr std::string_view eku_purpose = "chain.eku-purpose";
inline constexpr std::string_view malformed_extension = "chain.malformed-extension";
inline constexpr std::string_view duplicate_extension = "chain.duplicate-extension";
inline constexpr std::string_view name_constraints_not_ca = "chain.name-constraints-not-ca";
inline constexpr std::string_view name_constraints_work = "chain.name-constraints-work";
inline constexpr std::string_view policy_explicit_required = "chain.policy-explicit-required";
inline constexpr std::string_view policy_not_acceptable = "chain.policy-not-acceptable";
inline constexpr std::string_view policy_mapping_any_policy = "chain.policy-mapping-any-policy";
inline constexpr std::string_view revoked = "chain.revoked";
inline constexpr std::string_view revocation_unknown = "chain.revocation-unknown";
inline constexpr std::string_view crl_expired = "chain.crl-expired";
inline constexpr std::string_view crl_bad_signature = "chain.crl-bad-signature";
inline constexpr std::string_view work_limit_exceeded = "chain.work-limit-exceeded";
}  // namespace chain_check

struct CheckInfo {
    std::string_view id;
    std::string_view title;
    std::string_view citation;
};

// A failure of one certificate of a path (position 0 = leaf), located by its subject and
// thumbprint and cited from chain_checks() (or profile_checks() for x509.* ids).
Finding path_finding(std::string_view id, const Certificate& certificate, std::size_t position,
                     std::string message);

// "device certificate", "intermediate CA" or "trust anchor", for messages.
std::string path_role(std::size_t position, std::size_t path_size);

// Every chain check with its title and RFC 5280 citation, sorted by id.
std::span<const CheckInfo> chain_checks() noexcept;
const CheckInfo* find_chain_check(std::string_view id) noexcept;

// path_finding for the device certificate.
inline Finding leaf_chain_finding(std::string_view id, const Certificate& leaf,
                                  std::string message) {
    return path_finding(id, leaf, 0, std::move(message));
}

}  // namespace dpslint
DPSLINT_API_END
