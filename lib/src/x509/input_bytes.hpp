#pragma once

// First looks at an input file's bytes, shared by the certificate and CRL file readers.

#include <string>

#include "dpslint/bytes.hpp"

namespace dpslint::detail {

// A short reason why DER bytes cannot be one element (certificate, CRL), from the outer header
// alone; empty when the header looks plausible (the backend then explains).
std::string der_header_problem(ByteView der);

// No NUL and no control characters but tab, CR and LF.
bool looks_like_text(ByteView bytes);

}  // namespace dpslint::detail
