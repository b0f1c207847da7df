#include "dpslint/signature_cache.hpp"

#include <mutex>

namespace dpslint {

SignatureCheck SignatureCache::get_or_compute(const Certificate& subject, const Certificate& issuer,
                                              const std::function<SignatureCheck()>& compute) {
    auto key = std::make_pair(subject.sha256(), issuer.sha256());
    {
        std::shared_lock lock(mutex_);
        if (const auto it = entries_.find(key); it != entries_.end())
            return it->second;
    }
    // Computed outside the lock: two threads may both verify the same link once, which is
    // cheaper than serialising every verification behind a writer.
    SignatureCheck result = compute();
    std::unique_lock lock(mutex_);
    return entries_.emplace(std::move(key), std::move(result)).first->second;
}

std::size_t SignatureCache::size() const {
    std::shared_lock lock(mutex_);
    return entries_.size();
}

}  // namespace dpslint
