#include "dpslint/batch/batch_session.hpp"

#include <algorithm>
#include <stdexcept>

namespace dpslint::batch {

BatchSession::BatchSession(const lint::Linter& linter, const lint::LintContext* context)
    : linter_(linter), context_(context) {
    for (const auto& a : linter_.active_rules()) {
        if (a.rule->scope() != lint::Scope::batch
            || (context_ != nullptr && !a.rule->applies(*context_))) {
            continue;
        }
        aggregators_.emplace_back(&a,
                                  static_cast<const lint::BatchRule*>(a.rule)->start(a.options));
    }
}

BatchSession::~BatchSession() = default;

void BatchSession::observe(const FileRecord& record) {
    if (!record.private_key_lines.empty())
        observe_private_keys(record.sequence, record.path, record.private_key_lines);
    for (const auto& device : record.devices)
        observe_device(record.sequence, device.summary);
}

void BatchSession::observe_private_keys(std::uint64_t file_sequence, const std::string& path,
                                        const std::vector<std::size_t>& lines) {
    for (auto& [active, aggregator] : aggregators_)
        aggregator->observe_private_keys(file_sequence, path, lines);
}

void BatchSession::observe_device(std::uint64_t file_sequence, const lint::DeviceSummary& device) {
    const std::uint64_t number = certificate_indexes_.size();
    if (files_.empty() || files_.back().file_sequence != file_sequence)
        files_.push_back({number, file_sequence});
    certificate_indexes_.push_back(device.certificate_index);
    for (auto& [active, aggregator] : aggregators_)
        aggregator->observe(number, device);
}

DevicePlace BatchSession::place_of(std::uint64_t number) const {
    if (number >= certificate_indexes_.size())
        throw std::out_of_range("batch session: no device " + std::to_string(number));
    const auto file =
        std::upper_bound(files_.begin(), files_.end(), number,
                         [](std::uint64_t n, const FileStart& f) { return n < f.first_number; });
    return {number, std::prev(file)->file_sequence, certificate_indexes_[number]};
}

std::vector<Finding> BatchSession::finish_findings(const PlaceLookup& lookup) {
    if (finished_)
        throw std::logic_error("batch session finished twice");
    finished_ = true;
    const lint::SummaryLookup by_number = [&](const std::vector<std::uint64_t>& numbers) {
        std::vector<DevicePlace> places;
        std::vector<std::size_t> asked;  // positions in `numbers` of the devices that exist
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            if (numbers[i] < devices()) {
                places.push_back(place_of(numbers[i]));
                asked.push_back(i);
            }
        }
        std::vector<lint::DeviceSummary> found(numbers.size());
        auto summaries = lookup(places);
        for (std::size_t i = 0; i < asked.size() && i < summaries.size(); ++i)
            found[asked[i]] = std::move(summaries[i]);
        return found;
    };
    std::vector<Finding> findings;
    for (auto& [active, aggregator] : aggregators_) {
        lint::FindingSink sink(active->rule->metadata(), active->severity, findings);
        aggregator->finish(sink, by_number);
    }
    return findings;
}

lint::LintReport BatchSession::finish(const PlaceLookup& lookup, std::vector<Finding> extra) {
    std::vector<Finding> findings = std::move(extra);
    auto reported = finish_findings(lookup);
    findings.insert(findings.end(), std::make_move_iterator(reported.begin()),
                    std::make_move_iterator(reported.end()));
    lint::LintReport report;
    // Snapshot rules never run on a stream. The device rules ran on each device when there is a
    // context, and elsewhere (in the shards) when there is none.
    for (const auto& a : linter_.active_rules()) {
        const auto scope = a.rule->scope();
        if (scope == lint::Scope::snapshot || (context_ == nullptr && scope != lint::Scope::batch))
            continue;
        const bool applies = context_ == nullptr || a.rule->applies(*context_);
        (applies ? report.rules_run : report.rules_not_applicable).push_back(a.rule->metadata().id);
    }
    linter_.conclude(std::move(findings), report);
    return report;
}

}  // namespace dpslint::batch
