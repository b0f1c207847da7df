#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::device::chain_incomplete_test {

using namespace dpslint::test;

namespace {
// The demo snapshot plus a group on the (unverified, uploaded) Customer A intermediate, whose
// device customer-a-0002 presents no intermediate.
Snapshot customer_a_snapshot() {
    Snapshot s = demo_snapshot();
    const auto intermediate = certificate("demo/ca/customer-a-intermediate-ca.pem");
    s.certificates->push_back(ca_record("customer-a-ca", intermediate, false));
    s.ca_files.push_back(ca_file(intermediate));
    s.groups.push_back(x509_group("customer-a", "customer-a-ca"));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("device.chain-incomplete fires when the device omits its intermediate",
          "[rule][device.chain-incomplete]") {
    const Snapshot s = customer_a_snapshot();
    const std::string file = "demo/devices/customer-a-0002.pem";
    const auto r = run_rule("device.chain-incomplete", &s, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"device.chain-incomplete"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::error);
    CHECK(f.location.file == file);
    CHECK(f.location.subject == "CN=customer-a-0002");
    CHECK(f.location.registration_id == "customer-a-0002");
    CHECK(f.location.sha256 == certificate(file)->sha256());
    CHECK(f.location.enrollment_id == "customer-a");
    CHECK_THAT(f.message, Catch::Contains("does not present CN=Customer A Intermediate CA")
                              && Catch::Contains("401002"));
}

TEST_CASE("device.chain-incomplete fires when nothing in the chain is verified",
          "[rule][device.chain-incomplete]") {
    Snapshot s = demo_snapshot();
    for (auto& record : *s.certificates)
        record.is_verified = false;
    const std::string file = "demo/devices/device-1.pem";
    const auto r = run_rule("device.chain-incomplete", &s, {file}, {}, make_time(2027, 1, 1));
    REQUIRE(r.ids() == std::vector<std::string>{"device.chain-incomplete"});
    CHECK(r.findings[0].location.file == file);
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK_THAT(r.findings[0].message, Catch::Contains("verified DPS certificate"));
}

TEST_CASE("device.chain-incomplete is silent for a device that presents its chain",
          "[rule][device.chain-incomplete]") {
    const Snapshot s = customer_a_snapshot();
    const auto r = run_rule("device.chain-incomplete", &s,
                            {"demo/devices/device-1.pem", "demo/devices/customer-a-0001.pem"}, {},
                            make_time(2027, 1, 1));
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::device::chain_incomplete_test
