#include "error_line.hpp"

#include <ostream>

#include "dpslint/output_text.hpp"

namespace dpslint::cli {

void print_error(std::ostream& err, std::string_view message) {
    err << "dpslint: " << one_line(message) << '\n';
}

}  // namespace dpslint::cli
