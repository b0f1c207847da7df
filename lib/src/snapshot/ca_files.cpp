// CA certificate bodies, which the az CLI cannot export: the snapshot's ca/ folder or the
// single-file form's "ca" array, paired with certificates.json records by SHA-1 thumbprint.

#include <algorithm>
#include <system_error>

#include "dpslint/certificate_file.hpp"
#include "dpslint/error.hpp"
#include "dpslint/finding_catalogue.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

std::vector<CaFile> read_ca_directory(const std::filesystem::path& directory,
                                      const CryptoBackend& backend) {
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end;
         it.increment(ec)) {
        // Anything but a directory: the input layer refuses a FIFO or device with its reason.
        std::error_code type_ec;
        if (!it->is_directory(type_ec))
            paths.push_back(it->path());
    }
    if (ec)
        throw InputError(directory.string(), "", "cannot list directory: " + ec.message());
    std::sort(paths.begin(), paths.end(),
              [](const auto& a, const auto& b) { return a.filename() < b.filename(); });

    std::vector<CaFile> files;
    for (const auto& path : paths) {
        const CertificateFile parsed = read_certificate_file(path, backend);
        if (parsed.certificates.empty()) {
            throw InputError(path.string(), "",
                             "holds no certificate (only private key blocks); a CA file must "
                             "hold the CA certificate");
        }
        for (const auto& certificate : parsed.certificates)
            files.push_back(CaFile{path.string(), certificate, false});
    }
    return files;
}

std::vector<CaFile> read_ca_array(const JsonCursor& list, const CryptoBackend& backend) {
    std::vector<CaFile> files;
    for (const auto& entry : list.array()) {
        const std::string path = entry.file() + ":" + entry.pointer();
        for (const auto& certificate : parse_inline_certificates(entry, backend))
            files.push_back(CaFile{path, certificate, false});
    }
    return files;
}

void pair_ca_files(Snapshot& snapshot) {
    if (!snapshot.certificates)
        return;  // nothing to pair with: every ca/ file is taken as uploaded
    for (auto& record : *snapshot.certificates) {
        for (auto& file : snapshot.ca_files) {
            if (same_thumbprint(record.thumbprint, file.certificate->sha1())) {
                if (!record.certificate) {
                    record.certificate = file.certificate;
                    record.certificate_file = file.path;
                }
                file.paired = true;
            }
        }
    }
    // An inline signing certificate of a group is held by DPS too; its body may come from ca/.
    for (const auto& group : snapshot.groups) {
        const auto& x509 = group.settings.attestation.x509;
        if (!x509)
            continue;
        for (const auto* entry : {&x509->signing_primary, &x509->signing_secondary}) {
            if (!*entry)
                continue;
            for (auto& file : snapshot.ca_files) {
                if (same_thumbprint((*entry)->sha1(), file.certificate->sha1()))
                    file.paired = true;
            }
        }
    }
    for (const auto& file : snapshot.ca_files) {
        if (file.paired)
            continue;
        Finding f = make_finding(input_finding::ca_file_unmatched, "");
        f.message = "CA certificate " + file.certificate->label() + " (SHA-1 "
                    + file.certificate->sha1()
                    + ") matches no record of certificates.json and no inline group "
                      "certificate, so it is not uploaded to DPS: it does not complete device "
                      "chains. Upload it (az iot dps certificate create) or remove it from ca/";
        f.location.file = file.path;
        f.location.subject = file.certificate->subject().text();
        f.location.sha256 = file.certificate->sha256();
        f.location.sha1 = file.certificate->sha1();
        snapshot.load_findings.push_back(std::move(f));
    }
}

}  // namespace dpslint::snapshot_detail
