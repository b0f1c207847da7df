#pragma once

// Every Botan 2 header the backend uses, included through one file so that warnings inside
// Botan's own headers never reach -Werror. Only files under backend/botan include this.
#pragma GCC system_header

#include <botan/ber_dec.h>
#include <botan/bigint.h>
#include <botan/ecc_key.h>
#include <botan/exceptn.h>
#include <botan/hash.h>
#include <botan/pk_keys.h>
#include <botan/pkix_enums.h>
#include <botan/version.h>
#include <botan/x509_key.h>
#include <botan/x509_obj.h>
