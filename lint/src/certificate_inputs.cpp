#include "certificate_inputs.hpp"

#include "dpslint/error.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/output_text.hpp"

#include "dpslint_rules/registry.hpp"

namespace dpslint::cli {

Finding private_key_finding(const std::string& file, const PrivateKeyBlock& block) {
    // The lint rule that reports key blocks across a batch declares the id, severity and
    // citation; a key found by any other command is the same fact.
    const auto& rule = rules::find_rule(private_key_rule_id)->metadata();
    Finding f;
    f.id = rule.id;
    f.severity = rule.severity;
    f.message = "PEM block '" + block.label
                + "' holds private key material; keep keys out of certificate files";
    f.location.file = file;
    f.location.line = block.line;
    f.citation = rule.citation;
    return f;
}

Finding unreadable_finding(const std::string& file, const std::string& error) {
    // The error line starts with the file, which the location already names.
    const std::string shown_file = one_line(file) + ":";
    std::string message = error.rfind(shown_file, 0) == 0 ? error.substr(shown_file.size()) : error;
    if (!message.empty() && message.front() == ' ')
        message.erase(0, 1);
    Location location;
    location.file = file;
    return make_finding(input_finding::unreadable, std::move(message), std::move(location));
}

std::vector<CertificatePtr> read_certificates(const std::vector<std::string>& files,
                                              const CryptoBackend& backend,
                                              std::vector<Finding>& findings) {
    std::vector<CertificatePtr> out;
    for (const auto& path : files) {
        CertificateFile file = read_certificate_file(path, backend);
        for (const auto& key : file.private_keys)
            findings.push_back(private_key_finding(path, key));
        if (file.certificates.empty()) {
            throw InputError(path, "", "no certificate in file (only private key blocks)");
        }
        out.insert(out.end(), file.certificates.begin(), file.certificates.end());
    }
    return out;
}

void load_into_pool(const std::vector<std::string>& files, bool as_trust_anchors,
                    const CryptoBackend& backend, CertificatePool& pool,
                    std::vector<Finding>& findings) {
    for (auto& c : read_certificates(files, backend, findings)) {
        if (as_trust_anchors) {
            pool.add_trust_anchor(std::move(c));
        } else {
            pool.add_untrusted(std::move(c));
        }
    }
}

CertificatePool crl_issuers(const Snapshot& snapshot,
                            const std::vector<CertificatePtr>& presented) {
    CertificatePool pool;
    for (const auto& c : snapshot.uploaded_ca_certificates())
        pool.add_untrusted(c);
    for (const auto& c : presented)
        pool.add_untrusted(c);
    return pool;
}

}  // namespace dpslint::cli
