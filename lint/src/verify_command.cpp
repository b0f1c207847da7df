#include "verify_command.hpp"

#include <ostream>

#include "dpslint/revocation.hpp"
#include "dpslint/verifier.hpp"

#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "exit_codes.hpp"
#include "policies.hpp"
#include "render.hpp"
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
    common_.add_format(*command_);
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
    for (auto& file : read_device_files(leaves_, {}, *backend, io.err))
        result.leaves.push_back(verify_leaf(verifier, std::move(file)));

    render(common_.output_format(), verify_reporter, result, io.out);
    if (result.unreadable() > 0)
        return exit_usage;
    return result.valid() == result.leaves.size() ? exit_ok : exit_findings;
}

}  // namespace dpslint::cli
