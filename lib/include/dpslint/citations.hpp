#pragma once

#include <string_view>

// Where DPS behaviour is documented, cited by attestation findings and lint rules: full URLs of
// public pages a user can open (Microsoft Learn articles and the DPS REST API reference), stable
// across doc revisions. tests/unit/rule_registry_test.cpp rejects any other kind of citation.
namespace dpslint::citation {
inline constexpr std::string_view dps_x509_attestation =
    "https://learn.microsoft.com/azure/iot-dps/concepts-x509-attestation";
inline constexpr std::string_view dps_revoke =
    "https://learn.microsoft.com/azure/iot-dps/how-to-revoke-device-access-portal";
inline constexpr std::string_view dps_unprovision =
    "https://learn.microsoft.com/azure/iot-dps/how-to-unprovision-devices";
inline constexpr std::string_view dps_verify_certificates =
    "https://learn.microsoft.com/azure/iot-dps/how-to-verify-certificates";
inline constexpr std::string_view dps_quick_enroll_x509 =
    "https://learn.microsoft.com/azure/iot-dps/quick-enroll-device-x509";
inline constexpr std::string_view dps_allocation =
    "https://learn.microsoft.com/azure/iot-dps/how-to-use-allocation-policies";
inline constexpr std::string_view dps_custom_allocation =
    "https://learn.microsoft.com/azure/iot-dps/concepts-custom-allocation";
inline constexpr std::string_view dps_linked_hubs =
    "https://learn.microsoft.com/azure/iot-dps/how-to-manage-linked-iot-hubs";
inline constexpr std::string_view dps_reprovision =
    "https://learn.microsoft.com/azure/iot-dps/concepts-device-reprovision";
inline constexpr std::string_view dps_limits =
    "https://learn.microsoft.com/azure/iot-dps/about-iot-dps#quotas-and-limits";
inline constexpr std::string_view dps_manage_enrollments =
    "https://learn.microsoft.com/azure/iot-dps/how-to-manage-enrollments";
inline constexpr std::string_view dps_troubleshoot =
    "https://learn.microsoft.com/azure/iot-dps/how-to-troubleshoot-dps";
inline constexpr std::string_view dps_service_api =
    "https://learn.microsoft.com/rest/api/iot-dps/service/enrollment-group";
inline constexpr std::string_view dps_service_api_individual =
    "https://learn.microsoft.com/rest/api/iot-dps/service/individual-enrollment";
inline constexpr std::string_view dps_resource_api =
    "https://learn.microsoft.com/rest/api/iot-dps/iot-dps-resource";
inline constexpr std::string_view dps_cli_certificate =
    "https://learn.microsoft.com/cli/azure/iot/dps/certificate";
inline constexpr std::string_view hub_device_twins =
    "https://learn.microsoft.com/azure/iot-hub/iot-hub-devguide-device-twins";
inline constexpr std::string_view hub_identity_registry =
    "https://learn.microsoft.com/azure/iot-hub/iot-hub-devguide-identity-registry";
}  // namespace dpslint::citation
