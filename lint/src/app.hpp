#pragma once

#include <iosfwd>

namespace dpslint::cli {

// Parses the command line and runs one dpslint command. Returns the process exit status; never
// throws.
int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace dpslint::cli
