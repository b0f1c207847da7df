#pragma once

#include <string>
#include <vector>

#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/snapshot.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// What a finding is about, by identity rather than position: "enrollment-group:g-1",
// "individual-enrollment:device-1", "ca:contoso-root", "registration:g-1/device-7",
// "linked-hub:hub-a.azure-devices.net", "service:my-dps", "device-file:device-1.pem#<SHA-256>",
// "file:enrollment-groups.json". Snapshot entries are recognised by the JSON pointer of the entry
// the finding's pointer lies in (so "/value/4/properties/expiry" of certificates.json is the CA
// record at /value/4, named by its record name); `snapshot` may be null (no snapshot in the run).
std::string finding_entity(const Finding& finding, const Snapshot* snapshot);
// finding_entity of each finding, indexing the snapshot once.
std::vector<std::string> finding_entities(const std::vector<Finding>& findings,
                                          const Snapshot* snapshot);

// One fingerprint per finding (same order), 32 lower-case hex digits: a SHA-256 of the rule id,
// the entity (finding_entity) and the JSON pointer below the entity with every array index
// replaced by '*'. Never from array positions of an export nor from messages, so it survives
// reordered arrays, added or removed unrelated entries and reworded messages. Findings that would
// still share one (the same rule twice on the same entity and path) are told apart by an
// occurrence number, counted in the order of their messages.
std::vector<std::string> finding_fingerprints(const std::vector<Finding>& findings,
                                              const Snapshot* snapshot);

}  // namespace dpslint
DPSLINT_API_END
