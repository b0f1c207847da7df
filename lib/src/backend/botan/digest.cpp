#include "backend/botan/digest.hpp"

#include "backend/botan/botan_includes.hpp"

namespace dpslint::botan {

std::string digest_hex(const char* algorithm, ByteView data) {
    // A fresh object per call: HashFunction instances are stateful and not shared.
    const auto hash = Botan::HashFunction::create_or_throw(algorithm);
    hash->update(data.data(), data.size());
    return to_hex_upper(hash->final_stdvec());
}

}  // namespace dpslint::botan
