#include "dpslint/finding_catalogue.hpp"

#include <array>

namespace dpslint {

namespace {

using namespace attestation_finding;
using namespace input_finding;
using namespace config_finding;

constexpr std::array attestation_kinds{
    ambiguous_group, ca_unverified,       chain_incomplete,        group_disabled,
    hub_not_linked,  individual_disabled, individual_not_x509,     individual_thumbprint_mismatch,
    no_eligible_hub, no_enrollment,       registration_id_invalid, verification_unknown};

constexpr std::array input_kinds{
    ca_file_unmatched,     certificate_body_mismatch, field_ignored, internal_error,
    no_device_certificate, not_a_certificate,         too_large,     unreadable};

constexpr std::array config_kinds{suppression_expired, suppression_unused};

}  // namespace

Finding make_finding(const FindingKind& kind, std::string message, Location location) {
    Finding f;
    f.id = std::string(kind.id);
    f.severity = kind.severity;
    f.message = std::move(message);
    f.location = std::move(location);
    f.citation = std::string(kind.citation);
    return f;
}

std::span<const FindingKind> attestation_findings() noexcept {
    return attestation_kinds;
}

std::span<const FindingKind> input_findings() noexcept {
    return input_kinds;
}

std::span<const FindingKind> config_findings() noexcept {
    return config_kinds;
}

const FindingKind* find_finding_kind(std::string_view id) noexcept {
    for (const auto catalogue : {attestation_findings(), input_findings(), config_findings()}) {
        for (const auto& kind : catalogue) {
            if (kind.id == id)
                return &kind;
        }
    }
    return nullptr;
}

}  // namespace dpslint
