#include "batch/batch_support.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace dpslint::rules::batch {

namespace {

constexpr std::uint64_t fnv_offset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;

std::uint64_t mix(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

char lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::uint64_t hash64(std::string_view text) noexcept {
    std::uint64_t h = fnv_offset;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= fnv_prime;
    }
    return mix(h);
}

std::uint64_t hash64_lower(std::string_view text) noexcept {
    std::uint64_t h = fnv_offset;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(lower(c));
        h *= fnv_prime;
    }
    return mix(h);
}

std::uint64_t hash_combine(std::uint64_t a, std::uint64_t b) noexcept {
    return mix(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

std::uint32_t certificate_tag(const DeviceSummary& device) noexcept {
    return static_cast<std::uint32_t>(hash64_lower(device.sha256));
}

std::string describe(const DeviceSummary& device) {
    return device.file
           + (device.certificate_index > 0 ? " #" + std::to_string(device.certificate_index)
                                           : std::string());
}

void DuplicateIndex::add(std::uint64_t key_hash, std::uint32_t tag, std::uint64_t sequence) {
    if (sequence > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("batch rules handle at most 2^32 device certificates per batch");
    entries_.push_back(Entry{key_hash, tag, static_cast<std::uint32_t>(sequence)});
}

DuplicateIndex::Candidates DuplicateIndex::candidates(bool distinct_tags, std::size_t max_devices) {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return a.key != b.key ? a.key < b.key : a.sequence < b.sequence;
    });
    // Runs of equal key hash: [begin, end) index pairs.
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t i = 0; i < entries_.size();) {
        std::size_t j = i + 1;
        bool mixed = false;
        while (j < entries_.size() && entries_[j].key == entries_[i].key) {
            mixed |= entries_[j].tag != entries_[i].tag;
            ++j;
        }
        if (j - i >= 2 && (mixed || !distinct_tags))
            runs.emplace_back(i, j);
        i = j;
    }
    std::sort(runs.begin(), runs.end(), [&](const auto& a, const auto& b) {
        return entries_[a.first].sequence < entries_[b.first].sequence;
    });
    Candidates out;
    std::size_t taken = 0;
    for (const auto& [begin, end] : runs) {
        // A group larger than what is left of the budget is checked on its first devices.
        const std::size_t left = max_devices - taken;
        const std::size_t n = end - begin;
        const std::size_t take = n <= left ? n : (left >= 2 ? left : 0);
        if (take < n) {
            if (out.unchecked_devices == 0)
                out.first_unchecked = entries_[begin + take].sequence;
            out.unchecked_devices += n - take;
        }
        if (take == 0)
            continue;
        taken += take;
        std::vector<std::uint64_t> group;
        group.reserve(take);
        for (std::size_t k = begin; k < begin + take; ++k)
            group.push_back(entries_[k].sequence);
        out.groups.push_back(std::move(group));
    }
    return out;
}

DuplicateScan confirm_duplicates(
    DuplicateIndex& index, bool distinct_tags, const lint::SummaryLookup& lookup,
    const std::function<bool(const DeviceSummary&, const DeviceSummary&)>& equal,
    const std::function<bool(const DeviceSummary&, const DeviceSummary&)>& skip) {
    DuplicateScan scan;
    const auto candidates = index.candidates(distinct_tags);
    scan.unchecked_devices = candidates.unchecked_devices;
    if (candidates.groups.empty() && candidates.unchecked_devices == 0)
        return scan;

    std::vector<std::uint64_t> wanted;
    for (const auto& group : candidates.groups)
        wanted.insert(wanted.end(), group.begin(), group.end());
    if (candidates.unchecked_devices > 0)
        wanted.push_back(candidates.first_unchecked);
    scan.summaries = lookup(wanted);
    scan.summaries.resize(wanted.size());
    if (candidates.unchecked_devices > 0) {
        scan.first_unchecked = std::move(scan.summaries.back());
        scan.summaries.pop_back();
    }

    std::size_t at = 0;
    for (const auto& group : candidates.groups) {
        // Class representatives of this group, in input order.
        std::vector<const DeviceSummary*> firsts;
        for (const auto sequence : group) {
            const DeviceSummary& device = scan.summaries[at++];
            if (device.sha256.empty())
                continue;  // not found again
            const DeviceSummary* first = nullptr;
            for (const auto* f : firsts) {
                if (equal(*f, device)) {
                    first = f;
                    break;
                }
            }
            if (first == nullptr) {
                firsts.push_back(&device);
            } else if (!skip(*first, device)) {
                scan.duplicates.push_back(Duplicate{first, &device, sequence});
            }
        }
    }
    std::sort(scan.duplicates.begin(), scan.duplicates.end(),
              [](const Duplicate& a, const Duplicate& b) { return a.sequence < b.sequence; });
    return scan;
}

void report_unchecked(const DuplicateScan& scan, std::string_view what, lint::FindingSink& sink) {
    if (scan.unchecked_devices == 0)
        return;
    Location location;
    if (scan.first_unchecked && !scan.first_unchecked->file.empty())
        location = scan.first_unchecked->location();
    sink.report(std::to_string(scan.unchecked_devices) + " further device certificates that may "
                    + "share " + std::string(what) + " with another device were not checked, "
                    + "because the batch has more than " + std::to_string(max_confirmed_devices)
                    + " candidates; fix the reported ones and run the batch again",
                std::move(location));
}

std::uint64_t serial_low64(std::string_view serial_hex) noexcept {
    std::uint64_t value = 0;
    for (const char c : serial_hex) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<unsigned>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<unsigned>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<unsigned>(c - 'A' + 10);
        } else {
            continue;
        }
        value = (value << 4) | digit;
    }
    return value;
}

}  // namespace dpslint::rules::batch
