#include "verify_command.hpp"

#include <map>
#include <ostream>

#include "dpslint/revocation.hpp"
#include "dpslint/verifier.hpp"

#include "certificate_inputs.hpp"
#include "ci_output.hpp"
#include "device_files.hpp"
#include "exit_codes.hpp"
#include "lint_ci_model.hpp"
#include "policies.hpp"
#include "verify_output.hpp"

namespace dpslint::cli {

namespace {

LeafReport verify_leaf(const Verifier& verifier, DeviceFile file) {
    LeafReport report;
    report.file = file.path;
    report.error = file.error;
    if (!file.error.empty())
        return report;
    report.findings = std::move(file.input_findings);
    report.verification = verifier.verify(file.device.leaf, file.device.presented);
    for (auto f : report.verification->findings) {
        f.location.file = file.path;
        report.findings.push_back(std::move(f));
    }
    sort_findings(report.findings);
    return report;
}

// The CI model of a verify run: one checked entity per LEAF_FILE, its findings at the PEM BEGIN
// line of the certificate they name.
formats::ReportModel verify_report_model(const VerifyResult& result, const PemLines& pem_lines,
                                         const CiRequests& requests) {
    std::vector<Finding> findings = result.input_findings;
    std::vector<std::string> files;
    for (const auto& leaf : result.leaves) {
        files.push_back(leaf.file);
        if (!leaf.error.empty())
            findings.push_back(unreadable_finding(leaf.file, leaf.error));
        findings.insert(findings.end(), leaf.findings.begin(), leaf.findings.end());
    }
    for (auto& f : findings)
        add_pem_line(f.location, pem_lines);
    FindingsModelInputs inputs;
    inputs.command = "verify";
    inputs.findings = &findings;
    inputs.source_root = requests.source_root;
    inputs.cwd = requests.cwd;
    formats::ReportModel model = findings_report_model(inputs);
    add_file_entities(model, files);
    return model;
}

}  // namespace

VerifyCommand::VerifyCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "verify", "Validate device certificate chains (RFC 5280 path validation) offline");
    command_
        ->add_option("--trust", trust_,
                     "Trust anchor file (PEM/DER); one file per --trust, repeat it for more")
        ->required()
        ->type_name("FILE");
    command_
        ->add_option("--untrusted", untrusted_,
                     "Untrusted intermediates file; one file per --untrusted, repeatable")
        ->type_name("FILE");
    common_.add_at(*command_);
    validation_.add_purpose(*command_);
    validation_.add_policy_inputs(*command_);
    validation_.add_strict(*command_);
    validation_.add_revocation(*command_);
    common_.add_backend(*command_);
    common_.add_format(*command_, true);
    ci_.add(*command_);
    command_->add_option("--min-rsa-bits", min_rsa_bits_, "Smallest acceptable RSA key")
        ->check(CLI::Range(0, 16384))
        ->capture_default_str();
    command_->add_flag("--allow-sha1", allow_sha1_, "Accept SHA-1 signatures");
    command_->add_option("--max-depth", max_depth_, "Longest path, leaf and anchor included")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    command_
        ->add_option("leaves", leaves_,
                     "Device certificate files; the first certificate of each is the leaf, the "
                     "rest are intermediates it presents. Every argument that is not an option "
                     "or an option's one value is a LEAF_FILE")
        ->required()
        ->type_name("LEAF_FILE");
}

int VerifyCommand::run(const CommandStreams& io) const {
    const CiRequests requests = read_ci_requests(ci_);
    const auto backend = common_.make_crypto_backend();
    VerifyResult result;
    result.at = common_.evaluation_time();
    result.backend = std::string(backend->name());
    result.validation = &validation_;
    result.trust_files = trust_.size();
    result.untrusted_files = untrusted_.size();
    ValidationPolicy policy = verify_policy(result.at, validation_, {min_rsa_bits_, allow_sha1_});
    result.initial_policy_set = policy.policies.initial_policy_set;

    CertificatePool pool;
    load_into_pool(trust_, true, *backend, pool, result.input_findings);
    load_into_pool(untrusted_, false, *backend, pool, result.input_findings);
    const CrlSet crls = validation_.load_crls(*backend);
    sort_findings(result.input_findings);
    result.pool = &pool;
    const RevocationChecker revocation(*backend, crls, pool, validation_.revocation_mode());
    if (result.checks_revocation())
        policy.revocation = &revocation;

    ChainBuildOptions build_options;
    build_options.max_depth = max_depth_;
    const Verifier verifier(*backend, pool, policy, build_options);
    PemLines pem_lines;
    for (auto& file : read_device_files(leaves_, {}, *backend, io.err)) {
        add_pem_lines(pem_lines, file);
        result.leaves.push_back(verify_leaf(verifier, std::move(file)));
    }

    formats::ReportModel model = verify_report_model(result, pem_lines, requests);
    finish_ci_model(model, requests, result.unreadable() > 0,
                    result.valid() == result.leaves.size() ? exit_ok : exit_findings);
    write_run_outputs(common_.format, ci_, requests, run_documents(verify_reporter, result, model),
                      io.out);
    return model.exit_status;
}

}  // namespace dpslint::cli
