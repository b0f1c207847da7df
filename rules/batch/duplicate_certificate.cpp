#include "dpslint/identifiers.hpp"

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::batch {

namespace {

class DuplicateCertificateAggregator final : public lint::BatchAggregator {
public:
    void observe(std::uint64_t sequence, const DeviceSummary& device) override {
        if (device.sha256.empty())
            return;
        index_.add(hash64_lower(device.sha256), 0, sequence);
    }

    void finish(FindingSink& sink, const lint::SummaryLookup& lookup) override {
        const auto scan = confirm_duplicates(
            index_, false, lookup,
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return iequals(a.sha256, b.sha256);
            },
            [](const DeviceSummary&, const DeviceSummary&) { return false; });
        for (const auto& d : scan.duplicates) {
            sink.report("device certificate '" + d.later->subject + "' is the same certificate "
                            + "as in " + describe(*d.first)
                            + ", so the batch counts one device twice",
                        d.later->location());
        }
        report_unchecked(scan, "the certificate itself", sink);
    }

private:
    DuplicateIndex index_;
};

class DuplicateCertificate final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions&) const override {
        return std::make_unique<DuplicateCertificateAggregator>();
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "batch.duplicate-certificate",
        .title = "The same device certificate appears twice in the batch",
        .severity = Severity::warning,
        .inspects = Target::batch,
        .rationale =
            "A certificate (equal SHA-256 thumbprint) found twice usually means a file was copied "
            "twice or one certificate sits in two bundles. It is one device to DPS (one "
            "certificate, one registration ID), so the batch's device count is wrong, and if two "
            "physical devices really carry it they are clones DPS and IoT Hub cannot tell apart.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Remove the extra copy from the batch; if two devices were flashed with the same "
               "certificate and key, reissue one of them.",
        .example = "copy-a.pem and copy-b.pem hold the same certificate",
    });
};

}  // namespace

}  // namespace dpslint::rules::batch

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_batch_duplicate_certificate() {
    return std::make_unique<batch::DuplicateCertificate>();
}

}  // namespace dpslint::rules
