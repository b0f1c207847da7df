// Which inputs a rule needs is data (RuleMetadata::needs, plus what its scope implies) and the
// engine decides applicability from it. This table pins every rule's needs and checks, through the
// real Linter, that each rule applies to a full input and to no input that lacks one of them.

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "dpslint_rules/registry.hpp"
#include "support/rule_harness.hpp"

namespace dpslint::lint {

namespace {

using test::run_rule_with_crls;

// Every rule that needs more than its scope implies. Any other rule must declare no needs.
const std::map<std::string, std::vector<InputPart>> pinned_needs = {
    {"allocation.geolatency-single-region", {InputPart::linked_hubs}},
    {"allocation.hashed-single-hub", {InputPart::linked_hubs}},
    {"allocation.hub-not-linked", {InputPart::linked_hubs}},
    {"allocation.no-eligible-hub", {InputPart::linked_hubs}},
    {"allocation.service-default-static", {InputPart::service_settings}},
    {"allocation.weight-range", {InputPart::linked_hubs}},
    {"ca.body-missing", {InputPart::ca_records}},
    {"ca.duplicate", {InputPart::ca_records}},
    {"ca.expired", {InputPart::ca_records}},
    {"ca.expiring-soon", {InputPart::ca_records}},
    {"ca.limit", {InputPart::ca_records}},
    {"ca.not-a-ca", {InputPart::ca_records}},
    {"ca.rollover-no-successor", {InputPart::ca_records}},
    {"ca.revoked", {InputPart::revocation}},
    {"ca.thumbprint-mismatch", {InputPart::ca_records}},
    {"ca.unused", {InputPart::ca_records}},
    {"ca.unverified", {InputPart::ca_records}},
    {"ca.weak-key", {InputPart::ca_records}},
    {"ca.weak-signature", {InputPart::ca_records}},
    {"device.blocked", {InputPart::snapshot}},
    {"device.chain-incomplete", {InputPart::snapshot}},
    {"device.no-enrollment", {InputPart::snapshot}},
    {"device.revoked-but-provisions", {InputPart::snapshot, InputPart::revocation}},
    {"diff.devices-change-enrollment", {InputPart::change}},
    {"diff.devices-change-hub", {InputPart::change}},
    {"diff.devices-change-reprovision", {InputPart::change}},
    {"diff.devices-change-twin", {InputPart::change}},
    {"diff.devices-gain-provisioning", {InputPart::change}},
    {"diff.devices-lose-provisioning", {InputPart::change}},
    {"diff.expected-loss", {InputPart::change}},
    {"diff.group-moved-to-root", {InputPart::change}},
    {"enrollment.ca-missing", {InputPart::ca_records}},
    {"enrollment.ca-unverified", {InputPart::ca_records}},
    {"individual.blocklist-no-effect", {InputPart::individual_enrollments, InputPart::devices}},
    {"individual.certificate-expired", {InputPart::individual_enrollments}},
    {"individual.device-id-invalid", {InputPart::individual_enrollments}},
    {"individual.duplicate-registration-id", {InputPart::individual_enrollments}},
    {"individual.mixed-case-id", {InputPart::individual_enrollments}},
    {"individual.overrides-group", {InputPart::individual_enrollments}},
    {"individual.primary-expiring-no-secondary", {InputPart::individual_enrollments}},
    {"individual.registration-id-cn-mismatch", {InputPart::individual_enrollments}},
    {"individual.registration-id-invalid", {InputPart::individual_enrollments}},
};

// One input: the demo snapshot (with CA certificates), a device and a CRL, some parts left out.
struct Variant {
    const char* name = "";
    std::set<InputPart> missing = {};
    bool snapshot = true;
    bool devices = true;
    bool crls = true;
    bool ca_certificates = true;  // the snapshot's CA files and inline group certificates
    std::function<void(Snapshot&)> edit = [](Snapshot&) {
    };
};

const std::set<InputPart> snapshot_parts = {
    InputPart::snapshot, InputPart::service_settings, InputPart::ca_records,
    InputPart::individual_enrollments, InputPart::linked_hubs};

std::set<InputPart> with(std::set<InputPart> parts, InputPart part) {
    parts.insert(part);
    return parts;
}

const std::vector<Variant> variants = {
    {.name = "everything"},
    {.name = "no snapshot", .missing = snapshot_parts, .snapshot = false, .ca_certificates = false},
    {.name = "no dps.json",
     .missing = {InputPart::service_settings},
     .edit =
         [](Snapshot& s) {
             s.service.reset();
         }},
    {.name = "no certificates.json",
     .missing = {InputPart::ca_records},
     .edit =
         [](Snapshot& s) {
             s.certificates.reset();
         }},
    {.name = "no enrollments.json",
     .missing = {InputPart::individual_enrollments},
     .edit =
         [](Snapshot& s) {
             s.individuals.reset();
         }},
    {.name = "no linked hubs",
     .missing = {InputPart::linked_hubs},
     .edit =
         [](Snapshot& s) {
             s.linked_hubs.reset();
         }},
    {.name = "no devices", .missing = {InputPart::devices}, .devices = false},
    {.name = "no CRLs", .missing = {InputPart::revocation}, .crls = false},
    {.name = "neither snapshot nor devices",
     .missing = with(snapshot_parts, InputPart::devices),
     .snapshot = false,
     .devices = false,
     .ca_certificates = false},
    {.name = "an empty snapshot and no devices",
     .missing = {InputPart::devices},
     .devices = false,
     .ca_certificates = false,
     .edit =
         [](Snapshot& s) {
             s = test::empty_snapshot();
         }},
};

// What a rule's scope needs: a certificate rule needs device certificates or the snapshot's CA
// certificates, so only losing both makes it inapplicable.
bool scope_present(Scope scope, const Variant& variant) {
    switch (scope) {
        case Scope::snapshot:
            return variant.snapshot;
        case Scope::device:
        case Scope::batch:
            return variant.devices;
        case Scope::certificate:
            break;
    }
    return variant.devices || variant.ca_certificates;
}

}  // namespace

TEST_CASE("every rule declares the input parts it needs as pinned", "[rule][applicability]") {
    for (const Rule* rule : rules::registry()) {
        const auto& m = rule->metadata();
        INFO(m.id);
        const auto it = pinned_needs.find(m.id);
        CHECK(m.needs == (it == pinned_needs.end() ? std::vector<InputPart>{} : it->second));
    }
    for (const auto& [id, needs] : pinned_needs) {
        INFO(id);
        CHECK(rules::find_rule(id) != nullptr);
    }
}

TEST_CASE("a rule applies exactly when its scope and every declared need are in the input",
          "[rule][applicability]") {
    const std::vector<std::string> device = {"demo/devices/device-1.pem"};
    const std::vector<std::string> crl = {"demo/revocation/crl/field-root-ca.crl.pem"};
    for (const auto& variant : variants) {
        Snapshot snapshot = test::demo_snapshot();
        variant.edit(snapshot);
        if (variant.missing.count(InputPart::linked_hubs) != 0 && variant.snapshot)
            REQUIRE(snapshot.known_linked_hubs() == nullptr);
        for (const Rule* rule : rules::registry()) {
            const auto& m = rule->metadata();
            INFO(variant.name << ": " << m.id);
            const bool expected =
                scope_present(rule->scope(), variant)
                && std::none_of(m.needs.begin(), m.needs.end(), [&](InputPart part) {
                       // No lint input has a change: the diff.* rules are `dpslint diff`'s.
                       return part == InputPart::change || variant.missing.count(part) != 0;
                   });
            const auto result =
                run_rule_with_crls(m.id, variant.snapshot ? &snapshot : nullptr,
                                   variant.devices ? device : std::vector<std::string>{},
                                   variant.crls ? crl : std::vector<std::string>{});
            CHECK(result.applicable == expected);
        }
    }
}

TEST_CASE("input parts have stable names for docs", "[rule][applicability]") {
    CHECK(to_string(InputPart::ca_records) == "ca-records");
    CHECK(to_string(InputPart::revocation) == "revocation");
    CHECK(to_string(OptionType::string_list) == "string-list");
}

}  // namespace dpslint::lint
