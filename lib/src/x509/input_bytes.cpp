#include "x509/input_bytes.hpp"

namespace dpslint::detail {

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

}  // namespace dpslint::detail
