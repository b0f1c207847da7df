#include "backend/openssl/der.hpp"

#include "x509/der_reader.hpp"

namespace dpslint::openssl {

TlvResult read_tlv(ByteView data) {
    try {
        const der::Tlv element = der::DerReader(data).read();
        Tlv tlv;
        tlv.tag_class = static_cast<int>(element.tag_class);
        tlv.constructed = element.constructed;
        tlv.number = element.number;
        tlv.content = element.content;
        tlv.size = element.encoding.size();
        return {tlv, {}};
    } catch (const der::DerError& e) {
        return {std::nullopt, e.what()};
    }
}

std::optional<std::string> der_violation(ByteView data) {
    try {
        der::check_der_tree(data);
    } catch (const der::DerError& e) {
        return e.what();
    }
    return std::nullopt;
}

}  // namespace dpslint::openssl
