// What DPS would decide, rule by rule (issue: attestation simulation, rules 1-5).
#include "dpslint/attestation.hpp"

#include <cctype>

#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

namespace attestation_test {

namespace {

const TimePoint at = make_time(2030, 6, 1);

// root (verified) -> production (verified) -> leaves; both uploaded as CA files.
Snapshot pki_snapshot(bool production_verified = true, bool root_verified = true) {
    Snapshot s = empty_snapshot();
    const auto root = certificate("pki/ca/root.pem");
    const auto production = certificate("pki/ca/production.pem");
    s.certificates->push_back(ca_record("root", root, root_verified));
    s.certificates->push_back(ca_record("production", production, production_verified));
    s.ca_files.push_back(ca_file(root));
    s.ca_files.push_back(ca_file(production));
    s.linked_hubs->push_back(linked_hub("hub-a.azure-devices.net", "eastus"));
    s.linked_hubs->push_back(linked_hub("hub-b.azure-devices.net", "westeurope", 3));
    return s;
}

Device device(const std::string& file, std::vector<std::string> presented_files = {}) {
    const auto certs = certificates(file);
    Device d{file, certs.front(), {certs.begin() + 1, certs.end()}};
    for (const auto& p : presented_files) {
        for (const auto& c : certificates(p))
            d.presented.push_back(c);
    }
    return d;
}

AttestationResult decide(Snapshot& s, const Device& d, TimePoint when = at) {
    renumber(s);
    AttestationOptions options;
    options.at = when;
    return AttestationSimulator(s, backend(), options).decide(d);
}

std::vector<std::string> ids(const AttestationResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        out.push_back(f.id);
    return out;
}

const std::string leaf = "pki/leaves/valid-p256.pem";
const std::string production = "pki/ca/production.pem";

EnrollmentGroup disabled(EnrollmentGroup g) {
    g.settings.enabled = false;
    g.settings.provisioning_status_raw = "disabled";
    return g;
}

}  // namespace

TEST_CASE("rule 1: the registration ID is the CN and must be valid", "[attestation]") {
    Snapshot s = demo_snapshot();
    const auto r = decide(s, device("demo/devices/sensor-bad-cn.pem"));
    CHECK(r.decision == Decision::rejected);
    CHECK(r.reason_code == 400004);
    CHECK(r.registration_id == "Sensor 42");
    CHECK(ids(r) == std::vector<std::string>{"attestation.registration-id-invalid"});
    CHECK_FALSE(r.enrollment.has_value());
}

TEST_CASE("rule 2: an individual enrollment decides before any group", "[attestation]") {
    Snapshot s = pki_snapshot();
    s.groups.push_back(x509_group("prod", "production"));
    const auto leaf_cert = certificate(leaf);

    SECTION("disabled individual enrollment blocks although a group matches") {
        auto ie = x509_individual("valid-p256", leaf_cert);
        ie.settings.enabled = false;
        s.individuals->push_back(ie);
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::blocked);
        REQUIRE(r.enrollment);
        CHECK(r.enrollment->kind == "individual");
        CHECK(r.enrollment->id == "valid-p256");
        CHECK(ids(r) == std::vector<std::string>{"attestation.individual-disabled"});
    }
    SECTION("a symmetric-key entry with the registration ID rejects an X.509 device") {
        s.individuals->push_back(symmetric_key_individual("valid-p256"));
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::rejected);
        CHECK(r.reason_code == 401002);
        CHECK(ids(r) == std::vector<std::string>{"attestation.individual-not-x509"});
    }
    SECTION("a certificate that matches neither client certificate is rejected") {
        s.individuals->push_back(
            x509_individual("valid-p256", certificate("pki/leaves/valid-p384.pem")));
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::rejected);
        CHECK(ids(r) == std::vector<std::string>{"attestation.individual-thumbprint-mismatch"});
    }
    SECTION("an enabled matching entry provisions with its own device ID and hub") {
        auto ie = x509_individual("valid-p256", leaf_cert);
        ie.device_id = "sensor-7";
        ie.settings.allocation_policy = AllocationPolicy::static_hub;
        ie.settings.iot_hubs = {"hub-b.azure-devices.net"};
        s.individuals->push_back(ie);
        const auto r = decide(s, device(leaf));  // no chain needed for an individual enrollment
        CHECK(r.decision == Decision::provisioned);
        CHECK(r.reason_code == 200);
        CHECK(r.enrollment->kind == "individual");
        CHECK(r.device_id == "sensor-7");
        CHECK(r.chosen_hub == std::optional<std::string>("hub-b.azure-devices.net"));
    }
    SECTION("deleting the entry lets the device fall through to the group") {
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::provisioned);
        CHECK(r.enrollment->kind == "group");
        CHECK(r.enrollment->id == "prod");
    }
}

TEST_CASE("rule 2: an upper-case CN matches a lower-case individual enrollment", "[attestation]") {
    const std::string file = "rules/device/uppercase-cn.pem";
    const auto leaf_cert = certificate(file);
    Snapshot s = empty_snapshot();
    s.linked_hubs->push_back(linked_hub("hub-a.azure-devices.net", "eastus"));
    std::string lower = leaf_cert->subject().common_names().front();
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    REQUIRE(lower != leaf_cert->subject().common_names().front());
    s.individuals->push_back(x509_individual(lower, leaf_cert));
    const auto r = decide(s, device(file), make_time(2027, 1, 1));  // the fixture ends in 2030
    CHECK(r.decision == Decision::provisioned);
    CHECK(r.enrollment->id == lower);
    CHECK(r.registration_id == leaf_cert->subject().common_names().front());
}

TEST_CASE("rule 3: the first group on the chain decides, without fall-through", "[attestation]") {
    Snapshot s = pki_snapshot();
    s.groups.push_back(x509_group("root-group", "root"));

    SECTION("a disabled intermediate group blocks although the root group is enabled") {
        s.groups.push_back(disabled(x509_group("prod", "production")));
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::blocked);
        CHECK(r.enrollment->id == "prod");
        CHECK(ids(r) == std::vector<std::string>{"attestation.group-disabled"});
    }
    SECTION("with the intermediate group deleted the root group decides") {
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::provisioned);
        CHECK(r.enrollment->id == "root-group");
        CHECK(r.device_id == "valid-p256");
    }
}

TEST_CASE("rule 3: verified CAs and the chain the device presents", "[attestation]") {
    SECTION("group on an intermediate verified only through a verified root the device presents") {
        Snapshot s = pki_snapshot(/*production_verified=*/false);
        s.groups.push_back(x509_group("prod", "production"));
        const auto r = decide(s, device(leaf, {production, "pki/ca/root.pem"}));
        CHECK(r.decision == Decision::provisioned);
        CHECK(r.enrollment->id == "prod");
    }
    SECTION("the device omits the unverified intermediate: rejected") {
        Snapshot s = pki_snapshot(/*production_verified=*/false);
        s.groups.push_back(x509_group("prod", "production"));
        const auto r = decide(s, device(leaf));
        CHECK(r.decision == Decision::rejected);
        CHECK(r.reason_code == 401002);
        CHECK(ids(r) == std::vector<std::string>{"attestation.chain-incomplete"});
    }
    SECTION("the device omits an intermediate DPS does not have: no group is reached") {
        Snapshot s = pki_snapshot();
        // production's body unknown: neither in ca/ nor in its record
        s.ca_files.erase(s.ca_files.begin() + 1);
        (*s.certificates)[1].certificate = nullptr;
        (*s.certificates)[1].certificate_file.clear();
        s.groups.push_back(x509_group("prod", "production"));
        const auto r = decide(s, device(leaf));
        CHECK(r.decision == Decision::rejected);
        CHECK(ids(r) == std::vector<std::string>{"attestation.no-enrollment"});
    }
    SECTION("nothing verified to roll up to: rejected") {
        Snapshot s = pki_snapshot(false, false);
        s.groups.push_back(x509_group("prod", "production"));
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::rejected);
        CHECK(ids(r) == std::vector<std::string>{"attestation.ca-unverified"});
    }
    SECTION(
        "an expired intermediate fails path validation: rejected with the validator's findings") {
        Snapshot s = pki_snapshot();
        const auto expired = certificate("pki/ca/expired-intermediate.pem");
        s.certificates->push_back(ca_record("expired", expired, true));
        s.ca_files.push_back(ca_file(expired));
        s.groups.push_back(x509_group("old", "expired"));
        const auto r = decide(
            s, device("pki/leaves/expired-intermediate.pem", {"pki/ca/expired-intermediate.pem"}));
        CHECK(r.decision == Decision::rejected);
        CHECK(r.reason_code == 401002);
        CHECK(ids(r) == std::vector<std::string>{"chain.expired"});
        CHECK(r.findings[0].location.path_position == std::optional<std::size_t>(1));
    }
    SECTION("an inline signing certificate matches like a reference") {
        Snapshot s = pki_snapshot();
        s.groups.push_back(inline_group("inline", certificate(production)));
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::provisioned);
        CHECK(r.enrollment->id == "inline");
    }
}

TEST_CASE("rule 4: nothing matches", "[attestation]") {
    Snapshot s = demo_snapshot();
    const auto r = decide(s, device("demo/devices/rogue-device.pem"));
    CHECK(r.decision == Decision::rejected);
    CHECK_FALSE(r.enrollment.has_value());
    CHECK(ids(r) == std::vector<std::string>{"attestation.no-enrollment"});
}

TEST_CASE("rule 5: allocation outcome of a provisioned device", "[attestation]") {
    Snapshot s = pki_snapshot();
    auto group = x509_group("prod", "production");
    group.settings.initial_twin = nlohmann::json::parse(R"({"tags":{"env":"prod"}})");
    group.settings.iot_edge = true;
    s.groups.push_back(group);

    SECTION("service default hashed over every linked hub, with weights") {
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.allocation_policy == std::optional(AllocationPolicy::hashed));
        CHECK(r.allocation_policy_from_service);
        REQUIRE(r.hubs.size() == 2);
        CHECK(r.hubs[1].name == "hub-b.azure-devices.net");
        CHECK(r.hubs[1].weight == 3);
        CHECK_FALSE(r.chosen_hub.has_value());
        REQUIRE(r.initial_twin != nullptr);
        CHECK(*r.initial_twin == *group.settings.initial_twin);
        CHECK(r.iot_edge);
        CHECK(r.reprovision_policy.has_value());
    }
    SECTION("a hub with applyAllocationPolicy=false is left out") {
        (*s.linked_hubs)[0].apply_allocation_policy = false;
        const auto r = decide(s, device(leaf, {production}));
        REQUIRE(r.hubs.size() == 1);
        CHECK(r.hubs[0].name == "hub-b.azure-devices.net");
    }
    SECTION("static to a named hub is determined") {
        s.groups[0].settings.allocation_policy = AllocationPolicy::static_hub;
        s.groups[0].settings.iot_hubs = {"HUB-A.azure-devices.net"};
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.chosen_hub == std::optional<std::string>("hub-a.azure-devices.net"));
        CHECK_FALSE(r.allocation_policy_from_service);
    }
    SECTION("a named hub that is not linked leaves nothing to assign: rejected") {
        s.groups[0].settings.iot_hubs = {"hub-x.azure-devices.net"};
        const auto r = decide(s, device(leaf, {production}));
        CHECK(r.decision == Decision::rejected);
        CHECK(r.reason_code == 400);
        CHECK(ids(r)
              == std::vector<std::string>{"attestation.hub-not-linked",
                                          "attestation.no-eligible-hub"});
    }
}

}  // namespace attestation_test
