#pragma once

#include <string>
#include <string_view>

namespace dpslint::botan {

// A library message as one line without a trailing period, for ParseError and check details.
std::string one_line(std::string_view message);

}  // namespace dpslint::botan
