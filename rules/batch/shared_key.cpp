#include "dpslint/identifiers.hpp"

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::batch {

namespace {

class SharedKeyAggregator final : public lint::BatchAggregator {
public:
    void observe(std::uint64_t sequence, const DeviceSummary& device) override {
        if (device.spki_sha256.empty())
            return;
        index_.add(hash64_lower(device.spki_sha256), certificate_tag(device), sequence);
    }

    void finish(FindingSink& sink, const lint::SummaryLookup& lookup) override {
        const auto scan = confirm_duplicates(
            index_, true, lookup,
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return !a.spki_sha256.empty() && iequals(a.spki_sha256, b.spki_sha256);
            },
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return iequals(a.sha256, b.sha256);
            });
        for (const auto& d : scan.duplicates) {
            sink.report("device certificate '" + d.later->subject
                            + "' has the same public key as device certificate '" + d.first->subject
                            + "' in " + describe(*d.first)
                            + ", so whoever holds that private key can act as both devices",
                        d.later->location());
        }
        report_unchecked(scan, "a public key", sink);
    }

private:
    DuplicateIndex index_;
};

class SharedKey final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions&) const override {
        return std::make_unique<SharedKeyAggregator>();
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "batch.shared-key",
        .title = "Two different device certificates share one public key",
        .severity = Severity::error,
        .inspects = Target::batch,
        .rationale =
            "X.509 attestation authenticates a device by TLS client authentication with the "
            "private key of its certificate: the key is the device's identity, and "
            "the CN only names it. Two certificates over one key "
            "mean cloned devices or a broken key generator (a fixed seed, a key baked into the "
            "firmware image), so one extracted key impersonates every device that shares it, and "
            "neither DPS nor IoT Hub can tell a clone from the original.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Generate a fresh key pair on every device (in its secure element or TPM), find out "
               "how the key came to be reused, and reissue and re-provision the affected devices.",
        .example = "key-a.pem and key-b.pem, two CNs, one subjectPublicKeyInfo",
    });
};

}  // namespace

}  // namespace dpslint::rules::batch

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_batch_shared_key() {
    return std::make_unique<batch::SharedKey>();
}

}  // namespace dpslint::rules
