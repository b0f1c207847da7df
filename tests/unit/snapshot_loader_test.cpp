#include <algorithm>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/error.hpp"
#include "dpslint/snapshot.hpp"

#include "support/testdata.hpp"

using namespace dpslint;
using dpslint::test::testdata;
using nlohmann::json;

namespace snapshot_loader_test {

namespace {

// SHA-1 / SHA-256 thumbprints of the certificates the fixtures under testdata/snapshots embed
// (copies of testdata/demo, fixed in the fixtures), from `openssl x509 -fingerprint`.
constexpr const char* root_sha1 = "2FF97FBDB7A43969CB64268D6C16F5193C331C9A";
constexpr const char* intermediate_sha1 = "075B0E61BA65BD9401FDA334AEFD9628627954C2";
constexpr const char* intermediate_sha256 =
    "9649F651F4DDBE6337029FABFB0D6FDFC624F9C7C804E766AE409975ADE2291F";
constexpr const char* customer_a_sha1 = "5E7BF0B86283DC656CB35C1A95D481101918DF7C";
constexpr const char* customer_a_sha256 =
    "3101BC6AE23A391F42CD68D89A698FDD7E5F9194A5568CFA47315F26891140FE";
constexpr const char* device1_sha1 = "8AE24E9C1C99345CB8708341306767CD1C4FA846";
constexpr const char* sensor042_sha1 = "F269825CF656D72BBE9574AA8B0E22100593FB5B";
constexpr const char* sensor042_sha256 =
    "DD57816DCBC82AF4349A5EE3913E6126FD0B6E8C7502178EA655C23C72D2F8BC";

constexpr const char* root_dn = "CN=Contoso IoT Root CA, O=Contoso, C=US";
constexpr const char* intermediate_dn = "CN=Contoso IoT Intermediate CA, O=Contoso, C=US";

const CryptoBackend& backend() {
    static const std::unique_ptr<CryptoBackend> instance = make_openssl_backend();
    REQUIRE(instance != nullptr);
    return *instance;
}

std::string file_in(const char* snapshot, const char* part) {
    return (testdata("snapshots") / snapshot / part).string();
}

std::string load_error(const std::filesystem::path& path) {
    try {
        load_snapshot(path, backend());
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

void check_source(const SourceRef& source, const std::string& file, const std::string& pointer) {
    CHECK(source.file == file);
    CHECK(source.pointer == pointer);
}

}  // namespace

TEST_CASE("list-style snapshot: az show/list output as exported", "[snapshot]") {
    const auto dir = testdata("snapshots/list-style");
    const Snapshot s = load_snapshot(dir, backend());
    CHECK(s.origin == dir.string());
    CHECK(s.missing_parts.empty());

    SECTION("dps.json with raw lower-case resourcegroup and systemData") {
        REQUIRE(s.service.has_value());
        CHECK(s.service->name == "contoso-dps");
        CHECK(s.service->location == "westeurope");
        CHECK(s.service->id_scope == "0ne00ABC123");
        CHECK(s.service->state == "Active");
        CHECK(s.service->resource_group == "rg-iot");
        CHECK(s.service->allocation_policy_raw == "Hashed");
        CHECK(s.service->allocation_policy == AllocationPolicy::hashed);
        check_source(s.service->source, file_in("list-style", "dps.json"), "");
        CHECK(s.default_allocation_policy() == AllocationPolicy::hashed);
    }

    SECTION("linked-hubs.json wins over dps.json; no shared access key is kept") {
        REQUIRE(s.linked_hubs.has_value());
        REQUIRE(s.linked_hubs->size() == 2);
        const LinkedHub& a = (*s.linked_hubs)[0];
        CHECK(a.name == "hub-a.azure-devices.net");
        CHECK(a.location == "westeurope");
        CHECK_FALSE(a.allocation_weight.has_value());
        CHECK(a.weight() == 1);
        CHECK_FALSE(a.apply_allocation_policy.has_value());
        CHECK(a.applies_allocation_policy());
        CHECK(a.connection_string_host == "hub-a.azure-devices.net");
        CHECK(a.authentication_type.empty());
        check_source(a.source, file_in("list-style", "linked-hubs.json"), "/0");
        const LinkedHub& b = (*s.linked_hubs)[1];
        CHECK(b.name == "hub-b.azure-devices.net");
        CHECK(b.location == "northeurope");
        CHECK(b.allocation_weight == 3);
        CHECK(b.weight() == 3);
        CHECK(b.apply_allocation_policy == false);
        CHECK_FALSE(b.applies_allocation_policy());
        CHECK(b.connection_string_host == "hub-b.azure-devices.net");
        CHECK(b.authentication_type == "KeyBased");
        check_source(b.source, file_in("list-style", "linked-hubs.json"), "/1");
        CHECK(s.hubs().size() == 2);
    }

    SECTION(
        "certificates.json {value:[...]} with RFC 1123 dates, year 0001, mixed-case thumbprints") {
        REQUIRE(s.certificates.has_value());
        REQUIRE(s.certificates->size() == 3);
        const CaRecord& root = (*s.certificates)[0];
        CHECK(root.name == "contoso-root");
        CHECK(root.subject == "Contoso IoT Root CA");
        CHECK(root.thumbprint == root_sha1);
        CHECK(root.is_verified);
        CHECK(root.expiry == make_time(2044, 1, 1));
        CHECK(root.created == make_time(1, 1, 1));
        CHECK(root.updated == make_time(2024, 3, 5, 17, 50, 3));
        CHECK(root.etag == "IjA1MDA2YmVhLTAwMDAtMDMwMC0wMDAwLTYyNzE2YjBiMDAwMCI=");
        REQUIRE(root.certificate != nullptr);
        CHECK(root.certificate->sha1() == root_sha1);
        CHECK(root.certificate_file == file_in("list-style", "ca/contoso-root.pem"));
        check_source(root.source, file_in("list-style", "certificates.json"), "/value/0");

        const CaRecord& intermediate = (*s.certificates)[1];
        CHECK(intermediate.name == "contoso-intermediate");
        CHECK(intermediate.thumbprint == "075b0e61ba65bd9401fda334aefd9628627954c2");
        CHECK_FALSE(intermediate.is_verified);
        CHECK(intermediate.expiry == make_time(2034, 1, 1));
        CHECK(intermediate.created == make_time(1, 1, 1));
        CHECK(intermediate.updated == make_time(2024, 3, 6, 8));
        CHECK(intermediate.etag == "AAAAAAExpNs=");
        REQUIRE(intermediate.certificate != nullptr);
        CHECK(intermediate.certificate->sha1() == intermediate_sha1);
        CHECK(intermediate.certificate_file == file_in("list-style", "ca/intermediates.pem"));

        const CaRecord& retired = (*s.certificates)[2];
        CHECK(retired.name == "retired-ca");
        CHECK(retired.subject == "CN=Retired CA");
        CHECK(retired.expiry == make_time(2022, 5, 6, 17, 50, 1));
        CHECK(retired.certificate == nullptr);
        CHECK(retired.certificate_file.empty());
    }

    SECTION("ca/: one CaFile per certificate, bundles included, paired by thumbprint") {
        REQUIRE(s.ca_files.size() == 3);
        CHECK(s.ca_files[0].path == file_in("list-style", "ca/contoso-root.pem"));
        CHECK(s.ca_files[0].certificate->sha1() == root_sha1);
        CHECK(s.ca_files[0].paired);
        CHECK(s.ca_files[1].path == file_in("list-style", "ca/intermediates.pem"));
        CHECK(s.ca_files[1].certificate->sha1() == intermediate_sha1);
        CHECK(s.ca_files[1].paired);
        CHECK(s.ca_files[2].path == file_in("list-style", "ca/intermediates.pem"));
        CHECK(s.ca_files[2].certificate->sha1() == customer_a_sha1);
        CHECK(s.ca_files[2].paired);  // no record, but the inline group 'customer-a' has it
    }

    SECTION("lookups") {
        CHECK(s.find_certificate("contoso-root") == &(*s.certificates)[0]);
        CHECK(s.find_certificate("Contoso-Root") == &(*s.certificates)[0]);
        CHECK(s.find_certificate("missing") == nullptr);
        CHECK(s.find_certificate_by_sha1("2ff97fbdb7a43969cb64268d6c16f5193c331c9a")
              == &(*s.certificates)[0]);
        CHECK(s.find_certificate_by_sha1(intermediate_sha1) == &(*s.certificates)[1]);
        CHECK(s.find_certificate_by_sha1(customer_a_sha1) == nullptr);
        CHECK(s.find_certificate_by_sha1("") == nullptr);
    }

    SECTION("enrollment groups") {
        const std::string groups_file = file_in("list-style", "enrollment-groups.json");
        REQUIRE(s.groups.size() == 4);

        const EnrollmentGroup& g0 = s.groups[0];
        CHECK(g0.id == "contoso-devices");
        const EnrollmentSettings& e0 = g0.settings;
        check_source(e0.source, groups_file, "/0");
        CHECK(e0.attestation.type == AttestationType::x509);
        CHECK(e0.attestation.type_raw == "x509");
        REQUIRE(e0.attestation.x509.has_value());
        CHECK(e0.attestation.x509->ca_reference_primary == "contoso-root");
        CHECK_FALSE(e0.attestation.x509->ca_reference_secondary.has_value());
        CHECK_FALSE(e0.attestation.x509->signing_primary.has_value());
        CHECK_FALSE(e0.attestation.x509->signing_secondary.has_value());
        CHECK_FALSE(e0.attestation.x509->client_primary.has_value());
        CHECK_FALSE(e0.attestation.x509->client_secondary.has_value());
        CHECK(e0.enabled);
        CHECK(e0.provisioning_status_raw == "enabled");
        CHECK(e0.allocation_policy == AllocationPolicy::hashed);
        CHECK(e0.allocation_policy_raw == "hashed");
        CHECK(e0.iot_hubs
              == std::vector<std::string>{"hub-a.azure-devices.net", "hub-b.azure-devices.net"});
        CHECK(e0.iot_hub_host_name.empty());
        CHECK_FALSE(e0.custom_allocation.has_value());
        REQUIRE(e0.reprovision_policy.has_value());
        CHECK(e0.reprovision_policy->update_hub_assignment);
        CHECK(e0.reprovision_policy->migrate_device_data);
        CHECK(e0.iot_edge == false);
        REQUIRE(e0.initial_twin.has_value());
        CHECK(*e0.initial_twin
              == json::parse(R"({"tags": {"env": "prod", "site": {"building": "B1"}},
                                                  "properties": {"desired": {"telemetryInterval": 30}}})"));
        CHECK(e0.etag == "\"13003fea-0000-0300-0000-62d1d5e50000\"");
        CHECK(e0.created == make_time(2024, 3, 5, 21, 27, 16));
        CHECK(e0.last_updated == make_time(2024, 3, 15, 21, 2, 29));

        const EnrollmentGroup& g1 = s.groups[1];
        CHECK(g1.id == "customer-a");
        const EnrollmentSettings& e1 = g1.settings;
        check_source(e1.source, groups_file, "/1");
        REQUIRE(e1.attestation.x509.has_value());
        REQUIRE(e1.attestation.x509->signing_primary.has_value());
        const X509CertificateWithInfo& signer = *e1.attestation.x509->signing_primary;
        check_source(signer.source, groups_file, "/1/attestation/x509/signingCertificates/primary");
        CHECK_FALSE(signer.certificate_text.has_value());
        CHECK(signer.certificate == nullptr);
        REQUIRE(signer.info.has_value());
        CHECK(signer.info->subject_name == "CN=Customer A Intermediate CA, O=Contoso, C=US");
        CHECK(signer.info->issuer_name == root_dn);
        CHECK(signer.info->sha1_thumbprint == customer_a_sha1);
        CHECK(signer.info->sha256_thumbprint == customer_a_sha256);
        CHECK(signer.info->not_before == make_time(2024, 1, 1));
        CHECK(signer.info->not_after == make_time(2034, 1, 1));
        CHECK(signer.info->serial_number == "1002");
        CHECK(signer.info->version == 3);
        CHECK(signer.sha1() == customer_a_sha1);
        CHECK(signer.sha256() == customer_a_sha256);
        CHECK_FALSE(e1.attestation.x509->signing_secondary.has_value());
        CHECK_FALSE(e1.attestation.x509->ca_reference_primary.has_value());
        CHECK_FALSE(e1.enabled);
        CHECK(e1.provisioning_status_raw == "disabled");
        CHECK(e1.allocation_policy == AllocationPolicy::custom);
        REQUIRE(e1.custom_allocation.has_value());
        CHECK(e1.custom_allocation->webhook_url
              == "https://contoso-alloc.azurewebsites.net/api/HttpTrigger1?****");
        CHECK(e1.custom_allocation->api_version == "2021-10-01");
        check_source(e1.custom_allocation->source, groups_file, "/1/customAllocationDefinition");
        REQUIRE(e1.reprovision_policy.has_value());
        CHECK(e1.reprovision_policy->update_hub_assignment);
        CHECK_FALSE(e1.reprovision_policy->migrate_device_data);
        CHECK(e1.iot_edge == true);
        CHECK(e1.iot_hubs.empty());
        CHECK_FALSE(e1.initial_twin.has_value());
        CHECK(e1.etag == "\"2a00b1c4-0000-0300-0000-660a6b300000\"");
        CHECK(e1.created == make_time(2024, 4, 1, 8));
        CHECK(e1.last_updated == make_time(2024, 4, 2, 8));

        const EnrollmentGroup& g2 = s.groups[2];
        CHECK(g2.id == "legacy-static");
        const EnrollmentSettings& e2 = g2.settings;
        REQUIRE(e2.attestation.x509.has_value());
        REQUIRE(e2.attestation.x509->signing_primary.has_value());
        const X509CertificateWithInfo& inline_signer = *e2.attestation.x509->signing_primary;
        REQUIRE(inline_signer.certificate_text.has_value());
        CHECK(inline_signer.certificate_text->starts_with("-----BEGIN CERTIFICATE-----\n"));
        REQUIRE(inline_signer.certificate != nullptr);
        CHECK(inline_signer.certificate->sha1() == intermediate_sha1);
        CHECK(inline_signer.sha1() == intermediate_sha1);
        CHECK(inline_signer.sha256() == intermediate_sha256);
        REQUIRE(inline_signer.info.has_value());
        CHECK(inline_signer.info->subject_name == intermediate_dn);
        CHECK_FALSE(e2.attestation.x509->signing_secondary.has_value());
        CHECK(e2.enabled);
        CHECK_FALSE(e2.allocation_policy.has_value());
        CHECK(e2.allocation_policy_raw.empty());
        CHECK(e2.iot_hub_host_name == "hub-a.azure-devices.net");
        CHECK_FALSE(e2.reprovision_policy.has_value());
        CHECK_FALSE(e2.iot_edge.has_value());
        CHECK(e2.created == make_time(2019, 6, 1));

        const EnrollmentGroup& g3 = s.groups[3];
        CHECK(g3.id == "symkey-fleet");
        const EnrollmentSettings& e3 = g3.settings;
        CHECK(e3.attestation.type == AttestationType::symmetric_key);
        CHECK(e3.attestation.type_raw == "symmetricKey");
        CHECK_FALSE(e3.attestation.x509.has_value());
        CHECK(e3.allocation_policy == AllocationPolicy::geo_latency);
        REQUIRE(e3.reprovision_policy.has_value());
        CHECK_FALSE(e3.reprovision_policy->update_hub_assignment);
        CHECK_FALSE(e3.reprovision_policy->migrate_device_data);
        CHECK(e3.created == make_time(2024, 5, 1));
    }

    SECTION("individual enrollments") {
        const std::string file = file_in("list-style", "enrollments.json");
        REQUIRE(s.individuals.has_value());
        REQUIRE(s.individuals->size() == 3);

        const IndividualEnrollment& d1 = (*s.individuals)[0];
        CHECK(d1.registration_id == "device-1");
        CHECK(d1.device_id == "device-1");
        check_source(d1.settings.source, file, "/0");
        REQUIRE(d1.settings.attestation.x509.has_value());
        REQUIRE(d1.settings.attestation.x509->client_primary.has_value());
        const auto& client = *d1.settings.attestation.x509->client_primary;
        CHECK(client.certificate == nullptr);
        CHECK(client.sha1() == device1_sha1);
        CHECK(client.info->subject_name == "CN=device-1");
        CHECK(client.info->issuer_name == intermediate_dn);
        CHECK(client.info->not_after == make_time(2030, 1, 1));
        CHECK_FALSE(d1.settings.attestation.x509->client_secondary.has_value());
        CHECK(d1.settings.allocation_policy == AllocationPolicy::static_hub);
        CHECK(d1.settings.iot_hubs == std::vector<std::string>{"hub-b.azure-devices.net"});
        CHECK(d1.settings.created == make_time(2025, 2, 1, 10));

        const IndividualEnrollment& rogue = (*s.individuals)[1];
        CHECK(rogue.registration_id == "rogue-device");
        CHECK_FALSE(rogue.device_id.has_value());
        CHECK(rogue.settings.attestation.type == AttestationType::symmetric_key);
        CHECK_FALSE(rogue.settings.enabled);
        CHECK(rogue.settings.provisioning_status_raw == "disabled");
        check_source(rogue.settings.source, file, "/1");

        const IndividualEnrollment& sensor = (*s.individuals)[2];
        CHECK(sensor.registration_id == "sensor-042");
        CHECK_FALSE(sensor.device_id.has_value());
        CHECK(sensor.settings.enabled);
        CHECK(sensor.settings.provisioning_status_raw == "enabled");
        CHECK(sensor.settings.allocation_policy == AllocationPolicy::geo_latency);
        CHECK(sensor.settings.allocation_policy_raw == "geoLatency");
        const auto& base64_client = *sensor.settings.attestation.x509->client_primary;
        REQUIRE(base64_client.certificate_text.has_value());
        CHECK(base64_client.certificate_text->starts_with("MII"));
        REQUIRE(base64_client.certificate != nullptr);
        CHECK(base64_client.certificate->sha1() == sensor042_sha1);
        CHECK(base64_client.sha256() == sensor042_sha256);
        check_source(base64_client.source, file, "/2/attestation/x509/clientCertificates/primary");
    }

    SECTION("registrations/<groupId>.json") {
        REQUIRE(s.registrations.size() == 2);
        const auto& records = s.registrations.at("contoso-devices");
        REQUIRE(records.size() == 2);
        CHECK(records[0].registration_id == "device-2");
        CHECK(records[0].device_id == "device-2");
        CHECK(records[0].assigned_hub == "hub-a.azure-devices.net");
        CHECK(records[0].status == "assigned");
        CHECK(records[0].substatus == "initialAssignment");
        CHECK_FALSE(records[0].error_code.has_value());
        CHECK(records[0].error_message.empty());
        check_source(records[0].source, file_in("list-style", "registrations/contoso-devices.json"),
                     "/0");
        CHECK(records[1].registration_id == "device-expired");
        CHECK(records[1].device_id.empty());
        CHECK(records[1].assigned_hub.empty());
        CHECK(records[1].status == "failed");
        CHECK(records[1].error_code == 401002);
        CHECK(records[1].error_message == "Signing certificate info did not match chain elements");
        CHECK(s.registrations.at("customer-a").empty());
    }
}

TEST_CASE("create-style snapshot: az create/update output re-serialized by the SDK", "[snapshot]") {
    const auto dir = testdata("snapshots/create-style");
    const Snapshot s = load_snapshot(dir, backend());

    CHECK(s.missing_parts
          == std::vector<std::string>{
              "registrations/ absent: registration records unknown; registration-state checks "
              "skipped",
              "ca/ absent: CA certificate bodies unknown; chains can only be completed from what "
              "devices present"});
    CHECK(s.ca_files.empty());
    CHECK(s.registrations.empty());

    REQUIRE(s.service.has_value());
    CHECK(s.service->resource_group == "rg-iot");
    CHECK(s.service->allocation_policy_raw == "GeoLatency");
    CHECK(s.default_allocation_policy() == AllocationPolicy::geo_latency);

    // No linked-hubs.json: the hubs come from dps.json properties.iotHubs.
    REQUIRE(s.linked_hubs.has_value());
    REQUIRE(s.linked_hubs->size() == 2);
    CHECK((*s.linked_hubs)[0].name == "hub-a.azure-devices.net");
    check_source((*s.linked_hubs)[0].source, file_in("create-style", "dps.json"),
                 "/properties/iotHubs/0");
    const LinkedHub& mi = (*s.linked_hubs)[1];
    CHECK(mi.name == "hub-c.device.azure-devices.net");
    CHECK(mi.location == "eastus");
    CHECK(mi.allocation_weight == 10);
    CHECK(mi.apply_allocation_policy == true);
    CHECK(mi.connection_string_host.empty());
    CHECK(mi.authentication_type == "SystemAssigned");
    check_source(mi.source, file_in("create-style", "dps.json"), "/properties/iotHubs/1");

    // A bare array with ISO 8601 dates from isoformat() (+00:00 offsets, microseconds).
    REQUIRE(s.certificates.has_value());
    REQUIRE(s.certificates->size() == 1);
    const CaRecord& root = (*s.certificates)[0];
    CHECK(root.subject == "CN=Contoso IoT Root CA");
    CHECK(root.expiry == make_time(2044, 1, 1));
    CHECK(root.created == make_time(1, 1, 1));
    CHECK(root.updated == make_time(2024, 3, 5, 17, 50, 3));
    CHECK(root.certificate == nullptr);
    check_source(root.source, file_in("create-style", "certificates.json"), "/0");

    // enrollment-groups.json holds the single object `create` printed.
    REQUIRE(s.groups.size() == 1);
    const EnrollmentGroup& g = s.groups[0];
    CHECK(g.id == "contoso-intermediate-group");
    check_source(g.settings.source, file_in("create-style", "enrollment-groups.json"), "");
    CHECK(g.settings.allocation_policy == AllocationPolicy::hashed);
    CHECK(g.settings.allocation_policy_raw == "Hashed");
    CHECK(g.settings.iot_hubs.empty());
    CHECK(g.settings.iot_hub_host_name.empty());
    CHECK_FALSE(g.settings.custom_allocation.has_value());
    REQUIRE(g.settings.attestation.x509.has_value());
    const X509Attestation& x509 = *g.settings.attestation.x509;
    CHECK_FALSE(x509.ca_reference_primary.has_value());
    CHECK_FALSE(x509.client_primary.has_value());
    CHECK_FALSE(x509.signing_secondary.has_value());
    REQUIRE(x509.signing_primary.has_value());
    CHECK_FALSE(x509.signing_primary->certificate_text.has_value());
    CHECK(x509.signing_primary->certificate == nullptr);
    CHECK(x509.signing_primary->info->not_before == make_time(2024, 1, 1));
    CHECK(x509.signing_primary->info->not_after == make_time(2034, 1, 1));
    CHECK(x509.signing_primary->sha1() == intermediate_sha1);
    REQUIRE(g.settings.initial_twin.has_value());
    CHECK(*g.settings.initial_twin == json::parse(R"({
        "tags": {"env": "staging"},
        "properties": {"desired": {"firmware": {"channel": "stable"}, "telemetryInterval": 60}}})"));
    CHECK(g.settings.created == make_time(2024, 7, 5, 21, 27, 16));
    CHECK(g.settings.etag == "\"13003fea-0000-0300-0000-62d1d5e50000\"");

    REQUIRE(s.individuals.has_value());
    REQUIRE(s.individuals->size() == 1);
    const IndividualEnrollment& e = (*s.individuals)[0];
    CHECK(e.registration_id == "sensor-042");
    CHECK_FALSE(e.device_id.has_value());
    CHECK(e.settings.enabled);
    CHECK(e.settings.provisioning_status_raw == "enabled");
    CHECK(e.settings.allocation_policy == AllocationPolicy::geo_latency);
    CHECK(e.settings.allocation_policy_raw == "geolatency");
    CHECK(e.settings.iot_edge == true);
    CHECK(e.settings.iot_hubs == std::vector<std::string>{"hub-a.azure-devices.net"});
    REQUIRE(e.settings.initial_twin.has_value());
    // A desired property really named "version" survives: only null ones are CLI artefacts.
    CHECK(*e.settings.initial_twin
          == json::parse(R"({"tags": {}, "properties": {"desired": {"version": "1.2"}}})"));
    const auto& client = e.settings.attestation.x509->client_primary;
    REQUIRE(client.has_value());
    CHECK(client->sha1() == sensor042_sha1);
    CHECK_FALSE(e.settings.attestation.x509->client_secondary.has_value());
    CHECK_FALSE(e.settings.attestation.x509->signing_primary.has_value());
}

TEST_CASE("single-file snapshot: the same parts under camelCase keys", "[snapshot]") {
    const auto path = testdata("snapshots/single-file.json");
    const std::string file = path.string();
    const Snapshot s = load_snapshot(path, backend());
    CHECK(s.origin == file);
    CHECK(s.missing_parts.empty());

    REQUIRE(s.service.has_value());
    CHECK(s.service->name == "contoso-dps");
    CHECK(s.service->allocation_policy == AllocationPolicy::static_hub);
    check_source(s.service->source, file, "/dps");
    CHECK(s.default_allocation_policy() == AllocationPolicy::static_hub);

    REQUIRE(s.linked_hubs.has_value());
    REQUIRE(s.linked_hubs->size() == 2);  // linkedHubs wins over dps.properties.iotHubs (1 hub)
    check_source((*s.linked_hubs)[1].source, file, "/linkedHubs/1");

    REQUIRE(s.certificates.has_value());
    REQUIRE(s.certificates->size() == 2);
    check_source((*s.certificates)[0].source, file, "/certificates/value/0");
    CHECK((*s.certificates)[0].expiry == make_time(2044, 1, 1));
    CHECK((*s.certificates)[1].created == make_time(1, 1, 1));

    // "ca": a PEM string and a base64 DER string, paired with records whose thumbprints differ
    // in case.
    REQUIRE(s.ca_files.size() == 2);
    CHECK(s.ca_files[0].path == file + ":/ca/0");
    CHECK(s.ca_files[0].certificate->sha1() == root_sha1);
    CHECK(s.ca_files[0].paired);
    CHECK(s.ca_files[1].path == file + ":/ca/1");
    CHECK(s.ca_files[1].certificate->sha1() == intermediate_sha1);
    CHECK(s.ca_files[1].paired);
    CHECK((*s.certificates)[0].certificate_file == file + ":/ca/0");
    CHECK((*s.certificates)[1].certificate_file == file + ":/ca/1");
    REQUIRE((*s.certificates)[1].certificate != nullptr);
    CHECK((*s.certificates)[1].certificate->sha1() == intermediate_sha1);

    REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].id == "contoso-devices");
    check_source(s.groups[0].settings.source, file, "/enrollmentGroups/0");
    REQUIRE(s.individuals.has_value());
    REQUIRE(s.individuals->size() == 1);
    CHECK((*s.individuals)[0].registration_id == "rogue-device");
    check_source((*s.individuals)[0].settings.source, file, "/enrollments/0");

    REQUIRE(s.registrations.size() == 1);
    const auto& records = s.registrations.at("contoso-devices");
    REQUIRE(records.size() == 1);
    CHECK(records[0].substatus == "reprovisionedToInitialAssignment");
    check_source(records[0].source, file, "/registrations/contoso-devices/0");
}

TEST_CASE("tolerated variations: casing, separators, CRLF PEM, single objects", "[snapshot]") {
    const auto path = testdata("snapshots/tolerated.json");
    const std::string file = path.string();
    const Snapshot s = load_snapshot(path, backend());
    CHECK(s.missing_parts
          == std::vector<std::string>{
              "'dps' absent: service default allocation policy unknown (Hashed assumed); ID scope "
              "and service state unknown",
              "'registrations' absent: registration records unknown; registration-state checks "
              "skipped"});

    // A thumbprint in lower case with ':' separators still pairs with the CA body (CRLF PEM).
    REQUIRE(s.certificates.has_value());
    REQUIRE(s.certificates->size() == 1);
    check_source((*s.certificates)[0].source, file, "/certificates/0");
    REQUIRE((*s.certificates)[0].certificate != nullptr);
    CHECK((*s.certificates)[0].certificate->sha1() == root_sha1);
    CHECK((*s.certificates)[0].certificate_file == file + ":/ca/0");
    CHECK(s.find_certificate_by_sha1(root_sha1) == &(*s.certificates)[0]);
    REQUIRE(s.ca_files.size() == 1);
    CHECK(s.ca_files[0].paired);

    // "enrollmentGroups" may be one object, as `enrollment-group show` prints it.
    REQUIRE(s.groups.size() == 1);
    const EnrollmentSettings& g = s.groups[0].settings;
    check_source(g.source, file, "/enrollmentGroups");
    CHECK(g.attestation.type == AttestationType::x509);
    CHECK(g.attestation.type_raw == "X509");
    CHECK(g.allocation_policy == AllocationPolicy::geo_latency);
    CHECK(g.allocation_policy_raw == "GEOLATENCY");
    CHECK_FALSE(g.enabled);
    CHECK(g.provisioning_status_raw == "Disabled");
    REQUIRE(g.reprovision_policy.has_value());
    CHECK(g.reprovision_policy->update_hub_assignment);  // absent key defaults to true
    CHECK_FALSE(g.reprovision_policy->migrate_device_data);

    REQUIRE(s.individuals.has_value());
    REQUIRE(s.individuals->size() == 1);
    const IndividualEnrollment& tpm = (*s.individuals)[0];
    CHECK(tpm.settings.attestation.type == AttestationType::unknown);
    CHECK(to_string(tpm.settings.attestation.type) == "unknown");
    CHECK(tpm.settings.attestation.type_raw == "trustedPlatformModule");
    CHECK(tpm.settings.enabled);
    CHECK(tpm.settings.provisioning_status_raw == "ENABLED");
    CHECK_FALSE(tpm.settings.allocation_policy.has_value());  // null counts as absent
    CHECK(tpm.settings.iot_hubs.empty());

    // Without name or hostName the hub is named by its connection string's HostName.
    REQUIRE(s.linked_hubs.has_value());
    REQUIRE(s.linked_hubs->size() == 1);
    CHECK((*s.linked_hubs)[0].name == "hub-z.azure-devices.net");
    CHECK((*s.linked_hubs)[0].connection_string_host == "hub-z.azure-devices.net");
}

TEST_CASE("allocation policy and attestation type names", "[snapshot]") {
    CHECK(parse_allocation_policy("Hashed") == AllocationPolicy::hashed);
    CHECK(parse_allocation_policy("hashed") == AllocationPolicy::hashed);
    CHECK(parse_allocation_policy("GeoLatency") == AllocationPolicy::geo_latency);
    CHECK(parse_allocation_policy("geoLatency") == AllocationPolicy::geo_latency);
    CHECK(parse_allocation_policy("geolatency") == AllocationPolicy::geo_latency);
    CHECK(parse_allocation_policy("Static") == AllocationPolicy::static_hub);
    CHECK(parse_allocation_policy("custom") == AllocationPolicy::custom);
    CHECK_FALSE(parse_allocation_policy("geo_latency").has_value());
    CHECK_FALSE(parse_allocation_policy("").has_value());
    CHECK(to_string(AllocationPolicy::hashed) == "hashed");
    CHECK(to_string(AllocationPolicy::geo_latency) == "geoLatency");
    CHECK(to_string(AllocationPolicy::static_hub) == "static");
    CHECK(to_string(AllocationPolicy::custom) == "custom");
    CHECK(to_string(AttestationType::x509) == "x509");
    CHECK(to_string(AttestationType::symmetric_key) == "symmetricKey");
    CHECK(to_string(AttestationType::tpm) == "tpm");
    CHECK(to_string(AttestationType::none) == "none");
    X509CertificateWithInfo nothing;
    CHECK(nothing.sha1().empty());
    CHECK(nothing.sha256().empty());
    X509CertificateWithInfo lower;
    lower.info = X509CertificateInfo{};
    lower.info->sha1_thumbprint = "ab12";
    CHECK(lower.sha1() == "AB12");
}

TEST_CASE("a snapshot of only enrollment-groups.json says what cannot be checked", "[snapshot]") {
    const Snapshot s = load_snapshot(testdata("snapshots/minimal"), backend());
    CHECK(s.missing_parts
          == std::vector<std::string>{
              "dps.json absent: service default allocation policy unknown (Hashed assumed); ID "
              "scope and service state unknown",
              "linked-hubs.json and dps.json absent: linked IoT hubs unknown; hub-assignment "
              "checks (iotHubs subset, static hub, allocation weights) skipped",
              "certificates.json absent: verified status of CA certificates unknown; ca.* rules "
              "and verification checks skipped",
              "enrollments.json absent: individual enrollments unknown; their precedence over "
              "enrollment groups cannot be checked",
              "registrations/ absent: registration records unknown; registration-state checks "
              "skipped",
              "ca/ absent: CA certificate bodies unknown; chains can only be completed from what "
              "devices present"});
    CHECK_FALSE(s.service.has_value());
    CHECK_FALSE(s.linked_hubs.has_value());
    CHECK(s.hubs().empty());
    CHECK_FALSE(s.certificates.has_value());
    CHECK_FALSE(s.individuals.has_value());
    CHECK(s.default_allocation_policy() == AllocationPolicy::hashed);
    CHECK(s.find_certificate("contoso-root") == nullptr);
    CHECK(s.find_certificate_by_sha1(root_sha1) == nullptr);
    REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].id == "only-group");
    CHECK(s.groups[0].settings.enabled);
    CHECK(s.groups[0].settings.provisioning_status_raw == "enabled");
    CHECK_FALSE(s.groups[0].settings.reprovision_policy.has_value());
}

TEST_CASE("every broken export fails with one line naming file, place and problem", "[snapshot]") {
    const auto broken = [](const char* name) {
        return testdata("snapshots/broken") / name;
    };
    const auto in = [&](const char* name, const char* part) {
        return (broken(name) / part).string();
    };

    CHECK(load_error(broken("malformed-json"))
          == in("malformed-json", "enrollment-groups.json")
                 + ":line 5 column 3: malformed JSON: syntax error while parsing object key - "
                   "unexpected '}'; expected string literal");
    CHECK(load_error(broken("wrong-type"))
          == in("wrong-type", "enrollment-groups.json")
                 + ":/3/attestation/x509/caReferences/primary: expected string, got number");
    CHECK(load_error(broken("missing-group-id"))
          == in("missing-group-id", "enrollment-groups.json")
                 + ":/1: missing required key 'enrollmentGroupId'");
    CHECK(load_error(broken("missing-registration-id"))
          == in("missing-registration-id", "enrollments.json")
                 + ":/0: missing required key 'registrationId'");
    CHECK(load_error(broken("missing-attestation"))
          == in("missing-attestation", "enrollment-groups.json")
                 + ":/0: missing required key 'attestation'");
    CHECK(load_error(broken("duplicate-key"))
          == in("duplicate-key", "enrollment-groups.json")
                 + ":/0/attestation/x509/caReferences/primary: duplicate key 'primary' (the later "
                   "value would silently override the earlier)");
    CHECK(load_error(broken("bad-provisioning-status"))
          == in("bad-provisioning-status", "enrollment-groups.json")
                 + ":/0/provisioningStatus: expected 'enabled' or 'disabled', got 'paused'");
    CHECK(load_error(broken("bad-date"))
          == in("bad-date", "enrollment-groups.json")
                 + ":/1/createdDateTimeUtc: expected an ISO 8601 or RFC 1123 date, got "
                   "'05/07/2022 21:27:16'");
    CHECK(load_error(broken("bad-certificate-date"))
          == in("bad-certificate-date", "certificates.json")
                 + ":/value/0/properties/expiry: expected an ISO 8601 or RFC 1123 date, got "
                   "'Fri, 01 Jan 2044 00:00:00 CET'");
    CHECK(load_error(broken("bad-allocation-policy"))
          == in("bad-allocation-policy", "enrollment-groups.json")
                 + ":/0/allocationPolicy: unknown allocation policy 'roundRobin' (expected hashed, "
                   "geoLatency, static or custom, in any casing)");
    CHECK(load_error(broken("bad-inline-certificate"))
          == in("bad-inline-certificate", "enrollment-groups.json")
                 + ":/0/attestation/x509/signingCertificates/primary/certificate: in the PEM "
                   "text, block 1 (line 1): not a certificate: truncated DER: the outer SEQUENCE "
                   "declares 493 bytes, the data has 30");
    CHECK(load_error(broken("missing-enrollment-groups"))
          == in("missing-enrollment-groups", "enrollment-groups.json")
                 + ": required snapshot part is missing (export it with `az iot dps "
                   "enrollment-group list -o json`)");
    CHECK(load_error(broken("ca-not-a-certificate"))
          == in("ca-not-a-certificate", "ca/README.txt")
                 + ":line 1: not a certificate: no PEM BEGIN line and the file is text, not DER");
    CHECK(load_error(broken("certificate-show-object"))
          == in("certificate-show-object", "certificates.json")
                 + ": expected the output of `az iot dps certificate list` ({\"value\": [...]}), "
                   "got a single certificate");
    CHECK(load_error(broken("single-file-wrong-type.json"))
          == broken("single-file-wrong-type.json").string()
                 + ":/enrollmentGroups/1/iotHubs/1: expected string, got number");
    CHECK(load_error(broken("single-file-no-groups.json"))
          == broken("single-file-no-groups.json").string()
                 + ": missing required key 'enrollmentGroups'");
    CHECK(load_error(broken("single-file-bad-ca.json"))
          == broken("single-file-bad-ca.json").string()
                 + ":/ca/1: not a certificate: neither PEM text nor base64-encoded DER");
    CHECK(load_error(broken("does-not-exist"))
          == broken("does-not-exist").string()
                 + ": cannot read snapshot: no such file or directory");
}

TEST_CASE("dps.json without properties.iotHubs leaves the linked hubs unknown", "[snapshot]") {
    // The published DPSGet examples have no iotHubs key: "not stated", never "no hub linked".
    const Snapshot s = load_snapshot(testdata("snapshots/service-hubs-unstated"), backend());
    REQUIRE(s.service.has_value());
    CHECK_FALSE(s.linked_hubs.has_value());
    CHECK(s.known_linked_hubs() == nullptr);
    CHECK(std::find(s.missing_parts.begin(), s.missing_parts.end(),
                    "linked-hubs.json absent and dps.json has no properties.iotHubs: linked IoT "
                    "hubs unknown; hub-assignment checks (iotHubs subset, static hub, allocation "
                    "weights) skipped")
          != s.missing_parts.end());

    const Snapshot null_hubs =
        load_snapshot(testdata("snapshots/service-hubs-null.json"), backend());
    CHECK(null_hubs.known_linked_hubs() == nullptr);
    CHECK(std::any_of(null_hubs.missing_parts.begin(), null_hubs.missing_parts.end(),
                      [](const std::string& line) {
                          return line.rfind(
                                     "'linkedHubs' absent and 'dps' has no "
                                     "properties.iotHubs: linked IoT hubs unknown",
                                     0)
                                 == 0;
                      }));

    // Only an explicit empty array says that no hub is linked.
    const Snapshot empty = load_snapshot(testdata("snapshots/service-hubs-empty.json"), backend());
    REQUIRE(empty.known_linked_hubs() != nullptr);
    CHECK(empty.known_linked_hubs()->empty());
}

TEST_CASE("informational fields of the wrong type are ignored with a notice each", "[snapshot]") {
    const auto path = testdata("snapshots/informational-types.json");
    const Snapshot s = load_snapshot(path, backend());
    std::vector<std::string> pointers;
    for (const auto& f : s.load_findings) {
        CHECK(f.id == "input.field-ignored");
        CHECK(f.severity == Severity::notice);
        CHECK(f.location.file == path.string());
        CHECK_THAT(f.citation, Catch::StartsWith("https://learn.microsoft.com/rest/api/iot-dps/"));
        pointers.push_back(f.location.json_pointer);
    }
    std::sort(pointers.begin(), pointers.end());
    const std::string info =
        "/enrollmentGroups/0/attestation/x509/signingCertificates/primary/info";
    CHECK(pointers
          == std::vector<std::string>{
              "/certificates/value/0/etag", "/certificates/value/0/properties/created",
              "/dps/properties/idScope", info + "/notBeforeUtc", info + "/serialNumber",
              info + "/version", "/enrollmentGroups/0/createdDateTimeUtc",
              "/enrollmentGroups/0/etag",
              "/enrollments/0/attestation/x509/clientCertificates/primary/info/version"});
    const auto version = std::find_if(
        s.load_findings.begin(), s.load_findings.end(),
        [&](const Finding& f) { return f.location.json_pointer == info + "/version"; });
    REQUIRE(version != s.load_findings.end());
    CHECK_THAT(version->message, Catch::StartsWith("expected integer, got string"));
    // What decides is still read: the thumbprints and the subject of the inline certificate.
    REQUIRE(s.groups.size() == 1);
    const auto& info_read = s.groups[0].settings.attestation.x509->signing_primary->info;
    REQUIRE(info_read.has_value());
    CHECK(info_read->sha1_thumbprint == intermediate_sha1);
    CHECK_FALSE(info_read->version.has_value());
    CHECK(s.service->id_scope.empty());
}

TEST_CASE("a record's own certificate body is used like a ca/ file, thumbprint-checked",
          "[snapshot]") {
    const auto dir = testdata("snapshots/certificate-show");
    const Snapshot s = load_snapshot(dir, backend());
    REQUIRE(s.certificates.has_value());
    const CaRecord* root = s.find_certificate("contoso-root");
    REQUIRE(root != nullptr);
    REQUIRE(root->certificate != nullptr);  // base64 of the uploaded PEM file
    CHECK(root->certificate->sha1() == root_sha1);
    CHECK(root->certificate_file
          == (dir / "certificates.json").string() + ":/value/0/properties/certificate");

    // A body with another thumbprint is reported and not used; the ca/ file pairs instead.
    const CaRecord* intermediate = s.find_certificate("contoso-intermediate");
    REQUIRE(intermediate != nullptr);
    REQUIRE(intermediate->certificate != nullptr);
    CHECK(intermediate->certificate->sha1() == intermediate_sha1);
    CHECK(intermediate->certificate_file == (dir / "ca" / "intermediate.pem").string());

    REQUIRE(s.load_findings.size() == 2);
    const auto& unmatched = s.load_findings[0];
    CHECK(unmatched.id == "input.ca-file-unmatched");
    CHECK(unmatched.severity == Severity::notice);
    CHECK(unmatched.location.file == (dir / "ca" / "customer-a.pem").string());
    CHECK(unmatched.location.sha1 == customer_a_sha1);
    const auto& mismatch = s.load_findings[1];
    CHECK(mismatch.id == "input.certificate-body-mismatch");
    CHECK(mismatch.severity == Severity::warning);
    CHECK(mismatch.location.json_pointer == "/value/1/properties/certificate");
    CHECK(mismatch.location.ca_name == "contoso-intermediate");

    // What DPS holds completes chains; the unmatched ca/ file does not.
    std::vector<std::string> uploaded;
    for (const auto& c : s.uploaded_ca_certificates())
        uploaded.push_back(c->sha1());
    std::sort(uploaded.begin(), uploaded.end());
    CHECK(uploaded == std::vector<std::string>{intermediate_sha1, root_sha1});
    // Every record's certificate is known: nothing about CA bodies is reported missing.
    CHECK(std::none_of(s.missing_parts.begin(), s.missing_parts.end(),
                       [](const std::string& l) { return l.rfind("ca/", 0) == 0; }));
}

}  // namespace snapshot_loader_test
