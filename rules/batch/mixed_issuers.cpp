#include <algorithm>
#include <unordered_map>

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::batch {

namespace {

constexpr std::size_t max_listed_issuers = 10;

class MixedIssuersAggregator final : public lint::BatchAggregator {
public:
    explicit MixedIssuersAggregator(std::size_t max_issuers) : max_issuers_(max_issuers) {}

    void observe(std::uint64_t /*sequence*/, const DeviceSummary& device) override {
        auto it = issuers_.find(device.issuer);
        if (it == issuers_.end()) {
            if (issuers_.size() >= max_tracked_issuers) {
                ++untracked_devices_;
                return;
            }
            it = issuers_.emplace(device.issuer, Issuer{}).first;
        }
        ++it->second.devices;
    }

    void finish(FindingSink& sink, const lint::SummaryLookup& /*lookup*/) override {
        const std::size_t known = issuers_.size();
        if (known + (untracked_devices_ > 0 ? 1 : 0) <= max_issuers_)
            return;

        std::vector<std::pair<const std::string*, const Issuer*>> sorted;
        for (const auto& [name, issuer] : issuers_)
            sorted.emplace_back(&name, &issuer);
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second->devices != b.second->devices ? a.second->devices > b.second->devices
                                                          : *a.first < *b.first;
        });
        std::string list;
        for (std::size_t i = 0; i < sorted.size() && i < max_listed_issuers; ++i) {
            list += (list.empty() ? "" : ", ") + std::string("'") + *sorted[i].first + "' ("
                    + std::to_string(sorted[i].second->devices)
                    + (sorted[i].second->devices == 1 ? " device)" : " devices)");
        }
        if (sorted.size() > max_listed_issuers)
            list += " and " + std::to_string(sorted.size() - max_listed_issuers) + " more";
        if (untracked_devices_ > 0) {
            list += ", plus " + std::to_string(untracked_devices_)
                    + " devices from further issuers not counted";
        }
        sink.report("the batch holds device certificates from "
                        + std::string(untracked_devices_ > 0 ? "more than " : "")
                        + std::to_string(known) + " issuers, more than max-issuers "
                        + std::to_string(max_issuers_) + ": " + list,
                    Location{});  // about the whole run, not one of its devices
    }

private:
    struct Issuer {
        std::uint64_t devices = 0;
    };
    std::size_t max_issuers_;
    std::unordered_map<std::string, Issuer> issuers_;
    std::uint64_t untracked_devices_ = 0;
};

class MixedIssuers final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions& options) const override {
        return std::make_unique<MixedIssuersAggregator>(
            static_cast<std::size_t>(std::max(0LL, options.integer("max-issuers"))));
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "batch.mixed-issuers",
        .title = "The batch holds device certificates from several issuers",
        .severity = Severity::notice,
        .inspects = Target::batch,
        .rationale =
            "DPS picks the enrollment for an X.509 device by walking its chain from the leaf to "
            "the first certificate that has an enrollment group, and a group is attached to one CA "
            "certificate. A factory batch for one product normally comes from one issuing CA; "
            "devices from other issuers land in other groups (other hubs, initial twin, "
            "reprovisioning policy) or in none, and a stray test or self-signed certificate in a "
            "production batch shows up here. This is hygiene: several issuers can be intended (a "
            "CA rollover), so the limit is an option.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Check that every issuer listed is meant for this batch and has the enrollment group "
            "you expect; split the batch per issuing CA, or raise max-issuers when the mix is "
            "intended.",
        .options = {{.name = "max-issuers",
                     .type = OptionType::integer,
                     .default_value = 1,
                     .description =
                         "how many distinct issuers a batch may have before the rule fires",
                     .minimum = 0,
                     .maximum = 1000000000}},
        .example = "a batch of 20 devices from the production intermediate and 1 from a test CA",
    });
};

}  // namespace

}  // namespace dpslint::rules::batch

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_batch_mixed_issuers() {
    return std::make_unique<batch::MixedIssuers>();
}

}  // namespace dpslint::rules
