#pragma once

#include <string>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/certificate_file.hpp"
#include "dpslint/finding.hpp"

namespace dpslint::cli {

// One DEVICE_FILE argument: the first certificate is the device's, the rest are what it
// presents in TLS. `error` holds the one-line input error when the file could not be used.
struct DeviceFile {
    std::string path;
    std::string error;
    Device device;                        // valid when error is empty
    std::vector<Finding> input_findings;  // private-key blocks
    std::vector<std::size_t> lines;       // each certificate's PEM BEGIN line; 0 for DER
};

// Reads every file; never throws for a bad file (it is reported in `error` and on `err`).
// `presented` (from --presented) is appended to every device's chain.
std::vector<DeviceFile> read_device_files(const std::vector<std::string>& paths,
                                          const std::vector<CertificatePtr>& presented,
                                          const CryptoBackend& backend, std::ostream& err);

}  // namespace dpslint::cli
