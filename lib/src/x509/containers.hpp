#pragma once

// Certificate containers dpslint does not read, PKCS#12 (.pfx/.p12, which Azure's certGen.sh
// writes next to every device certificate) and PKCS#7 (.p7b), recognised from their first bytes
// so that the error says what to run instead of "not a valid certificate".

#include <string>
#include <string_view>

#include "dpslint/bytes.hpp"

namespace dpslint::detail {

// For DER `content` that is a PKCS#12 PFX or a PKCS#7 ContentInfo, the one-line advice with the
// openssl command that extracts its certificates as PEM; empty for anything else.
std::string container_advice(ByteView content, std::string_view path);

// The same for a PEM block label ("PKCS7", "CMS", "PKCS12"); empty for other labels.
std::string pem_container_advice(std::string_view label, std::string_view path);

// For a file named like a container (.pfx, .p12, .p7b, .p7c) that did not parse: a hint to
// append to the error; empty for other names.
std::string container_name_hint(std::string_view path);

}  // namespace dpslint::detail
