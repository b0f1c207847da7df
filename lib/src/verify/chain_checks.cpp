#include "dpslint/chain_checks.hpp"

#include <algorithm>
#include <array>

#include "dpslint/profile.hpp"

namespace dpslint {

namespace {

constexpr auto checks = std::to_array<CheckInfo>({
    {chain_check::bad_signature, "signature does not verify under the issuer's key",
     "RFC 5280 §6.1.3 (a)(1)"},
    {chain_check::crl_bad_signature,
     "the CRL that covers a certificate does not verify under its issuer's key",
     "RFC 5280 §6.3.3 (f)-(g)"},
    {chain_check::crl_expired,
     "the CRL that covers a certificate is past its nextUpdate at the evaluation time",
     "RFC 5280 §5.1.2.5, §6.3.3 (a)"},
    {chain_check::duplicate_extension, "certificate holds the same extension twice",
     "RFC 5280 §4.2"},
    {chain_check::eku_no_client_auth,
     "device certificate's extendedKeyUsage does not allow TLS client authentication",
     "RFC 5280 §4.2.1.12"},
    {chain_check::eku_purpose, "extendedKeyUsage does not allow the requested purpose",
     "RFC 5280 §4.2.1.12"},
    {chain_check::expired, "certificate expired at the evaluation time", "RFC 5280 §6.1.3 (a)(2)"},
    {chain_check::issuer_not_ca, "issuer is not a CA (basicConstraints cA missing or FALSE)",
     "RFC 5280 §6.1.4 (k)"},
    {chain_check::key_usage_no_cert_sign, "issuer keyUsage lacks keyCertSign",
     "RFC 5280 §6.1.4 (n)"},
    {chain_check::malformed_extension, "extension value does not decode or is empty",
     "RFC 5280 §4.2"},
    {chain_check::name_constraints, "name outside the issuer's name constraints",
     "RFC 5280 §6.1.3 (b)-(c), §4.2.1.10"},
    {chain_check::name_constraints_not_ca,
     "nameConstraints in a certificate that is not a CA certificate", "RFC 5280 §4.2.1.10"},
    {chain_check::name_constraints_work,
     "names x name constraints along the path exceed the work bound", "RFC 5280 §4.2.1.10"},
    {chain_check::no_path, "no path to a trust anchor", "RFC 5280 §6.1"},
    {chain_check::not_yet_valid, "certificate not yet valid at the evaluation time",
     "RFC 5280 §6.1.3 (a)(2)"},
    {chain_check::path_length_exceeded, "more intermediates than pathLenConstraint allows",
     "RFC 5280 §6.1.4 (l)-(m)"},
    {chain_check::policy_explicit_required,
     "no valid certificate policy where the path requires an explicit policy",
     "RFC 5280 §6.1.3 (f)"},
    {chain_check::policy_mapping_any_policy, "policyMappings maps anyPolicy",
     "RFC 5280 §6.1.4 (a)"},
    {chain_check::policy_not_acceptable,
     "no valid certificate policy in the initial policy set while one is required",
     "RFC 5280 §6.1.5 (g)"},
    {chain_check::revocation_unknown,
     "no CRL given is authoritative for a certificate of the path (--revocation require)",
     "RFC 5280 §6.3.3"},
    {chain_check::revoked, "a certificate of the path is on its issuer's CRL",
     "RFC 5280 §6.3.3 (i)-(j)"},
    {chain_check::signature_unsupported, "signature algorithm the backend cannot verify",
     "RFC 5280 §6.1.3 (a)(1)"},
    {chain_check::unknown_critical_extension, "unrecognised critical extension",
     "RFC 5280 §4.2, §6.1.4 (o)"},
    {chain_check::weak_key, "public key below the algorithm policy", "RFC 5280 §6.1.3 (a)(1)"},
    {chain_check::weak_signature_algorithm, "signature algorithm below the algorithm policy",
     "RFC 5280 §4.1.1.2"},
    {chain_check::work_limit_exceeded,
     "path search stopped at the per-leaf limit of candidates or signature checks",
     "RFC 4158 §8.1"},
});

}  // namespace

Finding path_finding(std::string_view id, const Certificate& certificate, std::size_t position,
                     std::string message) {
    Finding f;
    f.id = std::string(id);
    f.severity = Severity::error;
    f.message = std::move(message);
    f.location.subject = certificate.subject().text();
    f.location.sha256 = certificate.sha256();
    f.location.path_position = position;
    if (const auto* info = find_chain_check(id)) {
        f.citation = std::string(info->citation);
    } else if (const auto* profile = find_profile_check(id)) {
        f.citation = std::string(profile->citation);
    }
    return f;
}

std::string path_role(std::size_t position, std::size_t path_size) {
    if (position == 0)
        return path_size == 1 ? "trust anchor" : "device certificate";
    return position + 1 == path_size ? "trust anchor" : "intermediate CA";
}

std::span<const CheckInfo> chain_checks() noexcept {
    return checks;
}

const CheckInfo* find_chain_check(std::string_view id) noexcept {
    const auto it =
        std::find_if(checks.begin(), checks.end(), [id](const CheckInfo& c) { return c.id == id; });
    return it == checks.end() ? nullptr : &*it;
}

}  // namespace dpslint
