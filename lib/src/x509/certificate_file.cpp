#include "dpslint/certificate_file.hpp"

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/pem.hpp"

#include "x509/containers.hpp"
#include "x509/input_bytes.hpp"

namespace dpslint {

namespace {

bool is_certificate_label(const std::string& label) {
    return label == "CERTIFICATE" || label == "X509 CERTIFICATE";
}

CertificatePtr parse_der(const std::string& name, const std::string& where, ByteView der,
                         const CryptoBackend& backend) {
    if (auto problem = detail::der_header_problem(der); !problem.empty()) {
        throw InputError(name, where, "not a certificate: " + problem);
    }
    try {
        return backend.parse_certificate(der);
    } catch (const ParseError& e) {
        throw InputError(name, where, std::string("not a valid certificate: ") + e.what());
    }
}

}  // namespace

CertificateFile parse_certificate_file(std::string display_name, ByteView content,
                                       const CryptoBackend& backend) {
    CertificateFile file;
    file.path = std::move(display_name);
    if (content.empty())
        throw InputError(file.path, "", "file is empty");

    const std::string_view text(reinterpret_cast<const char*>(content.data()), content.size());
    if (contains_pem(text)) {
        file.pem = true;
        for (auto& block : scan_pem(file.path, text)) {
            const std::string where = "block " + std::to_string(block.number) + " (line "
                                      + std::to_string(block.line) + ")";
            if (block.is_private_key()) {
                file.private_keys.push_back(PrivateKeyBlock{block.label, block.line});
            } else if (is_certificate_label(block.label)) {
                file.certificates.push_back(parse_der(file.path, where, block.der, backend));
                file.lines.push_back(block.line);
            } else if (auto advice = detail::pem_container_advice(block.label, file.path);
                       !advice.empty()) {
                throw InputError(file.path, where, advice);
            } else {
                throw InputError(file.path, where,
                                 "PEM block " + quote_input(block.label) + " is not a certificate");
            }
        }
        if (file.certificates.empty() && file.private_keys.empty()) {
            throw InputError(file.path, "", "no CERTIFICATE block in PEM file");
        }
        return file;
    }
    if (detail::looks_like_text(content)) {
        throw InputError(file.path, "line 1",
                         "not a certificate: no PEM BEGIN line and the file is text, not DER");
    }
    if (auto advice = detail::container_advice(content, file.path); !advice.empty())
        throw InputError(file.path, "offset 0", advice);
    try {
        file.certificates.push_back(parse_der(file.path, "offset 0", content, backend));
    } catch (const InputError& e) {
        const std::string hint = detail::container_name_hint(file.path);
        if (hint.empty())
            throw;
        throw InputError(e.file(), e.place(), e.detail() + hint);
    }
    file.lines.push_back(0);
    return file;
}

CertificateFile read_certificate_file(const std::filesystem::path& path,
                                      const CryptoBackend& backend, std::uint64_t max_bytes) {
    const Bytes data = read_input_file(path, max_bytes, "certificate file");
    return parse_certificate_file(path.string(), data, backend);
}

}  // namespace dpslint
