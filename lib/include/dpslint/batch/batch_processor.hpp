#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/batch/input_walker.hpp"
#include "dpslint/certificate_pool.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding_positions.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/linter.hpp"
#include "dpslint/verifier.hpp"

DPSLINT_API_BEGIN
namespace dpslint::batch {

// The outcome for one device certificate of a batch.
struct DeviceRecord {
    lint::DeviceSummary summary;
    std::string decision;  // provisioned | blocked | rejected (snapshot); valid | invalid (trust)
    std::string reason;
    std::optional<int> reason_code;
    std::optional<EnrollmentRef> enrollment;
    std::vector<Finding> findings;  // decision findings and device rules, after suppressions
    std::size_t suppressed = 0;
    // With CRLs (--crl): revoked when any certificate of the device's chain is (the DPS decision
    // does not change: DPS does not check revocation), else unknown or good.
    std::optional<RevocationState> revocation;
};

// One input file: rejected with one reason, or its device certificates.
struct FileRecord {
    std::uint64_t sequence = 0;
    std::string path;
    std::string error_id;  // input.unreadable | input.too-large | input.not-a-certificate |
                           // input.no-device-certificate | input.internal-error; empty when the
                           // file was checked
    std::string error;     // one line (output_text.hpp one_line)
    std::vector<DeviceRecord> devices;
    std::vector<std::size_t> private_key_lines;

    bool rejected() const noexcept { return !error_id.empty(); }
};

// Where the time goes, per stage, summed over all workers.
struct StageTimes {
    std::chrono::nanoseconds read{0};
    std::chrono::nanoseconds parse{0};
    std::chrono::nanoseconds decide{0};
    std::chrono::nanoseconds rules{0};

    StageTimes& operator+=(const StageTimes& other);
};

struct BatchSettings {
    std::uint64_t max_file_bytes = max_certificate_file_bytes;
    std::vector<CertificatePtr> presented;  // sent by every device besides its own file's CAs
};

// The device certificates of one input file, each presenting the file's CA certificates and
// BatchSettings::presented: what `batch` checks and `diff` decides twice.
struct InputDevices {
    std::vector<Device> devices;
    std::vector<std::size_t> indexes;  // each device's position in its file
    PemBlocks pem_blocks;              // of a PEM file, for the line of each finding
};

// Reads and parses `item`. False, with `record` rejected (input.unreadable, input.too-large,
// input.not-a-certificate, input.no-device-certificate), when it holds no device to check.
bool read_input_devices(const InputItem& item, const CryptoBackend& backend,
                        const BatchSettings& settings, FileRecord& record, InputDevices& out,
                        StageTimes& times);

// Checks one input file. Stateless apart from the shared, thread-safe signature cache, so any
// number of threads may call `process` at once.
class BatchProcessor {
public:
    // With a snapshot in `context`: the DPS decision for each device. With `trust_pool`: RFC 5280
    // path validation against its trust anchors. Device rules run in both cases.
    BatchProcessor(const CryptoBackend& backend, const lint::LintContext& context,
                   const lint::Linter& linter, const Verifier* verifier, BatchSettings settings);

    FileRecord process(const InputItem& item, StageTimes& times) const;

    // The summary of device certificate `index` of the file at `path` (for late lookups).
    std::optional<lint::DeviceSummary> summary_of(const std::string& path, std::size_t index) const;

private:
    void check_device(FileRecord& record, const Device& device, std::size_t index,
                      const PemBlocks& pem_blocks, const CertificatePool& presented,
                      StageTimes& times) const;

    const CryptoBackend& backend_;
    const lint::LintContext& context_;
    const lint::Linter& linter_;
    const Verifier* verifier_;
    BatchSettings settings_;
};

}  // namespace dpslint::batch
DPSLINT_API_END
