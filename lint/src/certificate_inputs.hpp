#pragma once

#include <string>
#include <vector>

#include "dpslint/certificate_file.hpp"
#include "dpslint/certificate_pool.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/snapshot.hpp"

namespace dpslint::cli {

// The id of the lint rule (rules/input/private_key_present.cpp) that declares a private key
// block in an input file.
inline constexpr const char* private_key_rule_id = "input.private-key-present";

// A PEM private key block sits in an input file: the rule above, reported with its line, never
// its content.
Finding private_key_finding(const std::string& file, const PrivateKeyBlock& block);

// input_finding::unreadable: an input file that could not be used; `error` is its one-line error.
Finding unreadable_finding(const std::string& file, const std::string& error);

// Every certificate of every file, in order. Throws InputError on an unreadable or malformed file
// or one without certificates; appends private-key findings.
std::vector<CertificatePtr> read_certificates(const std::vector<std::string>& files,
                                              const CryptoBackend& backend,
                                              std::vector<Finding>& findings);

// Adds every certificate of every file to `pool` (as anchors or untrusted). Throws InputError on
// an unreadable or malformed file or one without certificates; appends private-key findings.
void load_into_pool(const std::vector<std::string>& files, bool as_trust_anchors,
                    const CryptoBackend& backend, CertificatePool& pool,
                    std::vector<Finding>& findings);

// The certificates that may have signed the CRLs of a run on a snapshot: its CA certificates and
// those every device presents, none of them a trust anchor (DPS trusts by enrollment, not by
// anchor).
CertificatePool crl_issuers(const Snapshot& snapshot, const std::vector<CertificatePtr>& presented);

}  // namespace dpslint::cli
