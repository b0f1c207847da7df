#include "dpslint/identifiers.hpp"

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::batch {

namespace {

class DuplicateRegistrationIdAggregator final : public lint::BatchAggregator {
public:
    void observe(std::uint64_t sequence, const DeviceSummary& device) override {
        if (device.registration_id.empty())
            return;
        index_.add(hash64_lower(device.registration_id), certificate_tag(device), sequence);
    }

    void finish(FindingSink& sink, const lint::SummaryLookup& lookup) override {
        const auto scan = confirm_duplicates(
            index_, true, lookup,
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return !a.registration_id.empty() && iequals(a.registration_id, b.registration_id);
            },
            // The same certificate twice is batch.duplicate-certificate's finding.
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return iequals(a.sha256, b.sha256);
            });
        for (const auto& d : scan.duplicates) {
            const bool same_case = d.first->registration_id == d.later->registration_id;
            sink.report("device certificate '" + d.later->subject + "' has registration ID '"
                            + d.later->registration_id + "', "
                            + (same_case ? "the same as" : "which equals ignoring case")
                            + " the registration ID '" + d.first->registration_id + "' of "
                            + describe(*d.first)
                            + ", so in DPS and IoT Hub it would take over that device's identity",
                        d.later->location());
        }
        report_unchecked(scan, "a registration ID", sink);
    }

private:
    DuplicateIndex index_;
};

class DuplicateRegistrationId final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions&) const override {
        return std::make_unique<DuplicateRegistrationIdAggregator>();
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "batch.duplicate-registration-id",
        .title =
            "Two device certificates in the batch have the same registration ID, ignoring case",
        .severity = Severity::error,
        .inspects = Target::batch,
        .rationale =
            "For X.509 attestation the registration ID is the leaf's subject CN, and for "
            "enrollment group devices the CN is also the IoT Hub device ID. Registration IDs are "
            "case-insensitive, so two certificates whose CNs differ at most in case are one device "
            "to DPS: whichever registers later takes over the registration record and the hub "
            "identity of the other, and neither DPS nor IoT Hub can tell the two devices apart "
            "(DPS looks devices up by registration ID). Copies of one certificate are left to "
            "batch.duplicate-certificate.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "Give every device a unique CN (for example derived from its serial number or a "
            "hardware ID) and reissue the later certificate; compare CNs case-insensitively in the "
            "factory's issuing system.",
        .example =
            "device-7.pem and device-7b.pem both have subject CN 'sensor-0007' (or 'SENSOR-0007')",
    });
};

}  // namespace

}  // namespace dpslint::rules::batch

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_batch_duplicate_registration_id() {
    return std::make_unique<batch::DuplicateRegistrationId>();
}

}  // namespace dpslint::rules
