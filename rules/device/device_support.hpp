#pragma once

// Small helpers shared by the device.* rules (stateless, so thread-safe).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rule_support.hpp"
#include "text.hpp"

namespace dpslint::rules::device {

// The leaf's one subject CN (the registration ID DPS derives), or nothing when it has none or
// several (device.cn-missing reports those).
inline std::optional<std::string> single_cn(const DeviceContext& device) {
    auto cns = device.leaf().subject().common_names();
    if (cns.size() != 1)
        return std::nullopt;
    return std::move(cns.front());
}

// "device certificate 'CN=device-1'" for messages.
inline std::string describe(const Certificate& leaf) {
    return "device certificate '" + leaf.label() + "'";
}

// The first attestation finding with one of `ids`, when the device was decided against a
// snapshot.
inline const Finding* attestation_finding(const DeviceContext& device,
                                          std::initializer_list<std::string_view> ids) {
    if (!device.attestation)
        return nullptr;
    for (const auto& f : device.attestation->findings) {
        for (const auto id : ids) {
            if (f.id == id)
                return &f;
        }
    }
    return nullptr;
}

// The device's location plus the enrollment that decided it, when known.
inline Location location_with_enrollment(const DeviceContext& device) {
    Location location = device.location();
    if (device.attestation && device.attestation->enrollment) {
        location.enrollment_kind = device.attestation->enrollment->kind;
        location.enrollment_id = device.attestation->enrollment->id;
    }
    return location;
}

}  // namespace dpslint::rules::device
