#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::unused_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2026, 12, 1);

Snapshot with_customer_a() {
    Snapshot s = demo_snapshot();
    const auto c = certificate("demo/ca/customer-a-intermediate-ca.pem");
    s.certificates->push_back(ca_record("customer-a", c));
    s.ca_files.push_back(ca_file(c));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("ca.unused fires on a record no group uses", "[rule][ca.unused]") {
    const Snapshot s = with_customer_a();
    const auto r = run_rule("ca.unused", &s, {}, {}, at);
    REQUIRE(r.applicable);
    // The root is not referenced but the referenced intermediate rolls up to it: in use.
    REQUIRE(r.ids() == std::vector<std::string>{"ca.unused"});
    CHECK(r.findings[0].severity == Severity::notice);
    CHECK(r.findings[0].location.ca_name == "customer-a");
    CHECK(r.findings[0].location.json_pointer == "/value/2");
}

TEST_CASE("ca.unused compares thumbprints only when a record's body is missing",
          "[rule][ca.unused]") {
    Snapshot s = with_customer_a();
    auto& record = (*s.certificates)[2];
    record.certificate = nullptr;
    record.certificate_file.clear();
    s.ca_files.pop_back();
    auto r = run_rule("ca.unused", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.unused"});
    CHECK(r.findings[0].location.ca_name == "customer-a");
    CHECK(r.findings[0].message.find("only thumbprints") != std::string::npos);

    // An inline group whose signing certificate has the record's thumbprint uses it.
    s.groups.push_back(
        inline_group("customer-a", certificate("demo/ca/customer-a-intermediate-ca.pem")));
    renumber(s);
    r = run_rule("ca.unused", &s, {}, {}, at);
    CHECK(r.findings.empty());
}

TEST_CASE("ca.unused is silent when every record is used", "[rule][ca.unused]") {
    const Snapshot s = demo_snapshot();
    const auto r = run_rule("ca.unused", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("ca.unused is silent on the verified root an inline-certificate group rolls up to",
          "[rule][ca.unused]") {
    // The intermediate is on the group inline, never uploaded; the root record is verified.
    const auto root = certificate("demo/ca/my-root-ca.pem");
    const auto intermediate = certificate("demo/ca/customer-a-intermediate-ca.pem");

    SECTION("the export has the inline certificate as info only") {
        Snapshot s = empty_snapshot();
        s.certificates->push_back(ca_record("root", root));
        s.ca_files.push_back(ca_file(root));
        s.groups.push_back(inline_group("inline-a", intermediate));
        auto& entry = *s.groups[0].settings.attestation.x509->signing_primary;
        entry.certificate = nullptr;
        entry.info->issuer_name = "CN=Contoso IoT Root CA, O=Contoso, C=US";  // .NET form
        renumber(s);
        const auto r = run_rule("ca.unused", &s, {}, {}, at);
        REQUIRE(r.applicable);
        CHECK(r.findings.empty());
    }
    SECTION("the root record has no body, only its exported subject") {
        Snapshot s = empty_snapshot();
        s.certificates->push_back(ca_record("root", root));
        (*s.certificates)[0].certificate = nullptr;
        (*s.certificates)[0].subject = "Contoso IoT Root CA";
        s.groups.push_back(inline_group("inline-a", intermediate));
        renumber(s);
        const auto r = run_rule("ca.unused", &s, {}, {}, at);
        CHECK(r.findings.empty());
    }
}

}  // namespace dpslint::rules::ca::unused_test
