#pragma once

// One DER certificate → CertificateFields plus the Botan objects its signature checks need.

#include <memory>

#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"

#include "backend/botan/native_certificate.hpp"

namespace dpslint::botan {

struct DecodedCertificate {
    CertificateFields fields;
    std::shared_ptr<const BotanCertificate> native;
};

// Throws ParseError (one line, no trailing period) unless `der` is exactly one DER certificate.
DecodedCertificate decode_certificate(ByteView der);

}  // namespace dpslint::botan
