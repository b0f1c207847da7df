#include <catch2/catch.hpp>

#include "dpslint/identifiers.hpp"

#include "support/rule_harness.hpp"

namespace dpslint::rules::ca::thumbprint_mismatch_test {

using namespace dpslint::test;

namespace {
const TimePoint at = make_time(2030, 6, 1);

// Record 'production' as uploaded (production.pem) while ca/ holds a different certificate with
// the same subject (impostor-production.pem), unpaired.
Snapshot reissued(bool keep_uploaded_body) {
    Snapshot s = empty_snapshot();
    const auto uploaded = certificate("pki/ca/production.pem");
    const auto local = certificate("pki/ca/impostor-production.pem");
    auto record = ca_record("production", uploaded);
    if (!keep_uploaded_body) {
        record.certificate = nullptr;
        record.certificate_file.clear();
    } else {
        s.ca_files.push_back(ca_file(uploaded));
    }
    s.certificates->push_back(record);
    s.ca_files.push_back(CaFile{"snapshot/ca/production-new.pem", local, false});
    s.groups.push_back(x509_group("fleet", "production"));
    renumber(s);
    return s;
}
}  // namespace

TEST_CASE("ca.thumbprint-mismatch fires when the local CA file is not the uploaded one",
          "[rule][ca.thumbprint-mismatch]") {
    Snapshot s = reissued(false);
    for (const std::string subject :
         {"dpslint Production Intermediate CA", "CN=dpslint Production Intermediate CA",
          "CN=dpslint Production Intermediate CA, O=dpslint Test, C=US"}) {
        (*s.certificates)[0].subject = subject;
        const auto r = run_rule("ca.thumbprint-mismatch", &s, {}, {}, at);
        REQUIRE(r.applicable);
        REQUIRE(r.ids() == std::vector<std::string>{"ca.thumbprint-mismatch"});
        CHECK(r.findings[0].severity == Severity::error);
        CHECK(r.findings[0].location.file == "certificates.json");
        CHECK(r.findings[0].location.ca_name == "production");
        CHECK(r.findings[0].location.json_pointer == "/value/0/properties/thumbprint");
        CHECK(r.findings[0].message.find("snapshot/ca/production-new.pem") != std::string::npos);
    }
}

TEST_CASE("ca.thumbprint-mismatch is a warning when the record has its own file too",
          "[rule][ca.thumbprint-mismatch]") {
    const Snapshot s = reissued(true);
    const auto r = run_rule("ca.thumbprint-mismatch", &s, {}, {}, at);
    REQUIRE(r.ids() == std::vector<std::string>{"ca.thumbprint-mismatch"});
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].location.ca_name == "production");
}

TEST_CASE("ca.thumbprint-mismatch fires on a thumbprint that is not 40 hex characters",
          "[rule][ca.thumbprint-mismatch]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[0].thumbprint = "ABC123";
    (*s.certificates)[1].thumbprint = (*s.certificates)[1].certificate->sha256();
    const auto r = run_rule("ca.thumbprint-mismatch", &s, {}, {}, at);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].location.ca_name == "my-root-ca");
    CHECK(r.findings[0].location.json_pointer == "/value/0/properties/thumbprint");
    CHECK(r.findings[0].severity == Severity::error);
    CHECK(r.findings[1].location.ca_name == "my-intermediate-ca");
    CHECK(r.findings[1].message.find("SHA-256") != std::string::npos);
}

TEST_CASE("ca.thumbprint-mismatch is silent when files and records agree",
          "[rule][ca.thumbprint-mismatch]") {
    Snapshot s = demo_snapshot();
    (*s.certificates)[1].thumbprint = ascii_lower((*s.certificates)[1].thumbprint);
    // Separators are tolerated: the value is still the SHA-1.
    std::string& root = (*s.certificates)[0].thumbprint;
    for (std::size_t i = 38; i > 0; i -= 2)
        root.insert(i, ":");
    const auto r = run_rule("ca.thumbprint-mismatch", &s, {}, {}, at);
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

}  // namespace dpslint::rules::ca::thumbprint_mismatch_test
