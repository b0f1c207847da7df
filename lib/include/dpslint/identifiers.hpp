#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dpslint {

// What is wrong with a DPS registration ID (and so with an X.509 device's CN), one message per
// problem; empty when valid. Rules: at most 128 characters, 64 for X.509 (the CN
// bound); alphanumerics and - . _ : only; case-insensitive. The docs allow a trailing '-', the
// 2021-10-01 API spec forbids any special character at the start or end: dpslint follows the
// stricter reading and says so.
std::vector<std::string> registration_id_problems(std::string_view id, std::size_t max_length);

// The same alphabet rules for an enrollmentGroupId .
std::vector<std::string> enrollment_group_id_problems(std::string_view id);

// IoT Hub device ID rules: at most 128 ASCII characters, alphanumerics plus
// - . % _ * ? ! ( ) , : = @ $ '  ('+' and '#' are not supported).
std::vector<std::string> device_id_problems(std::string_view id);

// ASCII lower-casing used for case-insensitive registration-ID comparison.
std::string ascii_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace dpslint
