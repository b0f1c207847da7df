#include "verify_command.hpp"

#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/revocation.hpp"
#include "dpslint/verifier.hpp"

#include "certificate_inputs.hpp"
#include "device_files.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "finding_json.hpp"
#include "json_output.hpp"
#include "text_style.hpp"
#include "validation_report.hpp"

namespace dpslint::cli {

namespace {

// One LEAF_FILE's outcome: either an input error or the verification of its first certificate.
struct LeafReport {
    std::string file;
    std::string error;  // one-line input error; empty when the file was read
    std::optional<LeafVerification> verification;
    std::vector<Finding> findings;  // verification findings + input findings, located in `file`
};

nlohmann::json path_json(const CandidatePath& path, const CertificatePool& pool) {
    nlohmann::json out = nlohmann::json::array();
    // Root first, as people draw chains; "position" keeps the validator's numbering (0 = leaf).
    for (std::size_t i = path.certificates.size(); i-- > 0;) {
        const auto& c = *path.certificates[i];
        out.push_back({{"position", i},
                       {"subject", c.subject().text()},
                       {"sha256", c.sha256()},
                       {"trustAnchor", pool.is_trust_anchor(c)}});
    }
    return out;
}

std::string path_text(const CandidatePath& path) {
    std::string out;
    for (std::size_t i = path.certificates.size(); i-- > 0;) {
        out += one_line(path.certificates[i]->label());
        if (i != 0)
            out += " -> ";
    }
    return out;
}

bool has_policies(const CandidatePath& path) {
    return std::any_of(
        path.certificates.begin(), path.certificates.end(),
        [](const CertificatePtr& c) { return c->extensions().certificate_policies.has_value(); });
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

int VerifyCommand::run(std::ostream& out, std::ostream& err) const {
    const auto backend = common_.make_crypto_backend();
    ValidationPolicy policy;
    policy.at = common_.evaluation_time();
    validation_.apply(policy);
    policy.algorithms.min_rsa_bits = min_rsa_bits_;
    if (allow_sha1_)
        policy.algorithms.allowed_hashes.insert(HashAlgorithm::sha1);

    CertificatePool pool;
    std::vector<Finding> input_findings;
    CrlSet crls;
    try {
        load_into_pool(trust_, true, *backend, pool, input_findings);
        load_into_pool(untrusted_, false, *backend, pool, input_findings);
        crls = validation_.load_crls(*backend);
    } catch (const InputError& e) {
        print_error(err, e.what());
        return exit_usage;
    }
    sort_findings(input_findings);
    const bool check_revocation = !validation_.crl_files.empty();
    const RevocationChecker revocation(*backend, crls, pool, validation_.revocation_mode());
    if (check_revocation)
        policy.revocation = &revocation;
    const bool show_policies = !validation_.policies.empty() || validation_.require_explicit_policy
                               || validation_.inhibit_policy_mapping
                               || validation_.inhibit_any_policy;

    ChainBuildOptions build_options;
    build_options.max_depth = max_depth_;
    const Verifier verifier(*backend, pool, policy, build_options);

    std::vector<LeafReport> reports;
    bool bad_input = false;
    for (auto& file : read_device_files(leaves_, {}, *backend, err)) {
        LeafReport report;
        report.file = file.path;
        report.error = file.error;
        if (!file.error.empty()) {
            bad_input = true;
            reports.push_back(std::move(report));
            continue;
        }
        report.findings = std::move(file.input_findings);
        report.verification = verifier.verify(file.device.leaf, file.device.presented);
        for (auto f : report.verification->findings) {
            f.location.file = file.path;
            report.findings.push_back(std::move(f));
        }
        sort_findings(report.findings);
        reports.push_back(std::move(report));
    }

    std::size_t valid = 0;
    for (const auto& r : reports)
        valid += r.verification && r.verification->valid();
    const std::size_t unreadable = static_cast<std::size_t>(std::count_if(
        reports.begin(), reports.end(), [](const LeafReport& r) { return !r.error.empty(); }));
    const std::size_t invalid = reports.size() - valid - unreadable;
    const std::size_t anchors = pool.trust_anchors().size();
    const std::size_t untrusted = pool.size() - anchors;

    if (common_.output_format() == OutputFormat::json) {
        nlohmann::json results = nlohmann::json::array();
        for (const auto& r : reports) {
            nlohmann::json j{{"file", r.file}};
            if (!r.error.empty()) {
                j["error"] = r.error;
                j["valid"] = false;
            } else {
                const auto& v = *r.verification;
                j["leaf"] = certificate_summary(*v.leaf);
                j["valid"] = v.valid();
                j["path"] = v.chosen ? path_json(v.chosen->path, pool) : nlohmann::json::array();
                j["policies"] = policies_json(v.chosen ? v.chosen->policies : PolicyOutcome{});
                if (check_revocation) {
                    j["revocation"] =
                        v.chosen ? revocation_json(*v.chosen) : nlohmann::json::array();
                }
                j["findings"] = to_json(r.findings);
                nlohmann::json candidates = nlohmann::json::array();
                for (const auto& c : v.rejected) {
                    auto failure = c.first_failure;
                    failure.location.file = r.file;
                    candidates.push_back(
                        {{"path", path_json(c.path, pool)}, {"firstFailure", to_json(failure)}});
                }
                j["rejectedCandidates"] = candidates;
            }
            results.push_back(std::move(j));
        }
        const nlohmann::json doc{
            {"command", "verify"},
            {"at", format_rfc3339(policy.at)},
            {"backend", std::string(backend->name())},
            {"purpose", validation_.purpose},
            {"policyInputs",
             {{"initialPolicySet", policy.policies.initial_policy_set},
              {"requireExplicitPolicy", validation_.require_explicit_policy},
              {"inhibitPolicyMapping", validation_.inhibit_policy_mapping},
              {"inhibitAnyPolicy", validation_.inhibit_any_policy}}},
            {"strict", validation_.strict},
            {"revocation",
             check_revocation ? nlohmann::json(validation_.revocation) : nlohmann::json(nullptr)},
            {"inputFindings", to_json(input_findings)},
            {"results", results},
            {"summary",
             {{"leaves", reports.size()},
              {"valid", valid},
              {"invalid", invalid},
              {"unreadable", unreadable},
              {"trustFiles", trust_.size()},
              {"trustAnchors", anchors},
              {"untrustedFiles", untrusted_.size()},
              {"untrustedCertificates", untrusted}}}};
        write_json(out, doc);
    } else {
        const TextStyle style = TextStyle::for_stdout();
        for (const auto& f : input_findings)
            out << format_finding_line(f, style) << '\n';
        for (const auto& r : reports) {
            if (!r.error.empty()) {
                out << style.bold(one_line(r.file)) << ": " << style.bad("UNREADABLE") << '\n'
                    << "  " << one_line(r.error) << '\n';
                continue;
            }
            const auto& v = *r.verification;
            out << style.bold(one_line(r.file)) << ": "
                << (v.valid() ? style.good("valid") : style.bad("INVALID")) << '\n';
            if (v.chosen) {
                out << "  path: " << path_text(v.chosen->path) << '\n';
                if (show_policies || has_policies(v.chosen->path)) {
                    out << "  valid policies: "
                        << one_line(policies_text(v.chosen->policies.user_constrained)) << '\n';
                }
                if (check_revocation)
                    out << "  revocation: " << one_line(revocation_text(*v.chosen)) << '\n';
            }
            for (const auto& f : r.findings)
                out << "  " << format_finding_line(f, style) << '\n';
            if (!v.valid()) {
                for (const auto& c : v.rejected) {
                    out << "  other candidate: " << path_text(c.path) << '\n'
                        << "    first failure: " << one_line(c.first_failure.id) << ": "
                        << one_line(c.first_failure.message) << '\n';
                }
            }
        }
        // Says what was taken as what, so a wrong split of the arguments shows.
        out << "inputs: " << reports.size() << " leaf file(s) checked; " << anchors
            << " trust anchor(s) from " << trust_.size() << " --trust file(s); " << untrusted
            << " untrusted certificate(s) from " << untrusted_.size() << " --untrusted file(s)\n";
        out << "summary: " << reports.size() << " leaf file(s), " << valid << " valid, " << invalid
            << " invalid";
        if (unreadable > 0)
            out << ", " << unreadable << " unreadable";
        out << " (at " << format_rfc3339(policy.at) << ", backend " << backend->name() << ")\n";
    }
    if (bad_input)
        return exit_usage;
    return valid == reports.size() ? exit_ok : exit_findings;
}

}  // namespace dpslint::cli
