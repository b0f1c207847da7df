#include "batch/batch_support.hpp"

#include <catch2/catch.hpp>

namespace dpslint::rules::batch::batch_support_test {

using namespace dpslint::test;

namespace {
DeviceSummary summary(std::string file, std::string cn, std::string sha256) {
    DeviceSummary s;
    s.file = std::move(file);
    s.registration_id = std::move(cn);
    s.sha256 = std::move(sha256);
    return s;
}
}  // namespace

TEST_CASE("batch support hashes are stable and case-folding where asked", "[rule][batch]") {
    CHECK(hash64("device-1") == hash64("device-1"));
    CHECK(hash64("device-1") != hash64("Device-1"));
    CHECK(hash64_lower("device-1") == hash64_lower("DEVICE-1"));
    CHECK(hash64_lower("device-1") != hash64_lower("device-2"));
    CHECK(hash_combine(hash64("a"), hash64("bc")) != hash_combine(hash64("ab"), hash64("c")));
}

TEST_CASE("batch support reads the low 64 bits of a hex serial", "[rule][batch]") {
    CHECK(serial_low64("1000") == 0x1000);
    CHECK(serial_low64("5eed0000000000000000000000000001") == 1);
    CHECK(serial_low64("00FFFFFFFFFFFFFFFF") == 0xFFFFFFFFFFFFFFFFULL);
    CHECK(serial_low64("") == 0);
}

TEST_CASE("a hash collision never makes a duplicate", "[rule][batch]") {
    // Three devices whose keys hash alike (forced) but differ: one lookup, no duplicate.
    const std::vector<DeviceSummary> devices = {summary("a.pem", "alpha", "AA"),
                                                summary("b.pem", "beta", "BB"),
                                                summary("c.pem", "ALPHA", "CC")};
    DuplicateIndex index;
    for (std::size_t i = 0; i < devices.size(); ++i)
        index.add(42, certificate_tag(devices[i]), i);
    int lookups = 0;
    const auto scan = confirm_duplicates(
        index, true,
        [&](const std::vector<std::uint64_t>& wanted) {
            ++lookups;
            std::vector<DeviceSummary> out;
            for (const auto n : wanted)
                out.push_back(devices.at(n));
            return out;
        },
        [](const DeviceSummary& a, const DeviceSummary& b) {
            return a.registration_id == b.registration_id;  // case-sensitive here
        },
        [](const DeviceSummary&, const DeviceSummary&) { return false; });
    CHECK(lookups == 1);
    CHECK(scan.duplicates.empty());
    CHECK(scan.unchecked_devices == 0);
}

TEST_CASE("every later device is reported against the first with its key", "[rule][batch]") {
    // Sequences 0..4: keys a, b, A, a (a copy of sequence 0), a.
    const std::vector<DeviceSummary> devices = {
        summary("0.pem", "a", "S0"), summary("1.pem", "b", "S1"), summary("2.pem", "A", "S2"),
        summary("3.pem", "a", "S0"), summary("4.pem", "a", "S4")};
    DuplicateIndex index;
    for (std::size_t i = 0; i < devices.size(); ++i)
        index.add(hash64_lower(devices[i].registration_id), certificate_tag(devices[i]), i);
    const auto scan = confirm_duplicates(
        index, true,
        [&](const std::vector<std::uint64_t>& wanted) {
            std::vector<DeviceSummary> out;
            for (const auto n : wanted)
                out.push_back(devices.at(n));
            return out;
        },
        [](const DeviceSummary& a, const DeviceSummary& b) {
            return a.registration_id.size() == b.registration_id.size()
                   && hash64_lower(a.registration_id) == hash64_lower(b.registration_id);
        },
        [](const DeviceSummary& a, const DeviceSummary& b) { return a.sha256 == b.sha256; });
    REQUIRE(scan.duplicates.size() == 2);
    CHECK(scan.duplicates[0].first->file == "0.pem");
    CHECK(scan.duplicates[0].later->file == "2.pem");
    CHECK(scan.duplicates[0].sequence == 2);
    CHECK(scan.duplicates[1].first->file == "0.pem");
    CHECK(scan.duplicates[1].later->file == "4.pem");
}

TEST_CASE("copies of one certificate are dropped without a lookup", "[rule][batch]") {
    const auto device = summary("a.pem", "alpha", "AA");
    DuplicateIndex index;
    index.add(7, certificate_tag(device), 0);
    index.add(7, certificate_tag(device), 1);
    index.add(9, certificate_tag(device), 2);
    int lookups = 0;
    const auto scan = confirm_duplicates(
        index, true,
        [&](const std::vector<std::uint64_t>& wanted) {
            ++lookups;
            return std::vector<DeviceSummary>(wanted.size(), device);
        },
        [](const DeviceSummary&, const DeviceSummary&) { return true; },
        [](const DeviceSummary&, const DeviceSummary&) { return false; });
    CHECK(lookups == 0);
    CHECK(scan.duplicates.empty());
}

TEST_CASE("candidate groups are capped, the rest counted as not checked", "[rule][batch]") {
    DuplicateIndex index;
    // Group of key 1: sequences 0, 5; key 2: 1, 2, 3; key 3: 4 alone.
    index.add(1, 0, 0);
    index.add(2, 0, 1);
    index.add(2, 0, 2);
    index.add(2, 0, 3);
    index.add(3, 0, 4);
    index.add(1, 0, 5);
    const auto c = index.candidates(false, 4);
    REQUIRE(c.groups.size() == 2);
    CHECK(c.groups[0] == std::vector<std::uint64_t>{0, 5});
    CHECK(c.groups[1] == std::vector<std::uint64_t>{1, 2});  // the first two that fit
    CHECK(c.unchecked_devices == 1);
    CHECK(c.first_unchecked == 3);
}

TEST_CASE("a duplicate index entry is 16 bytes and sequences beyond 32 bits are refused",
          "[rule][batch]") {
    DuplicateIndex index;
    CHECK_THROWS_AS(index.add(1, 0, 0x100000000ULL), std::length_error);
}

}  // namespace dpslint::rules::batch::batch_support_test
