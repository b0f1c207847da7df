#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::batch {

namespace {

std::string hex(std::uint64_t value) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "0x%llX", static_cast<unsigned long long>(value));
    return buffer;
}

class SequentialSerialsAggregator final : public lint::BatchAggregator {
public:
    SequentialSerialsAggregator(std::size_t min_devices, std::uint64_t max_gap, double ratio)
        : min_devices_(min_devices), max_gap_(max_gap), ratio_(ratio) {}

    void observe(std::uint64_t sequence, const DeviceSummary& device) override {
        if (device.serial_hex.empty())
            return;
        auto it = issuers_.find(device.issuer);
        if (it == issuers_.end()) {
            if (issuers_.size() >= max_tracked_issuers && !make_room())
                return;  // too many issuers: this one is not tracked
            it = issuers_.emplace(device.issuer, Issuer{{}, sequence}).first;
        }
        it->second.serials.push_back(serial_low64(device.serial_hex));
    }

    void finish(FindingSink& sink, const lint::SummaryLookup& /*lookup*/) override {
        struct Hit {
            const std::string* issuer;
            std::size_t devices;
            std::size_t close;
            std::size_t gaps;
            std::uint64_t lowest;
            std::uint64_t highest;
            std::uint64_t first_sequence;
        };
        std::vector<Hit> hits;
        for (auto& [issuer, state] : issuers_) {
            auto& serials = state.serials;
            if (serials.size() < min_devices_)
                continue;
            const std::size_t devices = serials.size();
            std::sort(serials.begin(), serials.end());
            // Equal serials are batch.duplicate-serial's finding; compare distinct values.
            serials.erase(std::unique(serials.begin(), serials.end()), serials.end());
            if (serials.size() < 2)
                continue;
            std::size_t close = 0;
            for (std::size_t i = 1; i < serials.size(); ++i) {
                if (serials[i] - serials[i - 1] <= max_gap_)
                    ++close;
            }
            const std::size_t gaps = serials.size() - 1;
            if (static_cast<double>(close) <= ratio_ * static_cast<double>(gaps))
                continue;
            hits.push_back(Hit{&issuer, devices, close, gaps, serials.front(), serials.back(),
                               state.first_sequence});
        }
        if (hits.empty())
            return;
        std::sort(hits.begin(), hits.end(),
                  [](const Hit& a, const Hit& b) { return a.first_sequence < b.first_sequence; });
        for (const Hit& h : hits) {
            // About an issuer across the whole run, not one of its devices: no location.
            sink.report("issuer '" + *h.issuer + "' gave its " + std::to_string(h.devices)
                            + " device certificates in the batch serial numbers that look "
                            + "counter-generated: " + std::to_string(h.close) + " of "
                            + std::to_string(h.gaps) + " adjacent serials differ by at most "
                            + std::to_string(max_gap_) + " (low 64 bits from " + hex(h.lowest)
                            + " to " + hex(h.highest) + ")",
                        Location{});
        }
    }

private:
    struct Issuer {
        std::vector<std::uint64_t> serials;
        std::uint64_t first_sequence = 0;
    };

    // Drops issuers seen with a single certificate (self-signed devices are one issuer each).
    // Stops trying once that frees less than half of the table.
    bool make_room() {
        if (saturated_)
            return false;
        for (auto it = issuers_.begin(); it != issuers_.end();) {
            if (it->second.serials.size() < 2) {
                it = issuers_.erase(it);
            } else {
                ++it;
            }
        }
        if (issuers_.size() > max_tracked_issuers / 2)
            saturated_ = true;
        return issuers_.size() < max_tracked_issuers;
    }

    std::size_t min_devices_;
    std::uint64_t max_gap_;
    double ratio_;
    std::unordered_map<std::string, Issuer> issuers_;
    bool saturated_ = false;
};

class SequentialSerials final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions& options) const override {
        const long long min_devices = std::max(2LL, options.integer("min-devices"));
        const long long max_gap = std::max(0LL, options.integer("max-gap"));
        return std::make_unique<SequentialSerialsAggregator>(static_cast<std::size_t>(min_devices),
                                                             static_cast<std::uint64_t>(max_gap),
                                                             options.number("ratio"));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "batch.sequential-serials",
        .title = "An issuer's device serial numbers look counter-generated",
        .severity = Severity::notice,
        .inspects = Target::batch,
        .rationale =
            "RFC 5280 §4.1.2.2 requires serials to be unique per issuer; counter-generated serials "
            "are also predictable, which lets anyone who can get a certificate issued know its "
            "serial in advance. The CA/Browser Forum Baseline Requirements (§7.1) ask for "
            "non-sequential serials with at least 64 bits of CSPRNG output, and that is good "
            "practice for device CAs too. This is hygiene: the DPS documentation states no "
            "requirement on serial numbers, so provisioning is not affected. Per issuer with at "
            "least min-devices certificates, the low 64 bits of the serials are sorted, and the "
            "rule fires when more than the ratio of adjacent differences are at most max-gap.",
        .citation = "RFC 5280 §4.1.2.2",
        .fix =
            "Configure the issuing CA to generate serial numbers from at least 64 bits of CSPRNG "
            "output (openssl ca -rand_serial, or a random serial in the factory's HSM/CA "
            "software); certificates already issued need not be replaced for this alone.",
        .options =
            {{.name = "min-devices",
              .type = OptionType::integer,
              .default_value = 16,
              .description =
                  "only issuers with at least this many device certificates in the batch are "
                  "checked",
              .minimum = 2,
              .maximum = 1000000000},
             {.name = "max-gap",
              .type = OptionType::integer,
              .default_value = 16,
              .description = "adjacent sorted serials at most this far apart count as sequential",
              .minimum = 0,
              .maximum = 1000000000},
             {.name = "ratio",
              .type = OptionType::number,
              .default_value = 0.5,
              .description =
                  "fire when more than this fraction of adjacent differences is sequential",
              .minimum = 0,
              .maximum = 1}},
        .example = "20 devices from one intermediate with serials 0x1000, 0x1001, ..., 0x1013",
    });
};

}  // namespace

}  // namespace dpslint::rules::batch

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_batch_sequential_serials() {
    return std::make_unique<batch::SequentialSerials>();
}

}  // namespace dpslint::rules
