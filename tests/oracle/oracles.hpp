#pragma once

#include <string>

#include "manifest.hpp"

namespace dpslint::test {

struct OracleResult {
    bool valid = false;
    std::string detail;  // the oracle's own error text when invalid
};

// OpenSSL's X509_verify_cert with the flags that match dpslint's semantics: every trust file is an
// anchor (PARTIAL_CHAIN), auth level 2 (RSA >= 2048, no SHA-1), explicit time, sslclient purpose.
OracleResult openssl_oracle(const ManifestCase& c, TimePoint at);

// Botan 2's x509_path_validate: minimum key strength 110, SHA-2 only, TLS client usage.
OracleResult botan_oracle(const ManifestCase& c, TimePoint at);

}  // namespace dpslint::test
