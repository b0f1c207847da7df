#pragma once

#include <functional>
#include <map>
#include <shared_mutex>
#include <string>
#include <utility>

#include "dpslint/backend.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Remembers the outcome of "does B's key verify A's signature" by the pair of SHA-256
// thumbprints, so in a batch each CA link is checked once however many leaves share it.
// Thread-safe.
class SignatureCache {
public:
    SignatureCheck get_or_compute(const Certificate& subject, const Certificate& issuer,
                                  const std::function<SignatureCheck()>& compute);
    std::size_t size() const;

private:
    mutable std::shared_mutex mutex_;
    std::map<std::pair<std::string, std::string>, SignatureCheck> entries_;
};

}  // namespace dpslint
DPSLINT_API_END
