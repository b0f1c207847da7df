#pragma once

#include <string>

#include "dpslint/certificate.hpp"

namespace dpslint::test {

// Names the first field in which two decodings of one certificate differ ("" when they agree),
// for a readable failure: the backend parity test and the differential fuzz target use it.
std::string first_difference(const CertificateFields& a, const CertificateFields& b);

}  // namespace dpslint::test
