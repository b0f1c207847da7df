#include <algorithm>

#include "dpslint/identifiers.hpp"

#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class CnSanMismatch final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const auto cn = single_cn(device);
        const auto& san = device.leaf().extensions().subject_alt_name;
        if (!cn || !san)
            return;
        std::vector<std::string> dns;
        for (const auto& name : san->names) {
            if (name.type == GeneralNameType::dns)
                dns.push_back(name.value);
        }
        if (dns.empty() || std::any_of(dns.begin(), dns.end(), [&](const std::string& d) {
                return iequals(d, *cn);
            }))
            return;
        sink.report("device certificate CN '" + *cn + "' equals none of its DNS SAN names ("
                        + join(dns, ", ") + "); the .NET provisioning SDK may send '" + dns.front()
                        + "' as registration ID, which does not match the CN DPS expects",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.cn-san-mismatch",
        .title = "Device certificate DNS SAN names differ from its CN",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "DPS requires the registration ID the device sends to equal the subject CN. The .NET "
            "provisioning SDK derives the registration ID with GetNameInfo(DnsName), which prefers "
            "a subjectAltName dNSName over the CN, so a certificate whose DNS SAN names all differ "
            "from its CN can make the device send a registration ID DPS rejects.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix = "Issue the device certificate without DNS SAN names, or with one equal to the CN; "
               "or set "
               "the registration ID explicitly in the device code.",
        .example = "CN 'san-device-01' with subjectAltName DNS:gateway-7.example.com",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_cn_san_mismatch() {
    return std::make_unique<device::CnSanMismatch>();
}

}  // namespace dpslint::rules
