#include "dpslint/certificate_file.hpp"

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/pem.hpp"

namespace dpslint {

namespace {

bool is_certificate_label(const std::string& label) {
    return label == "CERTIFICATE" || label == "X509 CERTIFICATE";
}

// A short reason why DER bytes cannot be one certificate, from the outer header alone; empty
// when the header looks plausible (the backend then explains).
std::string der_header_problem(ByteView der) {
    if (der.size() < 2)
        return "too short to be DER (" + std::to_string(der.size()) + " bytes)";
    if (der[0] != 0x30)
        return "does not start with a DER SEQUENCE (first byte 0x" + to_hex_upper(der.first(1))
               + ")";
    std::size_t length = der[1];
    std::size_t header = 2;
    if (length & 0x80) {
        const std::size_t count = length & 0x7F;
        if (count == 0 || count > 4 || der.size() < 2 + count)
            return "malformed DER length";
        length = 0;
        for (std::size_t i = 0; i < count; ++i)
            length = (length << 8) | der[2 + i];
        header += count;
    }
    if (header + length > der.size()) {
        return "truncated DER: the outer SEQUENCE declares " + std::to_string(header + length)
               + " bytes, the data has " + std::to_string(der.size());
    }
    if (header + length < der.size()) {
        return std::to_string(der.size() - header - length) + " trailing bytes after offset "
               + std::to_string(header + length);
    }
    return {};
}

bool looks_like_text(ByteView bytes) {
    for (const auto b : bytes) {
        if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t'))
            return false;
    }
    return true;
}

CertificatePtr parse_der(const std::string& name, const std::string& where, ByteView der,
                         const CryptoBackend& backend) {
    if (auto problem = der_header_problem(der); !problem.empty()) {
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
    if (looks_like_text(content)) {
        throw InputError(file.path, "line 1",
                         "not a certificate: no PEM BEGIN line and the file is text, not DER");
    }
    file.certificates.push_back(parse_der(file.path, "offset 0", content, backend));
    file.lines.push_back(0);
    return file;
}

CertificateFile read_certificate_file(const std::filesystem::path& path,
                                      const CryptoBackend& backend, std::uint64_t max_bytes) {
    const Bytes data = read_input_file(path, max_bytes, "certificate file");
    return parse_certificate_file(path.string(), data, backend);
}

}  // namespace dpslint
