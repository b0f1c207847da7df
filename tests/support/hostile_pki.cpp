#include "support/hostile_pki.hpp"

#include <string>

#include <openssl/x509v3.h>

#include "support/certificate_builder.hpp"

namespace dpslint::test {

namespace {

Bytes ca(const char* subject, const char* issuer, EVP_PKEY* key, EVP_PKEY* signer,
         const std::string& serial) {
    Builder b;
    b.names(subject, issuer).serial(serial.c_str()).key(key);
    b.ext(NID_basic_constraints, "critical,CA:TRUE");
    return b.sign(signer);
}

}  // namespace

SameNameCas same_name_cas(std::size_t leaves, std::size_t decoys, bool decoys_claim_root) {
    SameNameCas out;
    const KeyPtr root_key = new_p256();
    const KeyPtr ca_key = new_p256();
    out.root = ca("Hostile Root", "Hostile Root", root_key.get(), root_key.get(), "10");
    out.genuine = ca("Hostile CA", "Hostile Root", ca_key.get(), root_key.get(), "11");
    for (std::size_t i = 0; i < decoys; ++i) {
        const KeyPtr key = new_p256();
        out.decoys.push_back(ca("Hostile CA", decoys_claim_root ? "Hostile Root" : "Hostile CA",
                                key.get(), key.get(), std::to_string(1000 + i)));
    }
    for (std::size_t i = 0; i < leaves; ++i) {
        // Keys and scattered serials of their own, so no batch.* rule sees a factory mistake.
        const KeyPtr key = new_p256();
        const std::string cn = "device-" + std::to_string(i);
        const std::string serial = std::to_string(100000 + (i * 2654435761u) % 4294967291u);
        Builder b;
        b.names(cn.c_str(), "Hostile CA").serial(serial.c_str()).key(key.get());
        out.leaves.push_back(b.sign(ca_key.get()));
    }
    return out;
}

std::string SameNameCas::device_file_pem(bool with_genuine) const {
    std::string out;
    for (const auto& l : leaves)
        out += to_pem(l);
    for (const auto& d : decoys)
        out += to_pem(d);
    if (with_genuine)
        out += to_pem(genuine);
    return out;
}

}  // namespace dpslint::test
