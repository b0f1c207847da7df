#pragma once

#include <string_view>

// Where DPS behaviour is documented (see docs/ and the reference notes), cited by attestation
// findings and lint rules. Learn paths, stable across doc revisions.
namespace dpslint::citation {
inline constexpr std::string_view dps_x509_attestation =
    "learn.microsoft.com/azure/iot-dps/concepts-x509-attestation";
inline constexpr std::string_view dps_revoke =
    "learn.microsoft.com/azure/iot-dps/how-to-revoke-device-access-portal";
inline constexpr std::string_view dps_unprovision =
    "learn.microsoft.com/azure/iot-dps/how-to-unprovision-devices";
inline constexpr std::string_view dps_verify_certificates =
    "learn.microsoft.com/azure/iot-dps/how-to-verify-certificates";
inline constexpr std::string_view dps_quick_enroll_x509 =
    "learn.microsoft.com/azure/iot-dps/quick-enroll-device-x509";
inline constexpr std::string_view dps_allocation =
    "learn.microsoft.com/azure/iot-dps/how-to-use-allocation-policies";
inline constexpr std::string_view dps_custom_allocation =
    "learn.microsoft.com/azure/iot-dps/concepts-custom-allocation";
inline constexpr std::string_view dps_linked_hubs =
    "learn.microsoft.com/azure/iot-dps/how-to-manage-linked-iot-hubs";
inline constexpr std::string_view dps_reprovision =
    "learn.microsoft.com/azure/iot-dps/concepts-device-reprovision";
inline constexpr std::string_view dps_limits =
    "learn.microsoft.com/azure/iot-dps/about-iot-dps#quotas-and-limits";
inline constexpr std::string_view dps_manage_enrollments =
    "learn.microsoft.com/azure/iot-dps/how-to-manage-enrollments";
inline constexpr std::string_view dps_troubleshoot =
    "learn.microsoft.com/azure/iot-dps/how-to-troubleshoot-dps";
inline constexpr std::string_view dps_service_api =
    "DPS service REST API 2021-10-01 (azure-rest-api-specs service.json)";
inline constexpr std::string_view hub_device_twins =
    "learn.microsoft.com/azure/iot-hub/iot-hub-devguide-device-twins";
inline constexpr std::string_view hub_identity_registry =
    "learn.microsoft.com/azure/iot-hub/iot-hub-devguide-identity-registry";
}  // namespace dpslint::citation
