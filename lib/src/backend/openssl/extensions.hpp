#pragma once

#include <openssl/x509.h>

#include "dpslint/certificate.hpp"

namespace dpslint::openssl {

// Every extension of the certificate's list (null: none) in certificate order, with the ones
// dpslint understands decoded. Throws ParseError("malformed <name> extension") when a recognised
// extension does not decode (trailing bytes included) and ParseError("duplicate extension <oid>")
// when an extension appears twice (RFC 5280 §4.2).
Extensions decode_extensions(const STACK_OF(X509_EXTENSION) * list);

// One authorityKeyIdentifier extension (CRLs carry it too). Throws ParseError.
AuthorityKeyIdentifier decode_authority_key_identifier(X509_EXTENSION* extension, bool critical);

}  // namespace dpslint::openssl
