#include "backend/botan/native_certificate.hpp"

namespace dpslint::botan {

SignedObject::SignedObject(ByteView der) {
    Botan::BER_Decoder decoder(der.data(), der.size());
    decode_from(decoder);
    decoder.verify_end();
}

}  // namespace dpslint::botan
