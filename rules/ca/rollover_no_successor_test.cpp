#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::rollover_no_successor_test {

using namespace dpslint::test;

// The demo intermediate (verified, group "fleet") expires 2034-01-01, the verified root 2044-01-01.

namespace {

// A verified record known only by its export (no body): enough to be a successor.
CaRecord bodiless_record(std::string name, std::string subject, TimePoint expiry) {
    CaRecord r = ca_record(std::move(name), certificate("demo/ca/my-root-ca.pem"), true);
    r.certificate.reset();
    r.thumbprint = "00";
    r.subject = std::move(subject);
    r.expiry = expiry;
    return r;
}

}  // namespace

TEST_CASE("ca.rollover-no-successor fires for a verified CA with nothing to take over",
          "[rule][ca.rollover-no-successor]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2033, 11, 1));
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.rollover-no-successor"});
    const auto& f = r.findings[0];
    CHECK(f.severity == Severity::warning);
    CHECK(f.location.ca_name == "my-intermediate-ca");
    CHECK(f.location.json_pointer == "/value/1/properties/expiry");
    CHECK_THAT(f.message, Catch::Contains("in 61 days") && Catch::Contains("'fleet'"));
}

TEST_CASE("ca.rollover-no-successor accepts a verified renewal with the same name",
          "[rule][ca.rollover-no-successor]") {
    Snapshot s = demo_snapshot();
    s.certificates->push_back(bodiless_record(
        "my-intermediate-ca-2", "CN=Contoso IoT Intermediate CA", make_time(2036, 1, 1)));
    renumber(s);
    CHECK(
        run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2033, 11, 1)).findings.empty());

    // Not verified yet, or not outliving the old one: no successor.
    s.certificates->back().is_verified = false;
    CHECK(run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2033, 11, 1)).findings.size()
          == 1);
    s.certificates->back().is_verified = true;
    s.certificates->back().expiry = make_time(2033, 12, 1);
    CHECK(run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2033, 11, 1)).findings.size()
          == 1);
}

TEST_CASE("ca.rollover-no-successor accepts a longer-lived CA in the group's other slot",
          "[rule][ca.rollover-no-successor]") {
    Snapshot s = demo_snapshot();
    s.certificates->push_back(
        bodiless_record("next-ca", "Next Intermediate", make_time(2036, 1, 1)));
    s.groups[0].settings.attestation.x509->ca_reference_secondary = "next-ca";
    renumber(s);
    CHECK(
        run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2033, 11, 1)).findings.empty());
}

TEST_CASE("ca.rollover-no-successor honours the days option and ignores unverified and expired",
          "[rule][ca.rollover-no-successor]") {
    Snapshot s = demo_snapshot();
    CHECK(run_rule("ca.rollover-no-successor", &s, {}, {{"days", 30}}, make_time(2033, 11, 1))
              .findings.empty());
    CHECK(run_rule("ca.rollover-no-successor", &s, {}, {{"days", 400}}, make_time(2033, 1, 1))
              .findings.size()
          == 1);
    CHECK(run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2034, 2, 1)).findings.empty());
    (*s.certificates)[1].is_verified = false;
    CHECK(
        run_rule("ca.rollover-no-successor", &s, {}, {}, make_time(2033, 11, 1)).findings.empty());
}

}  // namespace dpslint::rules::ca::rollover_no_successor_test
