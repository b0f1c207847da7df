// dps.json (`az iot dps show`) and the linked IoT hubs, from linked-hubs.json
// (`az iot dps linked-hub list`) or dps.json's properties.iotHubs.

#include <limits>

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

namespace {

// The HostName= value of "HostName=h;SharedAccessKeyName=n;SharedAccessKey=k". Nothing else of
// the connection string is kept: it carries a shared access key.
std::string connection_string_host(std::string_view connection_string) {
    while (!connection_string.empty()) {
        const auto semicolon = connection_string.find(';');
        const std::string_view part = connection_string.substr(0, semicolon);
        connection_string = semicolon == std::string_view::npos
                                ? std::string_view()
                                : connection_string.substr(semicolon + 1);
        const auto equals = part.find('=');
        if (equals != std::string_view::npos && iequals(part.substr(0, equals), "HostName")) {
            return std::string(part.substr(equals + 1));
        }
    }
    return {};
}

std::string optional_string_or_empty(const JsonCursor& object, std::string_view key) {
    return object.optional_string(key).value_or(std::string());
}

LinkedHub read_linked_hub(const JsonCursor& entry) {
    entry.expect_object();
    LinkedHub hub;
    hub.source = source_of(entry);
    hub.location = optional_string_or_empty(entry, "location");
    if (const auto weight = entry.optional_int("allocationWeight")) {
        // 1..1000 is a lint matter; only what cannot be held is an input error.
        if (*weight < std::numeric_limits<int>::min()
            || *weight > std::numeric_limits<int>::max()) {
            entry.fail_at("allocationWeight", "integer out of range");
        }
        hub.allocation_weight = static_cast<int>(*weight);
    }
    hub.apply_allocation_policy = entry.optional_bool("applyAllocationPolicy");
    if (const auto connection = entry.optional_string("connectionString"))
        hub.connection_string_host = connection_string_host(*connection);
    hub.authentication_type = optional_string_or_empty(entry, "authenticationType");
    hub.name = optional_string_or_empty(entry, "name");
    if (hub.name.empty())
        hub.name = optional_string_or_empty(entry, "hostName");
    if (hub.name.empty())
        hub.name = hub.connection_string_host;
    if (hub.name.empty()) {
        entry.fail(
            "missing required key 'name' (and no 'hostName' or connection string HostName to "
            "name the hub by)");
    }
    return hub;
}

}  // namespace

ServiceSettings read_service(const JsonCursor& document) {
    document.expect_object();
    ServiceSettings service;
    service.source = source_of(document);
    service.name = document.required_string("name");
    service.location = optional_string_or_empty(document, "location");
    service.resource_group = optional_string_or_empty(document, "resourceGroup");
    if (service.resource_group.empty())
        service.resource_group = optional_string_or_empty(document, "resourcegroup");
    if (const auto properties = document.optional_object("properties")) {
        service.id_scope = optional_string_or_empty(*properties, "idScope");
        service.state = optional_string_or_empty(*properties, "state");
        service.allocation_policy = optional_allocation_policy(*properties, "allocationPolicy",
                                                               service.allocation_policy_raw);
    }
    return service;
}

std::vector<LinkedHub> read_linked_hubs(const JsonCursor& list) {
    std::vector<LinkedHub> hubs;
    for (const auto& entry : list.array())
        hubs.push_back(read_linked_hub(entry));
    return hubs;
}

std::optional<std::vector<LinkedHub>> read_service_hubs(const JsonCursor& document) {
    const auto properties = document.optional_object("properties");
    const auto list = properties ? properties->optional_array("iotHubs") : std::nullopt;
    if (!list)
        return std::nullopt;
    return read_linked_hubs(*list);
}

}  // namespace dpslint::snapshot_detail
