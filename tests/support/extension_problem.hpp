#pragma once

#include <string>

#include "dpslint/backend.hpp"

namespace dpslint::test {

// The first extension problem of a certificate that parses, as "malformed <name> extension",
// "duplicate extension <oid>" or "empty <name> extension"; "no problem" when there is none, and
// "ParseError: ..." when it does not parse at all.
inline std::string extension_problem(const CryptoBackend& backend, const Bytes& der) {
    CertificatePtr cert;
    try {
        cert = backend.parse_certificate(der);
    } catch (const ParseError& e) {
        return std::string("ParseError: ") + e.what();
    }
    const auto& problems = cert->extensions().problems;
    if (problems.empty())
        return "no problem";
    const auto& p = problems.front();
    switch (p.kind) {
        case ExtensionProblemKind::duplicate:
            return "duplicate extension " + p.oid;
        case ExtensionProblemKind::empty:
            return "empty " + std::string(extension_name(p.oid)) + " extension";
        case ExtensionProblemKind::malformed:
            break;
    }
    return "malformed " + std::string(extension_name(p.oid)) + " extension";
}

}  // namespace dpslint::test
