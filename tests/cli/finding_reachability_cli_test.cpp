// Every id the library catalogues declare is reported by a real run: the dpslint binary over
// committed test data (and snapshot variants written from it), collecting the ids of its JSON
// output. A declared id that no run reports fails here, so the catalogue cannot keep ids that
// nothing emits. The lint rules' ids are proved by their own tests (every rule has one, see
// rule_registry_test.cpp), which run the rule on real inputs.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <openssl/objects.h>

#include "dpslint/batch/batch_runner.hpp"

#include "support/certificate_builder.hpp"
#include "support/finding_ids.hpp"
#include "support/hostile_pki.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"
#include "support/testdata.hpp"

namespace finding_reachability_cli_test {

using namespace dpslint;
namespace fs = std::filesystem;

namespace {

// The ids of the findings in `doc`: every "rule" and "errorRule" (a rejected batch file), and the
// reasons a batch summary counts rejections by. Lists of the rules that ran are not findings.
void collect_ids(const nlohmann::json& doc, std::set<std::string>& ids) {
    if (doc.is_object()) {
        for (const auto& [key, value] : doc.items()) {
            if ((key == "rule" || key == "errorRule") && value.is_string())
                ids.insert(value.get<std::string>());
            if (key == "rejectedByReason" && value.is_object()) {
                for (const auto& [reason, count] : value.items())
                    ids.insert(reason);
            }
            collect_ids(value, ids);
        }
    } else if (doc.is_array()) {
        for (const auto& value : doc)
            collect_ids(value, ids);
    }
}

struct Run {
    std::string why;
    std::vector<std::string> args;  // --format json is added
    std::string cwd;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json read_json(const fs::path& path) {
    return nlohmann::json::parse(slurp(path));
}

void write_json(const fs::path& path, const nlohmann::json& doc) {
    std::ofstream(path) << doc.dump(2);
}

// A copy of the snapshot testdata/`source` under `scratch`/`name`, changed by `edit` (given the
// copy's directory).
template <typename Edit>
std::string variant(const test::ScratchDir& scratch, const std::string& source,
                    const std::string& name, Edit edit) {
    const fs::path dir = scratch / name;
    fs::copy(test::testdata(source), dir, fs::copy_options::recursive);
    edit(dir);
    return dir.string();
}

std::vector<Run> runs(const test::ScratchDir& scratch) {
    const std::string td = test::testdata("").string();
    const std::string demo = test::testdata("demo").string();
    const std::string at_demo = "2026-12-01T00:00:00Z";
    const auto simulate = [&](const std::string& why, const std::string& snapshot,
                              std::vector<std::string> devices) {
        std::vector<std::string> args{"simulate", "--snapshot", snapshot, "--at", at_demo};
        args.insert(args.end(), devices.begin(), devices.end());
        return Run{why, args, demo};
    };
    const auto verify_pki = [&](const std::string& why, std::vector<std::string> args) {
        std::vector<std::string> all{"verify", "--at", "2030-06-01T00:00:00Z"};
        all.insert(all.end(), args.begin(), args.end());
        return Run{why, all, td + "/pki"};
    };
    const auto verify_limbo = [&](const std::string& why, std::vector<std::string> args) {
        std::vector<std::string> all{
            "verify",      "--at",        "2030-06-01T00:00:00Z", "--trust",
            "ca/root.pem", "--untrusted", "ca/intermediate.pem"};
        all.insert(all.end(), args.begin(), args.end());
        return Run{why, all, td + "/limbo"};
    };
    const auto pkits = [&](const std::string& why, std::vector<std::string> untrusted,
                           std::vector<std::string> extra, const std::string& leaf) {
        std::vector<std::string> args{"verify",
                                      "--trust",
                                      "pkits/certs/TrustAnchorRootCertificate.crt",
                                      "--at",
                                      "2011-04-15T00:00:00Z",
                                      "--purpose",
                                      "any",
                                      "--allow-sha1",
                                      "--min-rsa-bits",
                                      "1024"};
        for (const auto& u : untrusted) {
            args.push_back("--untrusted");
            args.push_back("pkits/certs/" + u + ".crt");
        }
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back("pkits/certs/" + leaf + ".crt");
        return Run{why, args, td};
    };
    const std::string pkits_crl = "pkits/crls/";

    std::vector<Run> out;

    // --- the path validator, through verify ---
    const auto manifest = read_json(test::testdata("pki/manifest.json"));
    for (const auto& c : manifest["cases"]) {
        std::vector<std::string> args{"--purpose", c["purpose"].get<std::string>()};
        for (const auto& t : c["trust"])
            args.insert(args.end(), {"--trust", t.get<std::string>()});
        for (const auto& u : c["untrusted"])
            args.insert(args.end(), {"--untrusted", u.get<std::string>()});
        args.push_back(c["leaf"].get<std::string>());
        out.push_back(verify_pki("pki case " + c["name"].get<std::string>(), args));
    }
    out.push_back(verify_pki("an EKU without the requested purpose",
                             {"--trust", "ca/root.pem", "--untrusted", "ca/production.pem",
                              "--purpose", "1.3.6.1.5.5.7.3.8", "leaves/eku-server-auth.pem"}));
    out.push_back(verify_limbo("a duplicate extension", {"malformed/leaf-duplicate-san.pem"}));
    out.push_back(verify_limbo("a malformed extension", {"malformed/leaf-malformed-san.pem"}));
    out.push_back(verify_limbo("nameConstraints in a leaf", {"nc-in-leaf/leaf-critical.pem"}));
    out.push_back(Run{"names x constraints over the work bound",
                      {"verify", "--at", "2030-06-01T00:00:00Z", "--trust", "nc-work/root.pem",
                       "nc-work/leaf.pem"},
                      td + "/limbo"});
    out.push_back(pkits("a required policy the path does not have", {"GoodCACert"},
                        {"--require-explicit-policy", "--policy", "2.16.840.1.101.3.2.1.48.2"},
                        "ValidCertificatePathTest1EE"));
    out.push_back(
        pkits("an explicit policy required and none valid (PKITS 4.9.3)",
              {"requireExplicitPolicy4CACert", "requireExplicitPolicy4subCACert",
               "requireExplicitPolicy4subsubCACert", "requireExplicitPolicy4subsubsubCACert"},
              {}, "InvalidrequireExplicitPolicyTest3EE"));
    out.push_back(pkits("a mapping from anyPolicy (PKITS 4.10.7)", {"MappingFromanyPolicyCACert"},
                        {}, "InvalidMappingFromanyPolicyTest7EE"));
    out.push_back(
        pkits("a revoked device certificate (PKITS 4.4.3)", {"GoodCACert"},
              {"--crl", pkits_crl + "TrustAnchorRootCRL.crl", "--crl", pkits_crl + "GoodCACRL.crl"},
              "InvalidRevokedEETest3EE"));
    out.push_back(pkits("no CRL for the intermediate under --revocation require", {"GoodCACert"},
                        {"--crl", pkits_crl + "GoodCACRL.crl", "--revocation", "require"},
                        "ValidCertificatePathTest1EE"));
    out.push_back(pkits("an expired CRL (PKITS 4.4.11)", {"OldCRLnextUpdateCACert"},
                        {"--crl", pkits_crl + "TrustAnchorRootCRL.crl", "--crl",
                         pkits_crl + "OldCRLnextUpdateCACRL.crl"},
                        "InvalidOldCRLnextUpdateTest11EE"));
    out.push_back(pkits("a badly signed CRL (PKITS 4.4.4)", {"BadCRLSignatureCACert"},
                        {"--crl", pkits_crl + "TrustAnchorRootCRL.crl", "--crl",
                         pkits_crl + "BadCRLSignatureCACRL.crl"},
                        "InvalidBadCRLSignatureTest4EE"));
    out.push_back(Run{"an issuer key the backend cannot use",
                      {"verify", "--at", "2030-06-01T00:00:00Z", "--trust",
                       (scratch / "even-exponent/root.pem").string(),
                       (scratch / "even-exponent/leaf.pem").string()},
                      td});
    out.push_back(Run{
        "more same-name CAs than the path search examines",
        {"verify", "--at", "2030-06-01T00:00:00Z", "--trust",
         (scratch / "same-name/root.pem").string(), (scratch / "same-name/device.pem").string()},
        td});

    // --- the RFC 5280 profile checks, through verify --strict ---
    for (const auto& [intermediate, leaf] : std::vector<std::pair<std::string, std::string>>{
             {"ca/intermediate.pem", "profile/leaf-missing-aki.pem"},
             {"ca/intermediate.pem", "profile/leaf-critical-aki.pem"},
             {"ca/intermediate.pem", "profile/leaf-serial-zero.pem"},
             {"ca/intermediate.pem", "profile/leaf-serial-21-octets.pem"},
             {"ca/intermediate.pem", "profile/leaf-empty-subject-san-not-critical.pem"},
             {"ca/intermediate.pem", "profile/leaf-key-cert-sign.pem"},
             {"profile/intermediate-no-ski.pem", "profile/intermediate-no-ski-leaf.pem"},
             {"profile/intermediate-bc-not-critical.pem",
              "profile/intermediate-bc-not-critical-leaf.pem"},
             {"profile/intermediate-pc-not-critical.pem",
              "profile/intermediate-pc-not-critical-leaf.pem"}}) {
        out.push_back(Run{"--strict on " + leaf,
                          {"verify", "--strict", "--at", "2030-06-01T00:00:00Z", "--trust",
                           "ca/root.pem", "--untrusted", intermediate, leaf},
                          td + "/limbo"});
    }
    out.push_back(
        Run{"--strict on a leaf with a critical subjectKeyIdentifier",
            {"verify", "--strict", "--at", "2027-06-01T00:00:00Z", "--trust",
             "demo/revocation/ca/field-root-ca.pem", "--untrusted",
             "demo/revocation/ca/field-intermediate-ca.pem", "rules/x509/ski-critical-leaf.pem"},
            td});

    // --- the attestation decision, through simulate on the demo and variants of it ---
    out.push_back(
        simulate("the demo devices (two groups share one CA certificate)", "snapshot",
                 {"devices/device-1.pem", "devices/device-001.pem", "devices/customer-a-0001.pem",
                  "devices/customer-a-0002.pem", "devices/device-expired.pem",
                  "devices/sensor-bad-cn.pem", "devices/rogue-device.pem"}));
    const auto groups = [](const fs::path& dir) {
        return dir / "enrollment-groups.json";
    };
    const auto individuals = [](const fs::path& dir) {
        return dir / "enrollments.json";
    };
    out.push_back(
        simulate("a group on an inline certificate and no certificates.json",
                 variant(scratch, "snapshots/create-style", "no-certificates",
                         [](const fs::path& dir) { fs::remove(dir / "certificates.json"); }),
                 {"devices/device-1.pem"}));
    out.push_back(simulate("every group disabled",
                           variant(scratch, "demo/snapshot", "disabled",
                                   [&](const fs::path& dir) {
                                       auto doc = read_json(groups(dir));
                                       for (auto& g : doc)
                                           g["provisioningStatus"] = "disabled";
                                       write_json(groups(dir), doc);
                                   }),
                           {"devices/device-1.pem"}));
    out.push_back(simulate("no verified CA certificate",
                           variant(scratch, "demo/snapshot", "unverified",
                                   [&](const fs::path& dir) {
                                       auto doc = read_json(dir / "certificates.json");
                                       for (auto& c : doc["value"])
                                           c["properties"]["isVerified"] = false;
                                       write_json(dir / "certificates.json", doc);
                                   }),
                           {"devices/device-1.pem"}));
    out.push_back(simulate("a group naming an unlinked hub, and no hub left",
                           variant(scratch, "demo/snapshot", "unlinked-hub",
                                   [&](const fs::path& dir) {
                                       auto doc = read_json(groups(dir));
                                       for (auto& g : doc) {
                                           g["iotHubs"] = nlohmann::json::array(
                                               {"elsewhere.azure-devices.net"});
                                       }
                                       write_json(groups(dir), doc);
                                   }),
                           {"devices/device-1.pem"}));
    out.push_back(simulate("an individual enrollment that is not X.509",
                           variant(scratch, "demo/snapshot", "individual-tpm",
                                   [&](const fs::path& dir) {
                                       auto doc = read_json(individuals(dir));
                                       doc[0]["provisioningStatus"] = "enabled";
                                       doc[0]["attestation"] = {
                                           {"type", "symmetricKey"},
                                           {"symmetricKey", nlohmann::json::object()}};
                                       write_json(individuals(dir), doc);
                                   }),
                           {"devices/device-001.pem"}));
    out.push_back(simulate(
        "an individual enrollment for another certificate",
        variant(scratch, "demo/snapshot", "individual-other",
                [&](const fs::path& dir) {
                    auto doc = read_json(individuals(dir));
                    doc[0]["provisioningStatus"] = "enabled";
                    auto& info =
                        doc[0]["attestation"]["x509"]["clientCertificates"]["primary"]["info"];
                    info["sha1Thumbprint"] = std::string(40, 'A');
                    info["sha256Thumbprint"] = std::string(64, 'A');
                    write_json(individuals(dir), doc);
                }),
        {"devices/device-001.pem"}));

    // --- facts about the inputs and the configuration ---
    out.push_back(simulate("a CA file no record matches, a body that is not the thumbprint's",
                           variant(scratch, "demo/snapshot", "input-facts",
                                   [&](const fs::path& dir) {
                                       fs::copy_file(test::testdata("pki/ca/root.pem"),
                                                     dir / "ca" / "stray-root.pem");
                                       auto doc = read_json(dir / "certificates.json");
                                       doc["value"][0]["properties"]["certificate"] =
                                           slurp(test::testdata("pki/ca/root.pem"));
                                       write_json(dir / "certificates.json", doc);
                                   }),
                           {"devices/device-1.pem"}));
    out.push_back(Run{"informational fields of unexpected types",
                      {"simulate", "--snapshot", "snapshots/informational-types.json", "--at",
                       at_demo, "demo/devices/device-1.pem"},
                      td});
    out.push_back(verify_pki("a private key next to a certificate",
                             {"--trust", "ca/root.pem", "--untrusted", "ca/production.pem",
                              "leaves/with-private-key.pem"}));
    const std::vector<std::string> batch{"batch",
                                         "--trust",
                                         "ca/root.pem",
                                         "--untrusted",
                                         "ca/production.pem",
                                         "--at",
                                         "2030-06-01T00:00:00Z"};
    auto odd_files = batch;
    odd_files.insert(odd_files.end(), {"leaves/with-private-key.pem", "ca/root.pem", "README.md",
                                       (scratch / "dangling").string()});
    out.push_back(
        Run{"a batch of a key, a CA, a text file and a dangling link", odd_files, td + "/pki"});
    auto large = batch;
    large.insert(large.end(), {"--max-file-size", "100", "leaves/valid-p256.pem"});
    out.push_back(Run{"a batch file over --max-file-size", large, td + "/pki"});
    out.push_back(Run{"suppressions that expired or matched nothing",
                      {"lint", "--snapshot", "snapshot", "--config",
                       (scratch / "suppressions.json").string(), "--at", at_demo},
                      demo});
    return out;
}

// The files the runs above need that no committed fixture has.
void write_fixtures(const test::ScratchDir& scratch) {
    // An RSA root whose public exponent is even: no backend can use the key, so the signature
    // of the leaf it issued cannot be checked.
    Bytes root = test::Builder()
                     .names("Even Exponent Root", "Even Exponent Root")
                     .key(test::shared_rsa())
                     .ext(NID_basic_constraints, "critical,CA:TRUE")
                     .ext(NID_key_usage, "critical,keyCertSign")
                     .sign(test::shared_rsa());
    test::replace_all(root, test::hex("0203010001"), test::hex("0203010002"));
    scratch.write("even-exponent/root.pem", test::to_pem(root));
    scratch.write("even-exponent/leaf.pem",
                  test::to_pem(test::Builder()
                                   .names("even-exponent-device", "Even Exponent Root")
                                   .sign(test::shared_rsa())));

    const test::SameNameCas hostile = test::same_name_cas(1, 1000);
    scratch.write("same-name/root.pem", test::to_pem(hostile.root));
    scratch.write("same-name/device.pem", hostile.device_file_pem(false));

    fs::create_directory_symlink(scratch / "nowhere", scratch / "dangling");

    // One suppression long expired, one that matches nothing.
    write_json(scratch / "suppressions.json",
               {{"suppressions",
                 {{{"rule", "device.expired"},
                   {"reason", "old devices are replaced"},
                   {"expires", "2020-01-01"}},
                  {{"rule", "twin.size"}, {"reason", "no twin is that large"}}}}});
}

}  // namespace

TEST_CASE("every id of the library catalogues is reported by some real run", "[cli][catalogue]") {
    const test::ScratchDir scratch("reachability");
    write_fixtures(scratch);
    std::map<std::string, std::string> reported_by;
    for (const auto& run : runs(scratch)) {
        auto args = run.args;
        args.insert(args.begin() + 1, {"--format", "json"});
        const auto r = test::run_dpslint(args, run.cwd);
        INFO(run.why << "\n" << r.err);
        CHECK(r.exit_code != 2);
        std::set<std::string> ids;
        collect_ids(nlohmann::json::parse(r.out, nullptr, false), ids);
        for (const auto& id : ids)
            reported_by.emplace(id, run.why);
    }
    // A worker that throws is the one way to input.internal-error; no input can make dpslint
    // throw on purpose, so the batch pool is driven in-process with such a worker.
    const batch::BatchRunner runner(
        [](const batch::InputItem&, batch::StageTimes&) -> batch::FileRecord {
            throw std::runtime_error("worker failed");
        },
        1);
    bool once = false;
    runner.run(
        [&](batch::InputItem& item) {
            item = batch::InputItem{0, "input.pem", {}};
            return !std::exchange(once, true);
        },
        [&](batch::FileRecord&& r) { reported_by.emplace(r.error_id, "a throwing worker"); });

    for (const auto& [id, where] : test::declared_finding_ids()) {
        if (where == "the rule registry" && id != "input.private-key-present")
            continue;
        INFO(id << " (declared in " << where << ")");
        CHECK(reported_by.count(id) == 1);
    }
    const auto declared = test::declared_finding_ids();
    for (const auto& [id, why] : reported_by) {
        INFO(id << " reported by: " << why);
        CHECK(declared.count(id) == 1);
    }
}

TEST_CASE("explain knows every declared id", "[cli][catalogue]") {
    // One process explains them all (a sanitized dpslint costs a fraction of a second to start).
    std::vector<std::string> args = {"explain"};
    for (const auto& [id, where] : test::declared_finding_ids())
        args.push_back(id);
    const auto r = test::run_dpslint(args);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const std::string out = "\n" + r.out;
    for (const auto& [id, where] : test::declared_finding_ids()) {
        INFO(id << " (declared in " << where << ")");
        CHECK(out.find("\n" + id + ": ") != std::string::npos);
    }
}

TEST_CASE("explain takes several ids, an unknown one is an error line and exit 2",
          "[cli][catalogue]") {
    const auto both = test::run_dpslint({"explain", "chain.expired", "enrollment.ca-is-root"});
    CHECK(both.exit_code == 0);
    CHECK(both.out.rfind("chain.expired: ", 0) == 0);
    CHECK(both.out.find("\n\nenrollment.ca-is-root: ") != std::string::npos);
    const auto typo = test::run_dpslint({"explain", "chain.expired", "chain.expird"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.out.rfind("chain.expired: ", 0) == 0);
    CHECK(typo.err.find("'chain.expird'") != std::string::npos);
    CHECK(std::count(typo.err.begin(), typo.err.end(), '\n') == 1);
}

}  // namespace finding_reachability_cli_test
