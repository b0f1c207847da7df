#pragma once

// X509_NAME and GENERAL_NAME to dpslint's value types.

#include <cstdint>
#include <optional>
#include <vector>

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

// GENERAL_NAMES in order; nullopt when one name cannot be represented or the list is empty
// (GeneralNames is SIZE (1..MAX)).
std::optional<std::vector<GeneralName>> convert_general_names(const GENERAL_NAMES* names);

// nullopt when a name in it cannot be represented or a fullName is empty.
std::optional<DistributionPointName> convert_distribution_point_name(const DIST_POINT_NAME* name);
std::optional<DistributionPoint> convert_distribution_point(const DIST_POINT* point);

// ReasonFlag bits 0..8 of a ReasonFlags BIT STRING.
std::uint16_t reason_flags(const ASN1_BIT_STRING* bits);

}  // namespace dpslint::openssl
