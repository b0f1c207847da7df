#include "dpslint/diff/impact.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <utility>

#include "dpslint/identifiers.hpp"

namespace dpslint::diff {

namespace {

bool same_enrollment(const std::optional<EnrollmentRef>& a, const std::optional<EnrollmentRef>& b) {
    if (!a || !b)
        return !a && !b;
    return a->kind == b->kind && iequals(a->id, b->id);
}

std::vector<std::string> hub_names(const std::vector<HubCandidate>& hubs) {
    std::vector<std::string> out;
    for (const auto& h : hubs)
        out.push_back(ascii_lower(h.name));
    std::sort(out.begin(), out.end());
    return out;
}

bool same_allocation(const AttestationResult& a, const AttestationResult& b) {
    if (a.allocation_policy != b.allocation_policy || hub_names(a.hubs) != hub_names(b.hubs))
        return false;
    if (a.chosen_hub.has_value() != b.chosen_hub.has_value())
        return false;
    return !a.chosen_hub || iequals(*a.chosen_hub, *b.chosen_hub);
}

bool same_twin(const nlohmann::json* a, const nlohmann::json* b) {
    if (a == nullptr || b == nullptr)
        return a == b;
    return *a == *b;
}

bool same_reprovision(const std::optional<ReprovisionPolicy>& a,
                      const std::optional<ReprovisionPolicy>& b) {
    if (!a || !b)
        return !a && !b;
    return a->update_hub_assignment == b->update_hub_assignment
           && a->migrate_device_data == b->migrate_device_data;
}

Transition decision_change(Decision before, Decision after) {
    if (before == Decision::provisioned)
        return after == Decision::blocked ? Transition::provisioned_to_blocked
                                          : Transition::provisioned_to_rejected;
    if (after == Decision::provisioned)
        return before == Decision::blocked ? Transition::blocked_to_provisioned
                                           : Transition::rejected_to_provisioned;
    return before == Decision::blocked ? Transition::blocked_to_rejected
                                       : Transition::rejected_to_blocked;
}

// What a diff keeps of a decision: the chain and the findings behind it stay with `simulate`.
AttestationResult lean(AttestationResult r) {
    r.chain.clear();
    r.chain.shrink_to_fit();
    r.findings.clear();
    r.findings.shrink_to_fit();
    r.device.presented.clear();
    return r;
}

}  // namespace

std::string_view to_string(Transition transition) noexcept {
    switch (transition) {
        case Transition::provisioned_to_blocked:
            return "provisioned->blocked";
        case Transition::provisioned_to_rejected:
            return "provisioned->rejected";
        case Transition::blocked_to_provisioned:
            return "blocked->provisioned";
        case Transition::rejected_to_provisioned:
            return "rejected->provisioned";
        case Transition::blocked_to_rejected:
            return "blocked->rejected";
        case Transition::rejected_to_blocked:
            return "rejected->blocked";
        case Transition::enrollment_changed:
            return "enrollment-changed";
        case Transition::hubs_changed:
            return "hubs-changed";
        case Transition::twin_changed:
            return "twin-changed";
        case Transition::reprovision_changed:
            return "reprovision-changed";
        case Transition::capabilities_changed:
            return "capabilities-changed";
        case Transition::unchanged:
            return "unchanged";
    }
    return "unchanged";
}

bool loses_provisioning(Transition t) noexcept {
    return t == Transition::provisioned_to_blocked || t == Transition::provisioned_to_rejected;
}

bool gains_provisioning(Transition t) noexcept {
    return t == Transition::blocked_to_provisioned || t == Transition::rejected_to_provisioned;
}

Comparison compare_decisions(const AttestationResult& before, const AttestationResult& after) {
    Comparison out;
    if (before.decision != after.decision) {
        out.transition = decision_change(before.decision, after.decision);
        return out;
    }
    // Not provisioned on either side: what blocks it matters to no hub.
    if (before.decision != Decision::provisioned)
        return out;
    Aspects& a = out.aspects;
    a.enrollment = !same_enrollment(before.enrollment, after.enrollment);
    a.hubs = !same_allocation(before, after);
    a.twin = !same_twin(before.initial_twin, after.initial_twin);
    a.reprovision = !same_reprovision(before.reprovision_policy, after.reprovision_policy);
    a.capabilities = before.iot_edge != after.iot_edge || before.device_id != after.device_id;
    if (a.enrollment)
        out.transition = Transition::enrollment_changed;
    else if (a.hubs)
        out.transition = Transition::hubs_changed;
    else if (a.twin)
        out.transition = Transition::twin_changed;
    else if (a.reprovision)
        out.transition = Transition::reprovision_changed;
    else if (a.capabilities)
        out.transition = Transition::capabilities_changed;
    return out;
}

ImpactProcessor::ImpactProcessor(const CryptoBackend& backend, const lint::LintContext& before,
                                 const lint::LintContext& after, batch::BatchSettings settings)
    : backend_(backend), before_(before), after_(after), settings_(std::move(settings)) {}

FileImpacts ImpactProcessor::process(const batch::InputItem& item, batch::StageTimes& times) const {
    FileImpacts out;
    batch::InputDevices input;
    if (!batch::read_input_devices(item, backend_, settings_, out.record, input, times))
        return out;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < input.devices.size(); ++i) {
        DeviceImpact impact;
        impact.certificate_index = input.indexes[i];
        impact.before = lean(before_.simulator()->decide(input.devices[i]));
        impact.after = lean(after_.simulator()->decide(input.devices[i]));
        impact.comparison = compare_decisions(impact.before, impact.after);
        out.devices.push_back(std::move(impact));
    }
    times.decide += std::chrono::steady_clock::now() - start;
    return out;
}

batch::StageTimes run_impacts(const ImpactProcessor& processor, unsigned jobs,
                              const batch::BatchRunner::Source& next,
                              const std::function<void(FileImpacts&&)>& deliver) {
    // The runner carries FileRecords; each file's decisions wait here, keyed by its sequence,
    // until the runner hands that record back. The runner keeps only a few chunks in flight, so
    // this holds only a few chunks' worth of devices.
    std::mutex mutex;
    std::map<std::uint64_t, std::vector<DeviceImpact>> waiting;
    const batch::BatchRunner runner(
        [&](const batch::InputItem& item, batch::StageTimes& times) {
            FileImpacts impacts = processor.process(item, times);
            if (!impacts.devices.empty()) {
                const std::lock_guard lock(mutex);
                waiting[item.sequence] = std::move(impacts.devices);
            }
            return std::move(impacts.record);
        },
        jobs, batch::Shard{}, batch::default_read_ahead_threads);
    return runner.run(next, [&](batch::FileRecord&& record) {
        FileImpacts impacts;
        {
            const std::lock_guard lock(mutex);
            const auto it = waiting.find(record.sequence);
            if (it != waiting.end()) {
                impacts.devices = std::move(it->second);
                waiting.erase(it);
            }
        }
        impacts.record = std::move(record);
        deliver(std::move(impacts));
    });
}

}  // namespace dpslint::diff
