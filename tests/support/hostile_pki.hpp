#pragma once

// A PKI built to make chain building work hard: many CA certificates with one name. Built in
// memory (P-256 keys are cheap) rather than committed: one case is 800 KB of PEM.

#include <cstddef>
#include <string>
#include <vector>

#include "dpslint/bytes.hpp"

namespace dpslint::test {

// Root "CN=Hostile Root" (self-signed), the genuine "CN=Hostile CA" it issued, `decoys` other CA
// certificates named "CN=Hostile CA", each signed by a key of its own, and `leaves` device
// certificates "CN=device-N" issued by the genuine CA. The decoys name themselves as issuer, or
// with `decoys_claim_root` the root (so each one looks like a path to it). Valid 2024..2040, no
// key identifiers: names are all a path builder has to go by.
struct SameNameCas {
    Bytes root;
    Bytes genuine;
    std::vector<Bytes> decoys;
    std::vector<Bytes> leaves;

    // A device file: the leaves, then the decoys, then (unless left out) the genuine CA, as PEM.
    std::string device_file_pem(bool with_genuine = true) const;
};

SameNameCas same_name_cas(std::size_t leaves, std::size_t decoys, bool decoys_claim_root = false);

}  // namespace dpslint::test
