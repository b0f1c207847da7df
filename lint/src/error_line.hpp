#pragma once

#include <iosfwd>
#include <string_view>

namespace dpslint::cli {

// An error as dpslint reports it: one line "dpslint: <message>" on `err`, the message shown with
// one_line (dpslint/output_text.hpp), so input bytes echoed in it cannot split or hide it.
void print_error(std::ostream& err, std::string_view message);

}  // namespace dpslint::cli
