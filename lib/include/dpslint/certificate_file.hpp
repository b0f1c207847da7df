#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "dpslint/backend.hpp"
#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/input_file.hpp"

namespace dpslint {

// A PEM block that holds private key material. Only its label and line are kept: key bytes are
// never stored or echoed.
struct PrivateKeyBlock {
    std::string label;  // "PRIVATE KEY", "EC PRIVATE KEY", ...
    std::size_t line = 0;
};

// Everything read from one input file: PEM (one or many CERTIFICATE blocks, text around them
// allowed) or a single DER certificate.
struct CertificateFile {
    std::string path;  // as given by the caller, used in messages
    std::vector<CertificatePtr> certificates;
    std::vector<std::size_t> lines;  // 1-based line of each certificate's BEGIN; 0 for DER
    std::vector<PrivateKeyBlock> private_keys;
    bool pem = false;
};

// Reads (input_file.hpp: a regular file of at most `max_bytes`) and parses `path`. Throws
// InputError naming the file and the failing place (block, line, offset) for: unreadable, too
// large or empty files, PEM without END, bad base64, non-certificate PEM blocks, DER that is not
// one certificate, text with no PEM block. A PEM file holding only private-key blocks is returned
// with no certificates: callers decide what that means.
CertificateFile read_certificate_file(const std::filesystem::path& path,
                                      const CryptoBackend& backend,
                                      std::uint64_t max_bytes = max_certificate_file_bytes);

// Same, from bytes already in memory; `display_name` is used in errors.
CertificateFile parse_certificate_file(std::string display_name, ByteView content,
                                       const CryptoBackend& backend);

}  // namespace dpslint
