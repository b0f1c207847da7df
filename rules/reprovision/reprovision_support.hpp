#pragma once

// What the reprovision.* rules share: every enrollment (groups, then individual enrollments when
// enrollments.json was exported) with its settings and location.

#include <string>
#include <vector>

#include "rule_support.hpp"

namespace dpslint::rules::reprovision {

struct Entry {
    const EnrollmentSettings* settings = nullptr;
    std::string label;  // "enrollment group 'fleet'", "individual enrollment 'device-01'"
    Location location;  // the entry itself
};

inline std::vector<Entry> enrollments(const Snapshot& snapshot) {
    std::vector<Entry> out;
    const auto add = [&](const EnrollmentSettings& settings, const char* kind,
                         const std::string& id) {
        Entry e;
        e.settings = &settings;
        e.label = std::string(kind[0] == 'g' ? "enrollment group '" : "individual enrollment '")
                  + id + "'";
        e.location.file = settings.source.file;
        e.location.json_pointer = settings.source.pointer;
        e.location.enrollment_kind = kind;
        e.location.enrollment_id = id;
        out.push_back(std::move(e));
    };
    for (const auto& group : snapshot.groups)
        add(group.settings, "group", group.id);
    if (snapshot.individuals) {
        for (const auto& individual : *snapshot.individuals)
            add(individual.settings, "individual", individual.registration_id);
    }
    return out;
}

}  // namespace dpslint::rules::reprovision
