#include "dpslint/identifiers.hpp"

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::batch {

namespace {

class DuplicateSerialAggregator final : public lint::BatchAggregator {
public:
    void observe(std::uint64_t sequence, const DeviceSummary& device) override {
        if (device.serial_hex.empty())
            return;
        index_.add(hash_combine(hash64(device.issuer), hash64_lower(device.serial_hex)),
                   certificate_tag(device), sequence);
    }

    void finish(FindingSink& sink, const lint::SummaryLookup& lookup) override {
        const auto scan = confirm_duplicates(
            index_, true, lookup,
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return a.issuer == b.issuer && !a.serial_hex.empty()
                       && iequals(a.serial_hex, b.serial_hex);
            },
            [](const DeviceSummary& a, const DeviceSummary& b) {
                return iequals(a.sha256, b.sha256);
            });
        for (const auto& d : scan.duplicates) {
            sink.report("device certificate '" + d.later->subject + "' has serial number "
                            + d.later->serial_hex + " from issuer '" + d.later->issuer
                            + "', which that issuer already gave the different certificate '"
                            + d.first->subject + "' in " + describe(*d.first),
                        d.later->location());
        }
        report_unchecked(scan, "an issuer and serial number", sink);
    }

private:
    DuplicateIndex index_;
};

class DuplicateSerial final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions&) const override {
        return std::make_unique<DuplicateSerialAggregator>();
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "batch.duplicate-serial",
        .title = "Two different device certificates have the same issuer and serial number",
        .severity = Severity::error,
        .inspects = Target::batch,
        .rationale =
            "RFC 5280 §4.1.2.2 requires a CA to give every certificate it issues a unique serial "
            "number: issuer and serial together identify a certificate, in revocation lists and "
            "OCSP among others. Two certificates with one issuer and serial mean the issuing CA's "
            "serial generation or database is broken (a reset counter, two signing stations "
            "sharing a CA key), and revoking one by serial revokes both.",
        .citation = "RFC 5280 §4.1.2.2",
        .fix =
            "Find out why the CA reused the serial (counter reset, cloned CA database, concurrent "
            "issuing), fix the CA, and reissue the later certificate with a fresh serial.",
        .example = "two certificates from one intermediate, both with serial 5EED...01",
    });
};

}  // namespace

}  // namespace dpslint::rules::batch

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_batch_duplicate_serial() {
    return std::make_unique<batch::DuplicateSerial>();
}

}  // namespace dpslint::rules
