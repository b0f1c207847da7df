#pragma once

// Byte-level DER structure checks. OpenSSL's decoder also accepts BER (indefinite and
// non-minimal lengths, ...); dpslint takes DER only, whichever backend decodes it.

#include <cstdint>
#include <optional>
#include <string>

#include "dpslint/bytes.hpp"

namespace dpslint::openssl {

struct Tlv {
    int tag_class = 0;  // 0 universal, 1 application, 2 context, 3 private
    bool constructed = false;
    std::uint32_t number = 0;
    ByteView content;
    std::size_t size = 0;  // identifier, length and content octets
};

// The element at the start of `data`, or the reason it is not DER.
struct TlvResult {
    std::optional<Tlv> tlv;
    std::string error;
};
TlvResult read_tlv(ByteView data);

// Why `data` (a sequence of elements, constructed ones checked recursively) is not DER;
// nullopt when it is. The shared check_der_tree (x509/der_reader.hpp), which the Botan backend
// runs too: OpenSSL's decoders accept some BER (a primitive SEQUENCE or SET where they take any
// type, for one) that Botan's do not, and both backends must refuse the same input.
std::optional<std::string> der_violation(ByteView data);

}  // namespace dpslint::openssl
