#pragma once

// What the batch.* rules share. A factory batch can hold millions of device certificates, so an
// aggregator keeps per device only a fixed-size entry (a 64-bit hash of the key it compares, a
// 32-bit tag of the certificate and the sequence number: 16 bytes), sorts the entries at the
// end, and asks the engine's SummaryLookup once for the full summaries of the few candidates.
// Equality is always confirmed on the real values: a hash collision never makes a finding.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/finding.hpp"
#include "dpslint/lint/context.hpp"
#include "dpslint/lint/rule.hpp"

namespace dpslint::rules::batch {

using lint::DeviceSummary;

// 64-bit FNV-1a over the bytes, finished with the splitmix64 mixer. Not cryptographic.
std::uint64_t hash64(std::string_view text) noexcept;
// The same over the ASCII-lower-cased bytes (registration IDs are case-insensitive).
std::uint64_t hash64_lower(std::string_view text) noexcept;
std::uint64_t hash_combine(std::uint64_t a, std::uint64_t b) noexcept;

// A 32-bit tag of the certificate itself (its SHA-256 thumbprint): lets a rule skip, without a
// lookup, a run of entries that are all copies of one certificate.
std::uint32_t certificate_tag(const DeviceSummary& device) noexcept;

// "batch/x.pem" or "batch/x.pem #2" (the certificate's position in its file, when not first).
std::string describe(const DeviceSummary& device);

// How many candidate devices a duplicate rule looks up at most. Beyond it, the rest is reported
// as one "not checked" finding: the lookup and the findings have to fit in memory too.
inline constexpr std::size_t max_confirmed_devices = 10000;

// Devices keyed by a hash, for the "same X on two devices" rules.
class DuplicateIndex {
public:
    // `sequence` must fit 32 bits (std::length_error otherwise).
    void add(std::uint64_t key_hash, std::uint32_t tag, std::uint64_t sequence);
    std::size_t size() const noexcept { return entries_.size(); }

    struct Candidates {
        // Sequence numbers of the devices with one key hash, ascending; groups ordered by their
        // first device.
        std::vector<std::vector<std::uint64_t>> groups;
        // Candidate devices left out by `max_devices` (whole groups, or the tail of a group
        // larger than what was left of it).
        std::size_t unchecked_devices = 0;
        std::uint64_t first_unchecked = 0;  // valid when unchecked_devices > 0
    };
    // Groups of at least two entries with equal key hash. With `distinct_tags`, a group whose
    // entries all carry one certificate tag (copies of one certificate) is dropped. Sorts the
    // entries; call once, after the last add.
    Candidates candidates(bool distinct_tags, std::size_t max_devices = max_confirmed_devices);

private:
    struct Entry {
        std::uint64_t key;
        std::uint32_t tag;
        std::uint32_t sequence;
    };
    static_assert(sizeof(Entry) == 16);
    std::vector<Entry> entries_;
};

// One confirmed duplicate: `later` has the same key as `first`, the earliest device with it.
struct Duplicate {
    const DeviceSummary* first = nullptr;
    const DeviceSummary* later = nullptr;
    std::uint64_t sequence = 0;  // of `later`
};

struct DuplicateScan {
    std::vector<Duplicate> duplicates;     // in input order of `later`
    std::vector<DeviceSummary> summaries;  // owns what the duplicates point at
    std::size_t unchecked_devices = 0;
    std::optional<DeviceSummary> first_unchecked;
};

// Looks the candidates up (one call) and confirms them: within each group, devices whose keys
// are `equal` form a class, the first device of a class is `first` and every later device of it
// is reported against it unless `skip(first, later)`. Devices the lookup cannot find are ignored.
DuplicateScan confirm_duplicates(
    DuplicateIndex& index, bool distinct_tags, const lint::SummaryLookup& lookup,
    const std::function<bool(const DeviceSummary&, const DeviceSummary&)>& equal,
    const std::function<bool(const DeviceSummary&, const DeviceSummary&)>& skip);

// Reports the "not checked" finding of a scan that hit max_confirmed_devices.
void report_unchecked(const DuplicateScan& scan, std::string_view what, lint::FindingSink& sink);

// The low 64 bits of a hex serial number (upper or lower case; non-hex characters ignored).
std::uint64_t serial_low64(std::string_view serial_hex) noexcept;

// How many distinct issuers a per-issuer rule tracks by name. A batch of self-signed device
// certificates has one issuer per device, which must not cost a string per device.
inline constexpr std::size_t max_tracked_issuers = 1024;

}  // namespace dpslint::rules::batch
