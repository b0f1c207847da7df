#pragma once

// What changed between two exported DPS configurations, entity by entity and field by field.
// Compares what DPS acts on, as loaded: etags, created/updated timestamps and the order of
// entries (or of an enrollment's hubs) are not changes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/export.hpp"
#include "dpslint/snapshot.hpp"

DPSLINT_API_BEGIN
namespace dpslint::diff {

enum class EntityKind { dps, hub, ca, group, individual };
std::string_view to_string(EntityKind kind) noexcept;  // "dps" | "hub" | "ca" | "group" | ...

enum class ChangeKind { added, removed, changed };
std::string_view to_string(ChangeKind kind) noexcept;

// One field of an entity: `path` is relative to the entity ("/provisioningStatus",
// "/initialTwin/properties/desired/firmware"); a side where the field is absent is nullopt.
struct FieldChange {
    std::string path;
    std::optional<nlohmann::json> before;
    std::optional<nlohmann::json> after;
};

struct EntityChange {
    EntityKind kind = EntityKind::group;
    std::string id;  // enrollmentGroupId, registrationId, CA record name, hub host name, DPS name
    ChangeKind change = ChangeKind::changed;
    std::optional<SourceRef> before;  // the entity in each snapshot (file + JSON pointer)
    std::optional<SourceRef> after;
    std::vector<FieldChange> fields;  // every field of an added or removed entity
};

struct ConfigDiff {
    std::vector<EntityChange> changes;  // by kind (dps, hub, ca, group, individual), then id

    const EntityChange* find(EntityKind kind, std::string_view id) const;  // id ignoring case
};

// The fields of each entity as DPS reads them, normalised (thumbprints upper-case, the hub set
// sorted, enabled state and policies in their data-plane spelling, the initial twin flattened to
// its leaves). Entities are matched by id ignoring case, as DPS compares them.
ConfigDiff diff_config(const Snapshot& before, const Snapshot& after);

// "/2/provisioningStatus": the entity's pointer followed by the field's path.
std::string field_pointer(const SourceRef& entity, const std::string& path);

}  // namespace dpslint::diff
DPSLINT_API_END
