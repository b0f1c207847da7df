#pragma once

#include <span>
#include <string>
#include <string_view>

#include "dpslint/citations.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"

DPSLINT_API_BEGIN
// Facts about dpslint itself (its inputs and configuration) are documented in its README, which
// is installed with it; these cite the section.
namespace dpslint::citation {
inline constexpr std::string_view dpslint_exit_status = "dpslint README: Exit status";
inline constexpr std::string_view dpslint_configuration = "dpslint README: Configuration";
}  // namespace dpslint::citation

namespace dpslint {

// One declared finding id: the stable id (reports, suppressions and CI gates refer to it), the
// severity it is reported at, the citation a user can open and what it means. The library and the
// CLI build their attestation, input and configuration findings from these entries only, so an id
// cannot be reported without being declared here; the path validator's ids are declared in
// chain_checks.hpp, the RFC 5280 profile ids in profile.hpp and the lint rules' ids by the rule
// registry.
struct FindingKind {
    std::string_view id;
    Severity severity;
    std::string_view citation;
    std::string_view explanation;
};

// A finding of `kind`: its id, severity and citation, with `message` and `location`.
Finding make_finding(const FindingKind& kind, std::string message, Location location = {});

// Why DPS would reject, block or not allocate a device (`dpslint simulate`, `lint`, `batch`).
namespace attestation_finding {
inline constexpr FindingKind ambiguous_group{
    "attestation.ambiguous-group", Severity::warning, citation::dps_x509_attestation,
    "several enrollment groups use the certificate the device's chain matches first; which one "
    "DPS applies is undefined"};
inline constexpr FindingKind ca_unverified{
    "attestation.ca-unverified", Severity::error, citation::dps_verify_certificates,
    "neither the matched group's CA certificate nor any certificate above it is verified (proof "
    "of possession)"};
inline constexpr FindingKind chain_incomplete{
    "attestation.chain-incomplete", Severity::error, citation::dps_x509_attestation,
    "the device does not present every certificate between its own and the verified CA"};
inline constexpr FindingKind group_disabled{
    "attestation.group-disabled", Severity::error, citation::dps_x509_attestation,
    "the enrollment group the device matches is disabled; DPS does not fall through to groups "
    "higher in the chain"};
inline constexpr FindingKind hub_not_linked{
    "attestation.hub-not-linked", Severity::error, citation::dps_allocation,
    "an IoT hub the enrollment names is not linked to the DPS instance"};
inline constexpr FindingKind individual_disabled{
    "attestation.individual-disabled", Severity::error, citation::dps_revoke,
    "the device's individual enrollment is disabled and blocks it"};
inline constexpr FindingKind individual_not_x509{
    "attestation.individual-not-x509", Severity::error, citation::dps_x509_attestation,
    "the device's individual enrollment does not use X.509 attestation"};
inline constexpr FindingKind individual_thumbprint_mismatch{
    "attestation.individual-thumbprint-mismatch", Severity::error, citation::dps_x509_attestation,
    "the device certificate matches neither client certificate of its individual enrollment"};
inline constexpr FindingKind no_eligible_hub{
    "attestation.no-eligible-hub", Severity::error, citation::dps_allocation,
    "no linked IoT hub can take the device (none linked, none named is linked, or all have "
    "applyAllocationPolicy false)"};
inline constexpr FindingKind no_enrollment{
    "attestation.no-enrollment", Severity::error, citation::dps_x509_attestation,
    "no individual enrollment has the device's registration ID and no enrollment group uses a "
    "certificate of its chain"};
inline constexpr FindingKind registration_id_invalid{
    "attestation.registration-id-invalid", Severity::error, citation::dps_x509_attestation,
    "the device certificate's subject CN, which DPS takes as registration ID, is missing, "
    "repeated or not a valid registration ID"};
inline constexpr FindingKind verification_unknown{
    "attestation.verification-unknown", Severity::notice, citation::dps_verify_certificates,
    "certificates.json is not in the snapshot, so the group's CA is assumed verified"};
}  // namespace attestation_finding

// Facts about the files dpslint reads.
namespace input_finding {
inline constexpr FindingKind ca_file_unmatched{
    "input.ca-file-unmatched", Severity::notice, citation::dps_x509_attestation,
    "a CA certificate file of the snapshot matches no uploaded DPS certificate, so it completes "
    "no device chain"};
inline constexpr FindingKind certificate_body_mismatch{
    "input.certificate-body-mismatch", Severity::warning, citation::dps_cli_certificate,
    "a certificates.json record holds a certificate body whose SHA-1 is not the record's "
    "thumbprint; the body is not used"};
inline constexpr FindingKind field_ignored{
    "input.field-ignored", Severity::notice, citation::dps_service_api,
    "an informational field of the snapshot has an unexpected type and is ignored"};
inline constexpr FindingKind internal_error{
    "input.internal-error", Severity::error, citation::dpslint_exit_status,
    "a batch input could not be processed because of an internal error (please report it); the "
    "other inputs are still processed"};
inline constexpr FindingKind no_device_certificate{
    "input.no-device-certificate", Severity::error, citation::dpslint_exit_status,
    "a batch input holds certificates but no device (end-entity) certificate"};
inline constexpr FindingKind not_a_certificate{
    "input.not-a-certificate", Severity::error, citation::dpslint_exit_status,
    "a batch input is not a PEM or DER certificate file"};
inline constexpr FindingKind too_large{
    "input.too-large", Severity::error, citation::dpslint_exit_status,
    "a batch input is larger than --max-file-size and was not read"};
inline constexpr FindingKind unreadable{
    "input.unreadable", Severity::error, citation::dpslint_exit_status,
    "an input file could not be read or used; the line says where"};
}  // namespace input_finding

// Facts about the lint configuration (.dpslint.json).
namespace config_finding {
inline constexpr FindingKind suppression_expired{
    "config.suppression-expired", Severity::warning, citation::dpslint_configuration,
    "a suppression is past its expiry date and no longer applies"};
inline constexpr FindingKind suppression_unused{"config.suppression-unused", Severity::notice,
                                                citation::dpslint_configuration,
                                                "a suppression matched no finding of the run"};
}  // namespace config_finding

// Each catalogue, sorted by id.
std::span<const FindingKind> attestation_findings() noexcept;
std::span<const FindingKind> input_findings() noexcept;
std::span<const FindingKind> config_findings() noexcept;

// The entry of `id` in one of the three catalogues above, or null.
const FindingKind* find_finding_kind(std::string_view id) noexcept;

}  // namespace dpslint
DPSLINT_API_END
