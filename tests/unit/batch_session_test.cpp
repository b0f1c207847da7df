// The one batch session every streaming command feeds: where devices came from, what reaches the
// batch rules, and which rules it reports as run. Real rules from the registry, synthetic records.
#include "dpslint/batch/batch_session.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "dpslint_rules/registry.hpp"

using namespace dpslint;
using namespace dpslint::batch;

namespace batch_session_test {

namespace {

// Only the batch rules named, everything else off.
lint::Linter batch_rules(std::vector<std::string> ids) {
    lint::RuleToggles toggles;
    toggles.disable = {"*"};
    toggles.enable = std::move(ids);
    return lint::Linter(rules::registry(), lint::LintConfig{}, toggles, TimePoint{});
}

std::string hex64(std::uint64_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(64, '0');
    for (std::size_t i = 64; i-- > 0 && n != 0; n >>= 4)
        out[i] = digits[n & 15];
    return out;
}

// What a device at (file, index) looks like; a real batch would read it from the file.
lint::DeviceSummary summary_at(const std::string& file, std::uint64_t index,
                               std::uint64_t same_as_index) {
    lint::DeviceSummary s;
    s.file = file;
    s.certificate_index = index;
    s.subject = "CN=device-" + std::to_string(index);
    s.registration_id = "device-" + std::to_string(index);
    s.sha256 = hex64(index == same_as_index ? 5 : index);
    return s;
}

}  // namespace

TEST_CASE("a batch session keeps the place of every device, past 65,536 in one file",
          "[batch][batch-session]") {
    // One bundle of 70,000 device certificates, the 65,542nd a copy of the 6th.
    constexpr std::uint64_t copy = 65'541;
    const std::string bundle = "factory/bundle.pem";
    FileRecord record;
    record.sequence = 3;
    record.path = bundle;
    for (std::uint64_t i = 0; i < 70'000; ++i) {
        DeviceRecord d;
        d.summary = summary_at(bundle, i, copy);
        record.devices.push_back(std::move(d));
    }
    FileRecord single;
    single.sequence = 4;
    single.path = "factory/one.pem";
    single.devices.push_back(DeviceRecord{});
    single.devices.back().summary = summary_at(single.path, 0, copy);
    single.devices.back().summary.sha256 = hex64(999'999);

    const auto linter = batch_rules({"batch.duplicate-certificate"});
    BatchSession session(linter, nullptr);
    session.observe(record);
    session.observe(single);
    REQUIRE(session.devices() == 70'001);

    const auto place = session.place_of(copy);
    CHECK(place.number == copy);
    CHECK(place.file_sequence == 3);
    CHECK(place.certificate_index == copy);
    CHECK(session.place_of(65'535).certificate_index == 65'535);
    CHECK(session.place_of(70'000).file_sequence == 4);
    CHECK(session.place_of(70'000).certificate_index == 0);
    CHECK_THROWS_AS(session.place_of(70'001), std::out_of_range);

    // The duplicate is confirmed by looking both devices up again by place: a clamped index
    // would fetch another device and the finding would be lost.
    std::vector<DevicePlace> asked;
    const auto report = session.finish(
        [&](const std::vector<DevicePlace>& places) {
            std::vector<lint::DeviceSummary> found;
            for (const auto& p : places) {
                asked.push_back(p);
                found.push_back(summary_at(p.file_sequence == 3 ? bundle : single.path,
                                           p.certificate_index, copy));
            }
            return found;
        },
        {});
    REQUIRE(report.findings.size() == 1);
    const auto& f = report.findings[0];
    CHECK(f.id == "batch.duplicate-certificate");
    CHECK(f.location.file == bundle);
    CHECK(f.location.certificate_index == std::size_t{copy});
    bool asked_for_copy = false;
    for (const auto& p : asked)
        asked_for_copy |= p.file_sequence == 3 && p.certificate_index == copy;
    CHECK(asked_for_copy);
}

TEST_CASE("a batch session passes each file's private-key blocks to the batch rules",
          "[batch][batch-session]") {
    FileRecord with_key;
    with_key.sequence = 0;
    with_key.path = "line/with-key.pem";
    with_key.private_key_lines = {13};
    with_key.devices.push_back(DeviceRecord{});
    with_key.devices.back().summary = summary_at(with_key.path, 0, 99);

    const auto linter = batch_rules({"input.private-key-present"});
    BatchSession session(linter, nullptr);
    session.observe(with_key);
    const auto report = session.finish(
        [](const std::vector<DevicePlace>& places) {
            return std::vector<lint::DeviceSummary>(places.size());
        },
        {});
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].id == "input.private-key-present");
    CHECK(report.findings[0].location.file == "line/with-key.pem");
    CHECK(report.findings[0].location.line == std::size_t{13});
}

TEST_CASE("a batch session without a context lists only the batch rules as run",
          "[batch][batch-session]") {
    // batch-merge: the device rules ran in the shards, not here.
    const lint::Linter linter(rules::registry(), lint::LintConfig{}, lint::RuleToggles{},
                              TimePoint{});
    BatchSession session(linter, nullptr);
    Finding extra;
    extra.id = "input.unreadable";
    extra.severity = Severity::error;
    extra.message = "gone";
    const auto report = session.finish(
        [](const std::vector<DevicePlace>& places) {
            return std::vector<lint::DeviceSummary>(places.size());
        },
        {extra});
    REQUIRE_FALSE(report.rules_run.empty());
    for (const auto& id : report.rules_run) {
        INFO(id);
        REQUIRE(rules::find_rule(id) != nullptr);
        CHECK(rules::find_rule(id)->scope() == lint::Scope::batch);
    }
    CHECK(report.rules_not_applicable.empty());
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].id == "input.unreadable");
    CHECK_THROWS_AS(session.finish({}, {}), std::logic_error);
}

}  // namespace batch_session_test
