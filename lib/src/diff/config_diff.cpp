#include "dpslint/diff/config_diff.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "dpslint/identifiers.hpp"
#include "dpslint/json_input.hpp"
#include "dpslint/thumbprint.hpp"
#include "dpslint/time.hpp"

namespace dpslint::diff {

namespace {

// An entity's fields in a fixed order; a field absent from the export is not listed.
using FieldList = std::vector<std::pair<std::string, nlohmann::json>>;

struct EntityFields {
    std::string id;
    SourceRef source;
    FieldList fields;
};

// Entities of one kind keyed by lower-cased id (DPS ids are case-insensitive); the first of
// duplicate ids wins, as find_individual takes the first in export order.
using EntityMap = std::map<std::string, EntityFields>;

void put(FieldList& out, std::string path, nlohmann::json value) {
    out.emplace_back(std::move(path), std::move(value));
}

// The twin's leaves, each its own field, so that one edited property is one change.
void put_flattened(FieldList& out, const std::string& path, const nlohmann::json& value) {
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, child] : value.items())
            put_flattened(out, path + "/" + json_pointer_escape(key), child);
        return;
    }
    put(out, path, value);
}

void put_certificate(FieldList& out, const std::string& path,
                     const std::optional<X509CertificateWithInfo>& entry) {
    if (!entry)
        return;
    const std::string sha1 = entry->sha1();
    const std::string sha256 = entry->sha256();
    if (!sha1.empty())
        put(out, path + "/sha1Thumbprint", sha1);
    if (!sha256.empty())
        put(out, path + "/sha256Thumbprint", sha256);
    if (sha1.empty() && sha256.empty())
        put(out, path, "(no thumbprint known)");
}

void put_settings(FieldList& out, const EnrollmentSettings& s) {
    put(out, "/attestation/type", std::string(to_string(s.attestation.type)));
    if (const auto& x = s.attestation.x509) {
        if (x->ca_reference_primary)
            put(out, "/attestation/x509/caReferences/primary", *x->ca_reference_primary);
        if (x->ca_reference_secondary)
            put(out, "/attestation/x509/caReferences/secondary", *x->ca_reference_secondary);
        put_certificate(out, "/attestation/x509/signingCertificates/primary", x->signing_primary);
        put_certificate(out, "/attestation/x509/signingCertificates/secondary",
                        x->signing_secondary);
        put_certificate(out, "/attestation/x509/clientCertificates/primary", x->client_primary);
        put_certificate(out, "/attestation/x509/clientCertificates/secondary", x->client_secondary);
    }
    put(out, "/provisioningStatus", s.enabled ? "enabled" : "disabled");
    if (s.allocation_policy)
        put(out, "/allocationPolicy", std::string(to_string(*s.allocation_policy)));
    if (!s.iot_hubs.empty()) {
        // A set of hubs: listing them in another order changes nothing.
        std::vector<std::string> hubs;
        for (const auto& h : s.iot_hubs)
            hubs.push_back(ascii_lower(h));
        std::sort(hubs.begin(), hubs.end());
        hubs.erase(std::unique(hubs.begin(), hubs.end()), hubs.end());
        put(out, "/iotHubs", hubs);
    }
    if (!s.iot_hub_host_name.empty())
        put(out, "/iotHubHostName", ascii_lower(s.iot_hub_host_name));
    if (const auto& c = s.custom_allocation) {
        put(out, "/customAllocationDefinition/webhookUrl", c->webhook_url);
        put(out, "/customAllocationDefinition/apiVersion", c->api_version);
    }
    if (const auto& r = s.reprovision_policy) {
        put(out, "/reprovisionPolicy/updateHubAssignment", r->update_hub_assignment);
        put(out, "/reprovisionPolicy/migrateDeviceData", r->migrate_device_data);
    }
    if (s.iot_edge)
        put(out, "/capabilities/iotEdge", *s.iot_edge);
    if (s.initial_twin)
        put_flattened(out, "/initialTwin", *s.initial_twin);
}

void add(EntityMap& map, EntityFields entity) {
    map.try_emplace(ascii_lower(entity.id), std::move(entity));
}

EntityMap service_fields(const Snapshot& s) {
    EntityMap out;
    if (!s.service)
        return out;
    EntityFields e{s.service->name, s.service->source, {}};
    put(e.fields, "/properties/allocationPolicy",
        std::string(to_string(s.default_allocation_policy())));
    if (!s.service->id_scope.empty())
        put(e.fields, "/properties/idScope", s.service->id_scope);
    if (!s.service->state.empty())
        put(e.fields, "/properties/state", s.service->state);
    if (!s.service->location.empty())
        put(e.fields, "/location", s.service->location);
    // One DPS per snapshot: a renamed instance is a changed name, not a removal and an addition.
    out.emplace("", std::move(e));
    return out;
}

EntityMap hub_fields(const Snapshot& s) {
    EntityMap out;
    if (!s.linked_hubs)
        return out;
    for (const auto& h : *s.linked_hubs) {
        EntityFields e{h.name, h.source, {}};
        put(e.fields, "/location", h.location);
        put(e.fields, "/allocationWeight", h.weight());
        put(e.fields, "/applyAllocationPolicy", h.applies_allocation_policy());
        if (!h.authentication_type.empty())
            put(e.fields, "/authenticationType", h.authentication_type);
        add(out, std::move(e));
    }
    return out;
}

EntityMap ca_fields(const Snapshot& s) {
    EntityMap out;
    if (!s.certificates)
        return out;
    for (const auto& c : *s.certificates) {
        EntityFields e{c.name, c.source, {}};
        put(e.fields, "/properties/thumbprint", normalize_thumbprint(c.thumbprint));
        put(e.fields, "/properties/isVerified", c.is_verified);
        put(e.fields, "/properties/subject", c.subject);
        if (c.expiry)
            put(e.fields, "/properties/expiry", format_rfc3339(*c.expiry));
        add(out, std::move(e));
    }
    return out;
}

EntityMap group_fields(const Snapshot& s) {
    EntityMap out;
    for (const auto& g : s.groups) {
        EntityFields e{g.id, g.settings.source, {}};
        put_settings(e.fields, g.settings);
        add(out, std::move(e));
    }
    return out;
}

EntityMap individual_fields(const Snapshot& s) {
    EntityMap out;
    if (!s.individuals)
        return out;
    for (const auto& i : *s.individuals) {
        EntityFields e{i.registration_id, i.settings.source, {}};
        if (i.device_id)
            put(e.fields, "/deviceId", *i.device_id);
        put_settings(e.fields, i.settings);
        add(out, std::move(e));
    }
    return out;
}

const nlohmann::json* lookup(const FieldList& fields, const std::string& path) {
    for (const auto& [p, value] : fields) {
        if (p == path)
            return &value;
    }
    return nullptr;
}

std::vector<FieldChange> field_changes(const FieldList* before, const FieldList* after) {
    std::vector<FieldChange> out;
    const FieldList none;
    const FieldList& b = before ? *before : none;
    const FieldList& a = after ? *after : none;
    for (const auto& [path, value] : b) {
        const nlohmann::json* other = lookup(a, path);
        if (other == nullptr) {
            out.push_back({path, value, std::nullopt});
        } else if (*other != value) {
            out.push_back({path, value, *other});
        }
    }
    for (const auto& [path, value] : a) {
        if (lookup(b, path) == nullptr)
            out.push_back({path, std::nullopt, value});
    }
    return out;
}

void compare(EntityKind kind, const EntityMap& before, const EntityMap& after,
             std::vector<EntityChange>& out) {
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        EntityChange change;
        change.kind = kind;
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            change.id = b->second.id;
            change.change = ChangeKind::removed;
            change.before = b->second.source;
            change.fields = field_changes(&b->second.fields, nullptr);
            ++b;
        } else if (b == before.end() || a->first < b->first) {
            change.id = a->second.id;
            change.change = ChangeKind::added;
            change.after = a->second.source;
            change.fields = field_changes(nullptr, &a->second.fields);
            ++a;
        } else {
            change.id = a->second.id;
            change.change = ChangeKind::changed;
            change.before = b->second.source;
            change.after = a->second.source;
            change.fields = field_changes(&b->second.fields, &a->second.fields);
            if (kind == EntityKind::dps && b->second.id != a->second.id)
                change.fields.insert(change.fields.begin(), {"/name", b->second.id, a->second.id});
            ++b;
            ++a;
            if (change.fields.empty())
                continue;
        }
        out.push_back(std::move(change));
    }
}

}  // namespace

std::string_view to_string(EntityKind kind) noexcept {
    switch (kind) {
        case EntityKind::dps:
            return "dps";
        case EntityKind::hub:
            return "hub";
        case EntityKind::ca:
            return "ca";
        case EntityKind::group:
            return "group";
        case EntityKind::individual:
            return "individual";
    }
    return "dps";
}

std::string_view to_string(ChangeKind kind) noexcept {
    switch (kind) {
        case ChangeKind::added:
            return "added";
        case ChangeKind::removed:
            return "removed";
        case ChangeKind::changed:
            return "changed";
    }
    return "changed";
}

const EntityChange* ConfigDiff::find(EntityKind kind, std::string_view id) const {
    for (const auto& c : changes) {
        if (c.kind == kind && iequals(c.id, id))
            return &c;
    }
    return nullptr;
}

ConfigDiff diff_config(const Snapshot& before, const Snapshot& after) {
    ConfigDiff out;
    compare(EntityKind::dps, service_fields(before), service_fields(after), out.changes);
    compare(EntityKind::hub, hub_fields(before), hub_fields(after), out.changes);
    compare(EntityKind::ca, ca_fields(before), ca_fields(after), out.changes);
    compare(EntityKind::group, group_fields(before), group_fields(after), out.changes);
    compare(EntityKind::individual, individual_fields(before), individual_fields(after),
            out.changes);
    return out;
}

std::string field_pointer(const SourceRef& entity, const std::string& path) {
    return entity.pointer + path;
}

}  // namespace dpslint::diff
