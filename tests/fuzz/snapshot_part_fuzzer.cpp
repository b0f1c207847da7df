// Fuzz target: one part of a snapshot directory. The first byte picks the part of the demo
// snapshot to replace (dps.json, certificates.json, enrollment-groups.json, enrollments.json,
// linked-hubs.json, a registrations file or a CA file), the rest is its content; the snapshot
// then goes through every lint rule and simulate, in every output format, on both backends.

#include <array>
#include <cstdint>
#include <filesystem>

#include "fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 7> parts{"dps.json",
                                           "certificates.json",
                                           "enrollment-groups.json",
                                           "enrollments.json",
                                           "linked-hubs.json",
                                           "registrations/my-device-group.json",
                                           "ca/my-intermediate-ca.pem"};

// A private copy of the demo snapshot, made once.
const fs::path& snapshot() {
    static const fs::path copy = [] {
        const fs::path to = dpslint::fuzz::scratch() / "snapshot";
        fs::copy(dpslint::fuzz::testdata("demo/snapshot"), to, fs::copy_options::recursive);
        return to;
    }();
    return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const fs::path part = snapshot() / parts[data[0] % parts.size()];
    const std::string original = dpslint::fuzz::read_text(part);
    dpslint::fuzz::write_input(fs::relative(part, dpslint::fuzz::scratch()).string(), data + 1,
                               size - 1);
    dpslint::fuzz::lint_and_simulate(snapshot().string());
    dpslint::fuzz::write_input(fs::relative(part, dpslint::fuzz::scratch()).string(), original);
    return 0;
}
