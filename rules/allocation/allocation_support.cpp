#include "allocation/allocation_support.hpp"

#include <algorithm>
#include <cctype>

#include "dpslint/identifiers.hpp"

namespace dpslint::rules::allocation {

Location EnrollmentEntry::location() const {
    Location l;
    l.file = settings->source.file;
    l.json_pointer = settings->source.pointer;
    l.enrollment_kind = kind;
    l.enrollment_id = id;
    return l;
}

Location EnrollmentEntry::location(std::string_view suffix) const {
    Location l = location();
    l.json_pointer += suffix;
    return l;
}

std::string EnrollmentEntry::describe() const {
    return (kind == "group" ? "enrollment group '" : "individual enrollment '") + id + "'";
}

std::vector<EnrollmentEntry> all_enrollments(const Snapshot& snapshot) {
    std::vector<EnrollmentEntry> out;
    for (const auto& group : snapshot.groups)
        out.push_back(EnrollmentEntry{&group.settings, "group", group.id});
    if (snapshot.individuals) {
        for (const auto& individual : *snapshot.individuals) {
            // A disabled individual enrollment is a blocklist entry: it blocks its device and
            // never allocates, so its allocation settings are never used.
            if (!individual.settings.enabled)
                continue;
            out.push_back(
                EnrollmentEntry{&individual.settings, "individual", individual.registration_id});
        }
    }
    return out;
}

std::string normalized_location(std::string_view location) {
    std::string out;
    for (const char c : location) {
        if (c != ' ')
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

}  // namespace dpslint::rules::allocation
