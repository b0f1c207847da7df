#pragma once

#include <optional>

// What the ca.* rules share: thumbprint comparison, the walk up from a CA certificate to the
// certificates above it, and locations.

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "dpslint/identifiers.hpp"
#include "dpslint/thumbprint.hpp"

#include "rule_support.hpp"
#include "text.hpp"

namespace dpslint::rules::ca {

// Every certificates.json record with this SHA-1 thumbprint, export order.
inline std::vector<const CaRecord*> records_with_sha1(const Snapshot& snapshot,
                                                      std::string_view sha1) {
    std::vector<const CaRecord*> out;
    if (!snapshot.certificates)
        return out;
    for (const auto& record : *snapshot.certificates) {
        if (same_thumbprint(record.thumbprint, sha1))
            out.push_back(&record);
    }
    return out;
}

// The first verified record with this thumbprint, or null.
inline const CaRecord* verified_record_with_sha1(const Snapshot& snapshot, std::string_view sha1) {
    for (const CaRecord* record : records_with_sha1(snapshot, sha1)) {
        if (record->is_verified)
            return record;
    }
    return nullptr;
}

// The certificates above `certificate` among the snapshot's CA certificates (ca/ files and inline
// group certificates), nearest first, found by signature through `issuer_of`. Stops at a
// self-signed root, at an unknown issuer, or when a certificate repeats (a cross-signing loop).
// The nearest verified record above `certificate`, or null (none, or the chain is unknown).
inline const CaRecord* verified_record_above(const LintContext& context,
                                             const Certificate& certificate) {
    for (const auto& above : context.issuers_above(certificate)) {
        if (const CaRecord* record = verified_record_with_sha1(*context.snapshot(), above->sha1()))
            return record;
    }
    return nullptr;
}

// The record's location narrowed to one of its properties ("expiry", "thumbprint", ...).
inline Location property_location(const lint::CaRecordView& view, const std::string& property) {
    Location location = view.location();
    location.json_pointer += "/properties/" + property;
    return location;
}

// When the record stops working: the exported expiry, else its certificate's notAfter.
inline std::optional<TimePoint> record_expiry(const CaRecord& record) {
    if (record.expiry)
        return record.expiry;
    if (record.certificate)
        return record.certificate->not_after();
    return std::nullopt;
}

// "'name' (subject)" for messages: the record name and, when known, its certificate subject.
inline std::string record_label(const CaRecord& record) {
    std::string out = "CA record '" + record.name + "'";
    if (record.certificate)
        out += " (" + record.certificate->subject().text() + ")";
    else if (!record.subject.empty())
        out += " (subject '" + record.subject + "')";
    return out;
}

}  // namespace dpslint::rules::ca
