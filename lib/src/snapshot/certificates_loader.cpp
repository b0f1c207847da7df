// certificates.json: `az iot dps certificate list`, {"value": [...]} (or a bare array). Records
// carry no certificate body; CA files are paired with them by SHA-1 thumbprint later.

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

namespace {

CaRecord read_certificate_record(const JsonCursor& entry) {
    entry.expect_object();
    CaRecord record;
    record.source = source_of(entry);
    record.name = entry.required_string("name");
    record.etag = entry.optional_string("etag").value_or(std::string());
    if (const auto properties = entry.optional_object("properties")) {
        record.subject = properties->optional_string("subject").value_or(std::string());
        record.thumbprint = properties->optional_string("thumbprint").value_or(std::string());
        record.is_verified = properties->optional_bool("isVerified").value_or(false);
        record.expiry = optional_date(*properties, "expiry");
        record.created = optional_date(*properties, "created");
        record.updated = optional_date(*properties, "updated");
    }
    return record;
}

}  // namespace

std::vector<CaRecord> read_certificates(const JsonCursor& document) {
    JsonCursor list = document;
    if (document.is_object()) {
        if (!document.value().contains("value") && document.value().contains("name")) {
            document.fail(
                "expected the output of `az iot dps certificate list` ({\"value\": [...]}), got "
                "a single certificate");
        }
        list = document.child("value");
    } else if (!document.is_array()) {
        document.fail("expected an object with 'value' or an array, got "
                      + std::string(json_type_name(document.value())));
    }
    std::vector<CaRecord> records;
    for (const auto& entry : list.array())
        records.push_back(read_certificate_record(entry));
    return records;
}

}  // namespace dpslint::snapshot_detail
