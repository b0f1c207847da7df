#pragma once

// What the twin.* rules share: the initial twins of every enrollment, split into the sections
// IoT Hub limits separately (tags, desired properties), and a walk over their values with JSON
// pointers and nesting levels.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "allocation/allocation_support.hpp"

namespace dpslint::rules::twin {

using allocation::EnrollmentEntry;

struct TwinSection {
    const nlohmann::json* value = nullptr;  // an object
    std::string label;                      // "tags" | "desired properties"
    std::string pointer;                    // "/initialTwin/tags", relative to the entry
};

struct EnrollmentTwin {
    EnrollmentEntry entry;
    const nlohmann::json* twin = nullptr;  // initialTwin
    std::vector<TwinSection> sections;     // the object-valued ones of tags and desired

    Location location(std::string_view pointer) const { return entry.location(pointer); }
};

// Every enrollment (groups, then individual enrollments) with an initialTwin object.
std::vector<EnrollmentTwin> enrollment_twins(const Snapshot& snapshot);

// One value inside a section.
struct TwinNode {
    const nlohmann::json& value;
    std::string pointer;               // relative to the entry, "/initialTwin/tags/a/0"
    const std::string* key = nullptr;  // the member name; null for array elements
    // For objects and arrays: how deep the container is nested, the section's own members being
    // level 1 (IoT Hub's "depth"); for other values: their parent's level.
    int level = 0;
};

// Visits every value under `section` in document order, depth first; a visitor returning false
// stops the walk from descending into that value.
void walk(const TwinSection& section, const std::function<bool(const TwinNode&)>& visit);

// The Unicode code points of UTF-8 text (invalid bytes count as U+FFFD).
std::vector<char32_t> code_points(std::string_view text);
bool is_control(char32_t c) noexcept;  // C0 (U+0000..U+001F) or C1 (U+0080..U+009F)

// The size IoT Hub charges a twin section: over every property, key length (UTF-8
// bytes) + value length, numbers 8, booleans 4, strings by characters excluding C0/C1 controls,
// objects the sum of their contents; arrays the sum of their elements and null 0 (assumptions).
std::size_t twin_size(const nlohmann::json& object);

}  // namespace dpslint::rules::twin
