#include "certificate_inputs.hpp"

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::cli {

Finding private_key_finding(const std::string& file, const PrivateKeyBlock& block) {
    Finding f;
    f.id = "input.private-key-present";
    f.severity = Severity::warning;
    f.message = "PEM block '" + block.label
                + "' holds private key material; keep keys out of certificate files";
    f.location.file = file;
    f.location.line = block.line;
    f.citation = "RFC 7468 §10";
    return f;
}

Finding unreadable_finding(const std::string& file, const std::string& error) {
    Finding f;
    f.id = "input.unreadable";
    f.severity = Severity::error;
    // The error line starts with the file, which the location already names.
    const std::string shown_file = one_line(file) + ":";
    f.message = error.rfind(shown_file, 0) == 0 ? error.substr(shown_file.size()) : error;
    if (!f.message.empty() && f.message.front() == ' ')
        f.message.erase(0, 1);
    f.location.file = file;
    f.citation = "dpslint README: Exit status";
    return f;
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
