#pragma once

// X509_NAME and GENERAL_NAME to dpslint's value types.

#include <optional>

#include <openssl/x509v3.h>

#include "dpslint/certificate.hpp"
#include "dpslint/distinguished_name.hpp"

namespace dpslint::openssl {

// RDNs in encoding order; multi-valued RDNs grouped by their set index. String values
// (UTF8String, PrintableString, IA5String, TeletexString as Latin-1, BMPString,
// UniversalString, NumericString, VisibleString) as UTF-8; anything else, or a string whose
// text does not decode, as "#<hex DER>". (OpenSSL's decoder itself rejects names holding
// VisibleString or INTEGER values, so such certificates never get here.)
// nullopt when an RDN is an empty SET (RFC 5280: SIZE (1..MAX)), which OpenSSL silently drops.
std::optional<DistinguishedName> convert_name(const X509_NAME* name);

enum class IpForm { address, subnet };

// nullopt when the name cannot be represented (an iPAddress of the wrong length, a
// directoryName with an empty RDN).
std::optional<GeneralName> convert_general_name(const GENERAL_NAME* name, IpForm ip_form);

}  // namespace dpslint::openssl
