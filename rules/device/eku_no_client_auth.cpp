#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

std::string eku_name(const std::string& oid) {
    if (oid == "1.3.6.1.5.5.7.3.1")
        return "serverAuth";
    if (oid == "1.3.6.1.5.5.7.3.3")
        return "codeSigning";
    if (oid == "1.3.6.1.5.5.7.3.4")
        return "emailProtection";
    if (oid == "1.3.6.1.5.5.7.3.8")
        return "timeStamping";
    if (oid == "1.3.6.1.5.5.7.3.9")
        return "OCSPSigning";
    return oid;
}

class EkuNoClientAuth final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto& eku = device.leaf().extensions().extended_key_usage;
        if (!eku || eku->allows_client_auth())
            return;
        std::vector<std::string> names;
        for (const auto& oid : eku->oids)
            names.push_back(eku_name(oid));
        sink.report(describe(device.leaf())
                        + " has an extended key usage without clientAuth ("
                        + (names.empty() ? std::string("empty") : join(names, ", "))
                        + "); DPS does not require clientAuth, but TLS client stacks may refuse "
                          "the certificate for client authentication",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.eku-no-client-auth",
        .title = "Device certificate EKU does not allow TLS client auth",
        .severity = Severity::notice,
        .inspects = Target::device_certificate,
        .rationale =
            "When extendedKeyUsage is present the certificate may only be used for the purposes it "
            "lists (RFC 5280 §4.2.1.12). DPS documents no EKU requirement and Microsoft's own test "
            "tooling issues serverAuth-only device certificates that provision, so this is "
            "hygiene, not a provisioning failure; but device TLS stacks that check purpose may "
            "refuse to present such a certificate as a client.",
        .citation = "RFC 5280 §4.2.1.12",
        .fix = "Issue device certificates with extendedKeyUsage clientAuth (or without the "
               "extension).",
        .example = "extendedKeyUsage serverAuth only",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_eku_no_client_auth() {
    return std::make_unique<device::EkuNoClientAuth>();
}

}  // namespace dpslint::rules
