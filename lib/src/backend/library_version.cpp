// The versions of the crypto libraries as loaded at run time (OpenSSL_version and Botan's
// version functions are compiled into those libraries, not into dpslint).

#include <openssl/crypto.h>

#include "dpslint/backend.hpp"

#include "backend/botan/botan_includes.hpp"

namespace dpslint {

std::string crypto_library_version(BackendKind kind) {
    if (kind == BackendKind::botan)
        return "Botan " + Botan::short_version_string();
    return OpenSSL_version(OPENSSL_VERSION);
}

}  // namespace dpslint
