#include <algorithm>
#include <chrono>

#include "dpslint/certificate_pool.hpp"

#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

// The leaf's issuer: the next link DPS walked, else the first presented certificate that could
// have issued it, else a snapshot CA that did.
CertificatePtr issuer_of(const DeviceContext& device) {
    const Certificate& leaf = device.leaf();
    if (device.attestation && device.attestation->chain.size() > 1)
        return device.attestation->chain[1].certificate;
    for (const auto& c : device.device.presented) {
        if (c->sha256() != leaf.sha256() && c->subject() == leaf.issuer()
            && could_have_issued(*c, leaf))
            return c;
    }
    if (device.context != nullptr)
        return device.context->issuer_of(leaf);
    return nullptr;
}

// "18 seconds", "3 days 2 hours" for messages.
std::string duration_text(std::chrono::seconds span) {
    const long long total = span.count();
    const long long days = total / 86400, hours = total % 86400 / 3600, minutes = total % 3600 / 60,
                    seconds = total % 60;
    const auto part = [](long long n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
    };
    if (days > 0)
        return part(days, "day") + (hours > 0 ? " " + part(hours, "hour") : std::string());
    if (hours > 0)
        return part(hours, "hour") + (minutes > 0 ? " " + part(minutes, "minute") : std::string());
    if (minutes > 0)
        return part(minutes, "minute")
               + (seconds > 0 ? " " + part(seconds, "second") : std::string());
    return part(seconds, "second");
}

class OutlivesIssuer final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions& options,
               FindingSink& sink) const override {
        const Certificate& leaf = device.leaf();
        if (leaf.is_self_issued())
            return;
        const CertificatePtr issuer = issuer_of(device);
        if (!issuer)
            return;
        // Tools that issue a chain in one go with "-days N" (certGen.sh) end each certificate a
        // few seconds after its issuer; that is no real shortfall.
        const auto tolerance =
            std::chrono::seconds(std::max(0LL, options.integer("tolerance-seconds")));
        if (leaf.not_after() <= issuer->not_after() + tolerance)
            return;
        const auto over = std::chrono::duration_cast<std::chrono::seconds>(leaf.not_after()
                                                                           - issuer->not_after());
        sink.report(describe(leaf) + " is valid until " + format_rfc3339(leaf.not_after()) + ", "
                        + duration_text(over) + " after its issuer '" + issuer->label()
                        + "' expires at " + format_rfc3339(issuer->not_after())
                        + "; from then on its chain no longer validates",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.outlives-issuer",
        .title = "Device certificate outlives its issuing CA",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "A path validates only while every certificate in it is within its validity period "
            "(RFC 5280 §4.1.2.5, §6.1.3): once the issuing CA expires, the device certificate "
            "stops authenticating with DPS (401002) even though its own notAfter is later, so its "
            "real lifetime is shorter than it says and renewal plans based on it come too late. "
            "Scripts that issue a whole chain at once with the same lifetime (Azure's certGen.sh: "
            "30 days each) end every certificate seconds after its issuer; such differences, up to "
            "the tolerance, are not reported.",
        .citation = "RFC 5280 §4.1.2.5",
        .fix = "Issue device certificates that end no later than their issuing CA, or renew the CA "
               "(same key and subject) before it expires and re-upload it to DPS.",
        .options =
            {{.name = "tolerance-seconds",
              .type = OptionType::integer,
              .default_value = 86400,
              .description =
                  "how much later than its issuer a device certificate may end before the rule "
                  "fires; certGen.sh-style chains end seconds apart",
              .minimum = 0,
              .maximum = 3153600000}},
        .example = "device certificate valid until 2040 under an intermediate that expires in 2035",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_outlives_issuer() {
    return std::make_unique<device::OutlivesIssuer>();
}

}  // namespace dpslint::rules
