// Fields of the az exports that decide nothing dpslint checks. A value of the wrong type there
// (the CLI extension's own payloads carry info.version as the string "3") is dropped with an
// input.field-ignored notice instead of rejecting the whole snapshot. Every field that decides
// something stays strict: the part readers reject a wrong type there (exit 2).

#include "dpslint/finding_catalogue.hpp"
#include "dpslint/json_input.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

namespace {

enum class Kind { string, integer, date };

struct Field {
    std::vector<std::string_view> path;  // keys from the entry
    Kind kind;
};

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::string:
            return "string";
        case Kind::integer:
            return "integer";
        case Kind::date:
            break;
    }
    return "a date string";
}

bool fits(const nlohmann::json& value, Kind kind) {
    switch (kind) {
        case Kind::string:
            return value.is_string();
        case Kind::integer:
            return value.is_number_integer();
        case Kind::date:
            break;
    }
    // Only the type is tolerated: a string that is no date is still reported by the reader.
    return value.is_string();
}

// What the service computes into X509CertificateInfo and nothing reads to decide: the
// certificate's version, serial number and start of validity.
void add_info_fields(std::vector<Field>& fields) {
    for (const std::string_view list : {"signingCertificates", "clientCertificates"}) {
        for (const std::string_view slot : {"primary", "secondary"}) {
            fields.push_back(
                {{"attestation", "x509", list, slot, "info", "version"}, Kind::integer});
            fields.push_back(
                {{"attestation", "x509", list, slot, "info", "serialNumber"}, Kind::string});
            fields.push_back(
                {{"attestation", "x509", list, slot, "info", "notBeforeUtc"}, Kind::date});
        }
    }
}

std::vector<Field> fields_of(InformationalPart part) {
    std::vector<Field> fields{{{"etag"}, Kind::string}};
    switch (part) {
        case InformationalPart::enrollment_groups:
        case InformationalPart::individual_enrollments:
            fields.push_back({{"createdDateTimeUtc"}, Kind::date});
            fields.push_back({{"lastUpdatedDateTimeUtc"}, Kind::date});
            add_info_fields(fields);
            break;
        case InformationalPart::certificates:
            fields.push_back({{"properties", "created"}, Kind::date});
            fields.push_back({{"properties", "updated"}, Kind::date});
            break;
        case InformationalPart::service:
            fields.push_back({{"properties", "idScope"}, Kind::string});
            fields.push_back({{"properties", "state"}, Kind::string});
            break;
    }
    return fields;
}

std::string_view citation_of(InformationalPart part) {
    switch (part) {
        case InformationalPart::enrollment_groups:
            return citation::dps_service_api;
        case InformationalPart::individual_enrollments:
            return citation::dps_service_api_individual;
        case InformationalPart::certificates:
        case InformationalPart::service:
            break;
    }
    return citation::dps_resource_api;
}

void check_entry(nlohmann::json& entry, const std::string& file, const std::string& pointer,
                 InformationalPart part, std::vector<Finding>& notices) {
    if (!entry.is_object())
        return;  // the part reader reports that
    for (const auto& field : fields_of(part)) {
        nlohmann::json* parent = &entry;
        std::string at = pointer;
        for (std::size_t i = 0; i + 1 < field.path.size() && parent != nullptr; ++i) {
            const auto it = parent->find(std::string(field.path[i]));
            parent = (it != parent->end() && it->is_object()) ? &*it : nullptr;
            at += "/" + json_pointer_escape(field.path[i]);
        }
        if (parent == nullptr)
            continue;
        const std::string key(field.path.back());
        const auto it = parent->find(key);
        if (it == parent->end() || it->is_null() || fits(*it, field.kind))
            continue;
        Location location;
        location.file = file;
        location.json_pointer = at + "/" + json_pointer_escape(key);
        Finding f = make_finding(input_finding::field_ignored,
                                 "expected " + std::string(kind_name(field.kind)) + ", got "
                                     + std::string(json_type_name(*it))
                                     + "; this informational field decides nothing dpslint "
                                       "checks, so it is ignored",
                                 std::move(location));
        f.citation = std::string(citation_of(part));  // the reference of the part it is in
        notices.push_back(std::move(f));
        parent->erase(it);
    }
}

}  // namespace

void drop_ill_typed_informational_fields(nlohmann::json& part_value, InformationalPart kind,
                                         const std::string& file, const std::string& pointer,
                                         std::vector<Finding>& notices) {
    nlohmann::json* list = &part_value;
    std::string list_pointer = pointer;
    if (kind == InformationalPart::certificates && part_value.is_object()
        && part_value.contains("value")) {
        list = &part_value["value"];
        list_pointer += "/value";
    }
    if (list->is_array()) {
        for (std::size_t i = 0; i < list->size(); ++i)
            check_entry((*list)[i], file, list_pointer + "/" + std::to_string(i), kind, notices);
    } else {
        check_entry(*list, file, list_pointer, kind, notices);
    }
}

}  // namespace dpslint::snapshot_detail
