#pragma once

// Minimal fixtures for rule tests: a snapshot built in code, real certificates from testdata,
// and one rule run over them through the real engine.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/rule.hpp"
#include "dpslint/snapshot.hpp"

namespace dpslint::test {

// The OpenSSL backend, shared by rule tests.
const CryptoBackend& backend();

// The certificates of a testdata file ("demo/ca/my-root-ca.pem", "pki/leaves/expired.pem").
std::vector<CertificatePtr> certificates(std::string_view testdata_relative);
CertificatePtr certificate(std::string_view testdata_relative);  // the first one

// A snapshot with every part present and empty: dps.json (Hashed), no hubs, no records, no
// groups, no individual enrollments.
Snapshot empty_snapshot();

// Builders; each sets a SourceRef like the loader would ("enrollment-groups.json", "/<index>").
CaRecord ca_record(std::string name, const CertificatePtr& certificate, bool verified = true);
CaFile ca_file(const CertificatePtr& certificate);
EnrollmentGroup x509_group(std::string id, std::string ca_reference);
EnrollmentGroup inline_group(std::string id, const CertificatePtr& signing_certificate);
IndividualEnrollment x509_individual(std::string registration_id, const CertificatePtr& client);
IndividualEnrollment symmetric_key_individual(std::string registration_id);
LinkedHub linked_hub(std::string name, std::string location, std::optional<int> weight = {},
                     std::optional<bool> apply_allocation_policy = {});

// Re-numbers every SourceRef pointer by position (call after editing the vectors).
void renumber(Snapshot& snapshot);

// The demo PKI as a snapshot: verified root + my-intermediate-ca records and files, one enabled
// group "fleet" on the intermediate, two linked hubs.
Snapshot demo_snapshot();

struct RuleResult {
    bool applicable = false;
    std::vector<Finding> findings;

    std::vector<std::string> ids() const;
};

// Runs the registered rule `id` (default options overlaid with `options`) over a context made of
// `snapshot` (may be null) and `devices` (each a testdata file: first certificate is the leaf,
// the rest its presented chain), evaluated at `at`.
RuleResult run_rule(std::string_view id, const Snapshot* snapshot,
                    const std::vector<std::string>& devices = {},
                    const nlohmann::json& options = nlohmann::json::object(),
                    TimePoint at = make_time(2026, 12, 1));

// As run_rule, with revocation checking (--crl) against these testdata CRL files; their issuers
// are looked up among the snapshot's CA certificates.
RuleResult run_rule_with_crls(std::string_view id, const Snapshot* snapshot,
                              const std::vector<std::string>& devices,
                              const std::vector<std::string>& crl_files,
                              const nlohmann::json& options = nlohmann::json::object(),
                              TimePoint at = make_time(2026, 12, 1));

// A committed snapshot under testdata ("demo/revocation/snapshot"), loaded as --snapshot does.
Snapshot testdata_snapshot(std::string_view testdata_relative);

}  // namespace dpslint::test
