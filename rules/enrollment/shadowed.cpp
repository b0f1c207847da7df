#include <set>
#include <tuple>

#include "dpslint/thumbprint.hpp"

#include "enrollment/enrollment_support.hpp"

namespace dpslint::rules::enrollment {

namespace {

const lint::GroupCa* slot_on(const lint::GroupView& group, const Certificate& certificate) {
    for (const auto& ca : group.cas) {
        if (ca.certificate ? ca.certificate->sha256() == certificate.sha256()
                           : same_thumbprint(ca.sha1, certificate.sha1()))
            return &ca;
    }
    return nullptr;
}

class Shadowed final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        std::set<std::tuple<const lint::GroupView*, const lint::GroupView*, std::string>> seen;
        for (const auto& lower : context.groups()) {
            if (!is_x509(lower))
                continue;
            for (const auto& lower_ca : lower.cas) {
                if (!lower_ca.certificate)
                    continue;
                for (const auto& above : context.issuers_above(*lower_ca.certificate)) {
                    for (const lint::GroupView* upper : context.groups_using(*above)) {
                        if (upper == &lower)
                            continue;
                        if (!seen.emplace(upper, &lower, lower_ca.certificate->sha256()).second)
                            continue;
                        const lint::GroupCa* upper_ca = slot_on(*upper, *above);
                        report(context, *upper, upper_ca, *above, lower, lower_ca, sink);
                    }
                }
            }
        }
    }

private:
    static void report(const LintContext& context, const lint::GroupView& upper,
                       const lint::GroupCa* upper_ca, const Certificate& upper_certificate,
                       const lint::GroupView& lower, const lint::GroupCa& lower_ca,
                       FindingSink& sink) {
        const std::string upper_name =
            upper_ca != nullptr ? ca_name(*upper_ca) : "'" + upper_certificate.label() + "'";
        std::string message = "enrollment group '" + upper.group->id + "' on " + upper_name
                              + " is never reached by devices under the intermediate "
                              + ca_name(lower_ca) + ": enrollment group '" + lower.group->id
                              + "' on that intermediate decides for them first";
        if (!lower.group->settings.enabled)
            message += " and, being disabled, blocks them (DPS does not fall through)";
        if (context.has_devices() && !context.devices().empty()) {
            std::size_t captured = 0;
            for (const auto& device : context.devices()) {
                if (device.attestation && device.attestation->enrollment
                    && device.attestation->enrollment->kind == "group"
                    && device.attestation->enrollment->id == lower.group->id)
                    ++captured;
            }
            message += "; it captures " + std::to_string(captured) + " of the "
                       + plural(context.devices().size(), "given device", "given devices");
        }
        Location location = upper_ca != nullptr ? ca_location(upper, *upper_ca) : upper.location();
        sink.report(std::move(message), std::move(location));
    }

    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "enrollment.shadowed",
        .title = "Enrollment group is hidden from a sub-CA's devices by a group lower in the chain",
        .severity = Severity::warning,
        .inspects = Target::enrollment_group,
        .rationale =
            "DPS walks a device's chain from the leaf's issuer upwards and applies the first "
            "enrollment group it finds, enabled or disabled. A group on a lower CA issued by the "
            "upper group's CA therefore decides for every device under that CA: the upper group's "
            "allocation, twin and hubs never apply to them, and a disabled lower group blocks them "
            "instead of letting them fall through. This is often intended (per-line settings); it "
            "is a mistake when the upper group was meant to cover everything.",
        .citation = std::string(citation::dps_x509_attestation),
        .fix =
            "If the devices under the lower CA should get the upper group's settings, delete the "
            "lower group (deleting, unlike disabling, lets them fall through) or give it the same "
            "settings; otherwise suppress this finding for the pair.",
        .example = "group 'all' on the root CA and group 'fleet' on an intermediate it issued",
    });
};

}  // namespace

}  // namespace dpslint::rules::enrollment

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_enrollment_shadowed() {
    return std::make_unique<enrollment::Shadowed>();
}

}  // namespace dpslint::rules
