#pragma once

// What a configuration change does to each device: the DPS decision under the snapshot before
// and the one after, both from the attestation simulator `simulate` and `batch` use, and the
// transition between them.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/batch/batch_processor.hpp"
#include "dpslint/batch/batch_runner.hpp"
#include "dpslint/export.hpp"
#include "dpslint/lint/context.hpp"

DPSLINT_API_BEGIN
namespace dpslint::diff {

// What happens to one device, most important first: a change of decision, then (for a device
// provisioned on both sides) another enrollment, hub set or allocation policy, initial twin,
// reprovision policy, or capabilities (IoT Edge, device ID).
enum class Transition {
    provisioned_to_blocked,
    provisioned_to_rejected,
    blocked_to_provisioned,
    rejected_to_provisioned,
    blocked_to_rejected,
    rejected_to_blocked,
    enrollment_changed,
    hubs_changed,
    twin_changed,
    reprovision_changed,
    capabilities_changed,
    unchanged,
};
inline constexpr std::size_t transition_count = 12;
// "provisioned->blocked", "enrollment-changed", "unchanged", ...
std::string_view to_string(Transition transition) noexcept;
bool loses_provisioning(Transition transition) noexcept;
bool gains_provisioning(Transition transition) noexcept;

// The aspects of a provisioned device's assignment that differ (several may at once).
struct Aspects {
    bool enrollment = false;
    bool hubs = false;  // allocation policy, hub set or chosen hub
    bool twin = false;
    bool reprovision = false;
    bool capabilities = false;  // IoT Edge flag or device ID
};

struct Comparison {
    Transition transition = Transition::unchanged;
    Aspects aspects;
};

Comparison compare_decisions(const AttestationResult& before, const AttestationResult& after);

// One device certificate of an input file, decided under both snapshots. The results keep
// neither chain nor findings (a diff reports the decisions); their initial twins point into the
// snapshots.
struct DeviceImpact {
    std::size_t certificate_index = 0;
    AttestationResult before;
    AttestationResult after;
    Comparison comparison;
};

// One input file: rejected (record.error_id) or its devices.
struct FileImpacts {
    batch::FileRecord record;  // path, sequence, rejection; its `devices` stay empty
    std::vector<DeviceImpact> devices;
};

// Decides each device of a file under both snapshots. The contexts hold the snapshots and their
// simulators; thread-safe like BatchProcessor.
class ImpactProcessor {
public:
    ImpactProcessor(const CryptoBackend& backend, const lint::LintContext& before,
                    const lint::LintContext& after, batch::BatchSettings settings);

    FileImpacts process(const batch::InputItem& item, batch::StageTimes& times) const;

private:
    const CryptoBackend& backend_;
    const lint::LintContext& before_;
    const lint::LintContext& after_;
    batch::BatchSettings settings_;
};

// Runs `processor` over the inputs `next` yields on `jobs` threads through the batch runner, so
// memory stays bounded whatever the number of devices, and hands every input back exactly once,
// in input order, on the calling thread.
batch::StageTimes run_impacts(const ImpactProcessor& processor, unsigned jobs,
                              const batch::BatchRunner::Source& next,
                              const std::function<void(FileImpacts&&)>& deliver);

// Devices per transition.
struct TransitionCounts {
    std::array<std::uint64_t, transition_count> counts{};

    void add(Transition t) noexcept { ++counts[static_cast<std::size_t>(t)]; }
    std::uint64_t operator[](Transition t) const noexcept {
        return counts[static_cast<std::size_t>(t)];
    }
};

}  // namespace dpslint::diff
DPSLINT_API_END
