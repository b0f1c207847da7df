#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "dpslint/snapshot.hpp"

namespace dpslint::cli {

// What DPS trusts in a snapshot: its verified CA records (proof of possession done). Null when
// certificates.json is absent.
std::optional<std::size_t> verified_ca_records(const Snapshot& snapshot);

// "2 verified CA record(s) in the snapshot" or "verified CA records unknown (no
// certificates.json)", for the inputs line of simulate, lint and batch.
std::string trust_text(const Snapshot& snapshot);

// {"verifiedCaRecords": n | null, "caCertificates": n}: the trust side of an inputs summary
// (caCertificates: the uploaded CA certificates known, which complete device chains).
nlohmann::json trust_json(const Snapshot& snapshot);

}  // namespace dpslint::cli
