#pragma once

// The extensions of a CRL and of its entries (RFC 5280 §5.2, §5.3), decoded into CrlFields.

#include <openssl/x509.h>

#include "dpslint/crl.hpp"

namespace dpslint::openssl {

// Fills extensions, crl_number, delta_crl_base, issuing_distribution_point and
// authority_key_identifier of `fields`. Throws ParseError for a repeated extension and for a
// recognised one that does not decode.
void decode_crl_extensions(const STACK_OF(X509_EXTENSION) * list, CrlFields& fields);

// Fills extensions, reason and certificate_issuer of `entry`; throws ParseError as above.
void decode_crl_entry_extensions(const STACK_OF(X509_EXTENSION) * list, CrlEntry& entry);

}  // namespace dpslint::openssl
