#include "device_support.hpp"

namespace dpslint::rules::device {

namespace {

class SerialInvalid final : public lint::DeviceRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const DeviceContext& device, const RuleOptions&, FindingSink& sink) const override {
        const CertificateFields& f = device.leaf().fields();
        std::vector<std::string> problems;
        if (f.serial_negative)
            problems.push_back("is negative (-0x" + f.serial_hex + ")");
        else if (f.serial_hex == "00")
            problems.push_back("is zero");
        if (f.serial_octets > 20)
            problems.push_back("has " + std::to_string(f.serial_octets)
                               + " octets, more than the 20 allowed");
        if (problems.empty())
            return;
        sink.report(describe(device.leaf()) + " serial number " + join(problems, " and ")
                        + "; RFC 5280 requires a positive serial of at most 20 octets",
                    device.location());
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "device.serial-invalid",
        .title = "Device certificate serial number is not a valid RFC 5280 serial",
        .severity = Severity::warning,
        .inspects = Target::device_certificate,
        .rationale =
            "RFC 5280 §4.1.2.2 requires serial numbers to be positive integers of at most 20 "
            "octets; certificate users may reject others. DPS does not document serial checks, so "
            "this is hygiene that flags a broken issuing process (a zero or negative serial also "
            "breaks revocation by serial number).",
        .citation = "RFC 5280 §4.1.2.2",
        .fix = "Fix the issuing CA to use positive random serials of at most 20 octets (e.g. 16 "
               "random bytes with the top bit clear) and re-issue the certificate.",
        .example = "serial number 0",
    });
};

}  // namespace

}  // namespace dpslint::rules::device

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_device_serial_invalid() {
    return std::make_unique<device::SerialInvalid>();
}

}  // namespace dpslint::rules
