// enrollment-groups.json and enrollments.json: the list output of `az iot dps enrollment-group
// list` / `az iot dps enrollment list`, or one entry as show/create/update print it.

#include "dpslint/output_text.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

namespace {

std::string string_or_empty(const JsonCursor& object, std::string_view key) {
    return object.optional_string(key).value_or(std::string());
}

// create/update output re-serializes twin collections with "version", "count" and "metadata"
// set to null; they are not part of the twin the enrollment applies.
void drop_null_twin_metadata(nlohmann::json& collection) {
    if (!collection.is_object())
        return;
    for (const char* key : {"version", "count", "metadata"}) {
        const auto it = collection.find(key);
        if (it != collection.end() && it->is_null())
            collection.erase(it);
    }
}

nlohmann::json clean_initial_twin(nlohmann::json twin) {
    if (const auto tags = twin.find("tags"); tags != twin.end())
        drop_null_twin_metadata(*tags);
    if (const auto properties = twin.find("properties");
        properties != twin.end() && properties->is_object()) {
        for (const char* section : {"desired", "reported"}) {
            if (const auto it = properties->find(section); it != properties->end())
                drop_null_twin_metadata(*it);
        }
    }
    return twin;
}

bool read_provisioning_status(const JsonCursor& entry, std::string& raw) {
    const auto status = entry.optional_child("provisioningStatus");
    if (!status) {
        raw = "enabled";
        return true;
    }
    raw = status->as_string();
    if (iequals(raw, "enabled"))
        return true;
    if (iequals(raw, "disabled"))
        return false;
    status->fail("expected 'enabled' or 'disabled', got " + quote_input(raw));
}

// A list, or a single entry (show/create/update output) treated as a one-element list.
std::vector<JsonCursor> entries_of(const JsonCursor& document) {
    if (document.is_object())
        return {document};
    if (!document.is_array()) {
        document.fail("expected an array of enrollments or a single enrollment object, got "
                      + std::string(json_type_name(document.value())));
    }
    auto entries = document.array();
    for (const auto& entry : entries)
        entry.expect_object();
    return entries;
}

}  // namespace

EnrollmentSettings read_enrollment_settings(const JsonCursor& entry, const CryptoBackend& backend) {
    EnrollmentSettings settings;
    settings.source = source_of(entry);
    settings.attestation = read_attestation(entry.required_object("attestation"), backend);
    settings.enabled = read_provisioning_status(entry, settings.provisioning_status_raw);
    settings.allocation_policy =
        optional_allocation_policy(entry, "allocationPolicy", settings.allocation_policy_raw);
    if (const auto hubs = entry.optional_array("iotHubs")) {
        for (const auto& hub : hubs->array())
            settings.iot_hubs.push_back(hub.as_string());
    }
    settings.iot_hub_host_name = string_or_empty(entry, "iotHubHostName");
    if (const auto custom = entry.optional_object("customAllocationDefinition")) {
        settings.custom_allocation =
            CustomAllocationDefinition{string_or_empty(*custom, "webhookUrl"),
                                       string_or_empty(*custom, "apiVersion"), source_of(*custom)};
    }
    if (const auto reprovision = entry.optional_object("reprovisionPolicy")) {
        settings.reprovision_policy =
            ReprovisionPolicy{reprovision->optional_bool("updateHubAssignment").value_or(true),
                              reprovision->optional_bool("migrateDeviceData").value_or(true)};
    }
    if (const auto capabilities = entry.optional_object("capabilities"))
        settings.iot_edge = capabilities->optional_bool("iotEdge");
    if (const auto twin = entry.optional_object("initialTwin"))
        settings.initial_twin = clean_initial_twin(twin->value());
    settings.etag = string_or_empty(entry, "etag");
    settings.created = optional_date(entry, "createdDateTimeUtc");
    settings.last_updated = optional_date(entry, "lastUpdatedDateTimeUtc");
    return settings;
}

std::vector<EnrollmentGroup> read_enrollment_groups(const JsonCursor& document,
                                                    const CryptoBackend& backend) {
    std::vector<EnrollmentGroup> groups;
    for (const auto& entry : entries_of(document)) {
        EnrollmentGroup group;
        group.id = entry.required_string("enrollmentGroupId");
        group.settings = read_enrollment_settings(entry, backend);
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<IndividualEnrollment> read_individual_enrollments(const JsonCursor& document,
                                                              const CryptoBackend& backend) {
    std::vector<IndividualEnrollment> enrollments;
    for (const auto& entry : entries_of(document)) {
        IndividualEnrollment enrollment;
        enrollment.registration_id = entry.required_string("registrationId");
        enrollment.device_id = entry.optional_string("deviceId");
        enrollment.settings = read_enrollment_settings(entry, backend);
        enrollments.push_back(std::move(enrollment));
    }
    return enrollments;
}

}  // namespace dpslint::snapshot_detail
