// registrations/<enrollmentGroupId>.json: `az iot dps enrollment-group registration list`.

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

std::vector<RegistrationRecord> read_registrations(const JsonCursor& list) {
    std::vector<RegistrationRecord> records;
    for (const auto& entry : list.array()) {
        entry.expect_object();
        RegistrationRecord record;
        record.source = source_of(entry);
        record.registration_id = entry.required_string("registrationId");
        record.device_id = entry.optional_string("deviceId").value_or(std::string());
        record.assigned_hub = entry.optional_string("assignedHub").value_or(std::string());
        record.status = entry.optional_string("status").value_or(std::string());
        record.substatus = entry.optional_string("substatus").value_or(std::string());
        record.error_code = entry.optional_int("errorCode");
        record.error_message = entry.optional_string("errorMessage").value_or(std::string());
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace dpslint::snapshot_detail
