#pragma once

// What the allocation.* rules share: every enrollment of a snapshot with its location and
// description (the allocation model itself is dpslint/allocation.hpp, shared with the simulator).

#include <string>
#include <string_view>
#include <vector>

#include "dpslint/allocation.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/snapshot.hpp"

#include "text.hpp"

namespace dpslint::rules::allocation {

// One enrollment group or individual enrollment.
struct EnrollmentEntry {
    const EnrollmentSettings* settings = nullptr;
    std::string kind;  // "group" | "individual"
    std::string id;    // enrollmentGroupId or registrationId

    Location location() const;                         // the entry: file, JSON pointer, kind, id
    Location location(std::string_view suffix) const;  // the entry pointer + suffix
    std::string describe() const;                      // "enrollment group 'fleet'"
};

// Every enrollment that can allocate a device: groups first, then the enabled individual
// enrollments (when enrollments.json was exported), export order. Disabled individual
// enrollments (blocklist entries) never allocate and are left out.
std::vector<EnrollmentEntry> all_enrollments(const Snapshot& snapshot);

// "eastus" for "East US": ARM locations compared without case and spaces.
std::string normalized_location(std::string_view location);

}  // namespace dpslint::rules::allocation
