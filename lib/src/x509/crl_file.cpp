#include <string>

#include "dpslint/backend.hpp"
#include "dpslint/certificate_file.hpp"
#include "dpslint/crl.hpp"
#include "dpslint/error.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/pem.hpp"

#include "x509/input_bytes.hpp"

namespace dpslint {

namespace {

CrlPtr parse_der(const std::string& name, const std::string& where, ByteView der,
                 const CryptoBackend& backend) {
    if (auto problem = detail::der_header_problem(der); !problem.empty())
        throw InputError(name, where, "not a CRL: " + problem);
    try {
        return backend.parse_crl(der);
    } catch (const ParseError& e) {
        throw InputError(name, where, std::string("not a valid CRL: ") + e.what());
    }
}

}  // namespace

void load_crl_file(const std::filesystem::path& path, const CryptoBackend& backend, CrlSet& set) {
    const std::string name = path.string();
    const Bytes content = read_input_file(path, max_crl_file_bytes, "CRL file");
    if (content.empty())
        throw InputError(name, "", "file is empty");
    const std::string_view text(reinterpret_cast<const char*>(content.data()), content.size());
    if (contains_pem(text)) {
        std::size_t count = 0;
        for (const auto& block : scan_pem(name, text)) {
            const std::string where = "block " + std::to_string(block.number) + " (line "
                                      + std::to_string(block.line) + ")";
            if (block.label != "X509 CRL")
                throw InputError(name, where,
                                 "PEM block " + quote_input(block.label) + " is not a CRL");
            set.add(parse_der(name, where, block.der, backend),
                    name + ", CRL " + std::to_string(++count) + " (line "
                        + std::to_string(block.line) + ")");
        }
        if (count == 0)
            throw InputError(name, "", "no X509 CRL block in PEM file");
        return;
    }
    if (detail::looks_like_text(content))
        throw InputError(name, "line 1",
                         "not a CRL: no PEM BEGIN line and the file is text, not DER");
    set.add(parse_der(name, "offset 0", content, backend), name);
}

}  // namespace dpslint
