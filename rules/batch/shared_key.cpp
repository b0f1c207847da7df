#include "dpslint/identifiers.hpp"

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules {

namespace {

using namespace batch_detail;

class Aggregator final : public lint::BatchAggregator {
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
        return std::make_unique<Aggregator>();
    }

private:
    RuleMetadata metadata_ = lint::make_metadata(
        "batch.shared-key", "Two different device certificates share one public key",
        Severity::error, Target::batch,
        "X.509 attestation authenticates a device by TLS client authentication with the "
        "private key of its certificate: the key is the device's identity, and "
        "the CN only names it. Two certificates over one key "
        "mean cloned devices or a broken key generator (a fixed seed, a key baked into the "
        "firmware image), so one extracted key impersonates every device that shares it, and "
        "neither DPS nor IoT Hub can tell a clone from the original.",
        std::string(citation::dps_x509_attestation),
        "Generate a fresh key pair on every device (in its secure element or TPM), find out "
        "how the key came to be reused, and reissue and re-provision the affected devices.",
        {}, "key-a.pem and key-b.pem, two CNs, one subjectPublicKeyInfo");
};

}  // namespace

std::unique_ptr<lint::Rule> make_batch_shared_key() {
    return std::make_unique<SharedKey>();
}

}  // namespace dpslint::rules
