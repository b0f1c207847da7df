#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/certificate_pool.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/path_validator.hpp"
#include "dpslint/time.hpp"
#include "dpslint/verifier.hpp"

#include "validation_options.hpp"

namespace dpslint::cli {

// One LEAF_FILE's outcome: either an input error or the verification of its first certificate.
struct LeafReport {
    std::string file;
    std::string error;  // one-line input error; empty when the file was read
    std::optional<LeafVerification> verification;
    std::vector<Finding> findings;  // verification findings + input findings, located in `file`
};

// What `verify` found, for its reporter (verify_output.hpp).
struct VerifyResult {
    TimePoint at{};
    std::string backend;
    const ValidationOptions* validation = nullptr;  // purpose, policy inputs, strict, CRLs
    std::vector<std::string> initial_policy_set;
    const CertificatePool* pool = nullptr;  // trust anchors and untrusted certificates
    std::size_t trust_files = 0;
    std::size_t untrusted_files = 0;
    std::vector<Finding> input_findings;  // sorted
    std::vector<LeafReport> leaves;

    bool checks_revocation() const { return !validation->crl_files.empty(); }
    std::size_t valid() const;
    std::size_t unreadable() const;
    std::size_t invalid() const { return leaves.size() - valid() - unreadable(); }
};

}  // namespace dpslint::cli
