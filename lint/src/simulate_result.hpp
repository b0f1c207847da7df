#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/revocation.hpp"
#include "dpslint/snapshot.hpp"
#include "dpslint/time.hpp"

namespace dpslint::cli {

// One device's outcome: the DPS decision and, with --crl, the revocation status of the chain DPS
// walks (which the decision ignores, as DPS does).
struct DeviceOutcome {
    AttestationResult result;
    std::optional<RevocationCheck> revocation;
};

// One DEVICE_FILE: its outcome, or the one-line error that kept it from being read.
struct SimulatedDevice {
    std::string file;
    std::string error;
    std::optional<DeviceOutcome> outcome;  // set when error is empty
};

// The CRLs given with --crl.
struct CrlCounts {
    std::size_t files = 0;
    std::size_t crls = 0;
};

// What `simulate` found, for its reporter (simulate_output.hpp).
struct SimulateResult {
    TimePoint at{};
    std::string backend;
    const Snapshot* snapshot = nullptr;
    std::vector<Finding> input_findings;  // sorted
    std::vector<SimulatedDevice> devices;
    std::size_t presented_files = 0;
    std::size_t presented_certificates = 0;
    std::optional<CrlCounts> crls;  // with --crl

    std::size_t provisioned = 0;
    std::size_t blocked = 0;
    std::size_t rejected = 0;
    std::size_t unreadable = 0;
    std::size_t revoked = 0;
    std::size_t revoked_provisioned = 0;
};

}  // namespace dpslint::cli
