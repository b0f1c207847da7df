// Allocation policy names: ARM writes PascalCase ("Hashed", "GeoLatency"), the data plane
// lowerCamel ("geoLatency"), the docs lower case ("geolatency"). All mean the same.

#include "dpslint/snapshot.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint {

std::optional<AllocationPolicy> parse_allocation_policy(std::string_view text) noexcept {
    using snapshot_detail::iequals;
    if (iequals(text, "hashed"))
        return AllocationPolicy::hashed;
    if (iequals(text, "geoLatency"))
        return AllocationPolicy::geo_latency;
    if (iequals(text, "static"))
        return AllocationPolicy::static_hub;
    if (iequals(text, "custom"))
        return AllocationPolicy::custom;
    return std::nullopt;
}

std::string_view to_string(AllocationPolicy policy) noexcept {
    switch (policy) {
        case AllocationPolicy::hashed:
            return "hashed";
        case AllocationPolicy::geo_latency:
            return "geoLatency";
        case AllocationPolicy::static_hub:
            return "static";
        case AllocationPolicy::custom:
            return "custom";
    }
    return "hashed";
}

}  // namespace dpslint
