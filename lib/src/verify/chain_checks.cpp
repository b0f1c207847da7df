#include "dpslint/chain_checks.hpp"

#include <algorithm>
#include <array>

namespace dpslint {

namespace {

constexpr std::array<CheckInfo, 16> checks{{
    {chain_check::bad_signature, "signature does not verify under the issuer's key",
     "RFC 5280 §6.1.3 (a)(1)"},
    {chain_check::depth_exceeded, "path longer than the depth limit", "RFC 5280 §6.1"},
    {chain_check::eku_no_client_auth,
     "device certificate's extendedKeyUsage does not allow TLS client authentication",
     "RFC 5280 §4.2.1.12"},
    {chain_check::expired, "certificate expired at the evaluation time", "RFC 5280 §6.1.3 (a)(2)"},
    {chain_check::issuer_not_ca, "issuer is not a CA (basicConstraints cA missing or FALSE)",
     "RFC 5280 §6.1.4 (k)"},
    {chain_check::key_usage_no_cert_sign, "issuer keyUsage lacks keyCertSign",
     "RFC 5280 §6.1.4 (n)"},
    {chain_check::loop, "issuer chain loops back on itself", "RFC 5280 §6.1"},
    {chain_check::name_constraints, "name outside the issuer's name constraints",
     "RFC 5280 §6.1.3 (b)-(c), §4.2.1.10"},
    {chain_check::no_path, "no path to a trust anchor", "RFC 5280 §6.1"},
    {chain_check::not_yet_valid, "certificate not yet valid at the evaluation time",
     "RFC 5280 §6.1.3 (a)(2)"},
    {chain_check::path_length_exceeded, "more intermediates than pathLenConstraint allows",
     "RFC 5280 §6.1.4 (l)-(m)"},
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
}};

}  // namespace

std::span<const CheckInfo> chain_checks() noexcept {
    return checks;
}

const CheckInfo* find_chain_check(std::string_view id) noexcept {
    const auto it =
        std::find_if(checks.begin(), checks.end(), [id](const CheckInfo& c) { return c.id == id; });
    return it == checks.end() ? nullptr : &*it;
}

Finding chain_finding(std::string_view id, const Certificate& certificate, std::size_t position,
                      std::string message) {
    Finding f;
    f.id = std::string(id);
    f.severity = Severity::error;
    f.message = std::move(message);
    f.location.subject = certificate.subject().text();
    f.location.sha256 = certificate.sha256();
    f.location.path_position = position;
    if (const auto* info = find_chain_check(id))
        f.citation = std::string(info->citation);
    return f;
}

}  // namespace dpslint
