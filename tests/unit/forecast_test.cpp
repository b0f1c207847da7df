// compute_forecast: which certificate's expiry takes each device out, roles, windows, and the
// enrollments that stop, on real certificates through the attestation simulator.
#include "dpslint/forecast.hpp"

#include <algorithm>

#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace forecast_test {

using namespace dpslint;
using namespace dpslint::test;

namespace {

Device device(const std::string& testdata_file) {
    const auto certs = certificates(testdata_file);
    Device d;
    d.file = testdata_file;
    d.leaf = certs.front();
    d.presented.assign(certs.begin() + 1, certs.end());
    return d;
}

ForecastOptions window(TimePoint from, TimePoint until) {
    ForecastOptions o;
    o.from = from;
    o.until = until;
    return o;
}

const ForecastEvent* event_for(const Forecast& f, const std::string& sha256) {
    const auto it = std::find_if(f.events.begin(), f.events.end(),
                                 [&](const ForecastEvent& e) { return e.sha256 == sha256; });
    return it == f.events.end() ? nullptr : &*it;
}

// Root record verified, a group on it; the device presents its intermediate, which outlives
// nothing: leaf 2040, intermediate 2035, root 2045.
Snapshot outliving_leaf_snapshot() {
    Snapshot s = empty_snapshot();
    s.certificates->push_back(
        ca_record("rule-root", certificate("rules/device/ca/root.pem"), true));
    s.ca_files.push_back(ca_file(certificate("rules/device/ca/root.pem")));
    s.groups.push_back(x509_group("rule-fleet", "rule-root"));
    s.linked_hubs->push_back(linked_hub("hub.azure-devices.net", "eastus"));
    renumber(s);
    return s;
}

}  // namespace

TEST_CASE("forecast: a demo device stops with its own certificate, the group with its CA",
          "[forecast]") {
    const Snapshot s = demo_snapshot();
    const Device d = device("demo/devices/device-1.pem");
    const Forecast f =
        compute_forecast(s, backend(), {d}, window(make_time(2026, 12, 1), make_time(2045, 1, 1)));
    CHECK(f.devices == 1);
    CHECK(f.provisioned == 1);
    CHECK(f.lost_in_window == 1);
    REQUIRE(f.events.size() == 3);

    const auto& leaf = f.events[0];
    CHECK(leaf.date == make_time(2030, 1, 1));
    CHECK(leaf.role == ForecastRole::device);
    CHECK(leaf.sha256 == d.leaf->sha256());
    CHECK(leaf.devices_lost == 1);
    CHECK(leaf.enrollments == std::vector<ForecastEnrollment>{{"group", "fleet", 1, false}});

    const auto& intermediate = f.events[1];
    CHECK(intermediate.date == make_time(2034, 1, 1));
    CHECK(intermediate.role == ForecastRole::verified_ca);
    CHECK(intermediate.name == "my-intermediate-ca");
    CHECK(intermediate.devices_lost == 0);
    CHECK(intermediate.enrollments == std::vector<ForecastEnrollment>{{"group", "fleet", 0, true}});

    CHECK(f.events[2].role == ForecastRole::root);
    CHECK(f.events[2].date == make_time(2044, 1, 1));

    REQUIRE(f.stops.size() == 1);
    CHECK(f.stops[0].kind == "group");
    CHECK(f.stops[0].id == "fleet");
    CHECK(f.stops[0].date == make_time(2034, 1, 1));
}

TEST_CASE("forecast: a device stops on the earliest notAfter up to the verified certificate",
          "[forecast]") {
    const Snapshot s = outliving_leaf_snapshot();
    const Device d = device("rules/device/outlives-issuer.pem");
    const Forecast f =
        compute_forecast(s, backend(), {d}, window(make_time(2027, 1, 1), make_time(2046, 1, 1)));
    REQUIRE(f.provisioned == 1);
    const auto* leaf = event_for(f, d.leaf->sha256());
    const auto* intermediate = event_for(f, d.presented.front()->sha256());
    REQUIRE(leaf != nullptr);
    REQUIRE(intermediate != nullptr);
    CHECK(leaf->devices_lost == 0);
    CHECK(leaf->role == ForecastRole::device);
    CHECK(intermediate->devices_lost == 1);
    CHECK(intermediate->date == make_time(2035, 1, 1));
    CHECK(intermediate->role == ForecastRole::presented_intermediate);
    const auto* root = event_for(f, certificate("rules/device/ca/root.pem")->sha256());
    REQUIRE(root != nullptr);
    CHECK(root->role == ForecastRole::root);
    CHECK(root->enrollments == std::vector<ForecastEnrollment>{{"group", "rule-fleet", 0, true}});
    // Events come in date order.
    CHECK(std::is_sorted(f.events.begin(), f.events.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; }));
}

TEST_CASE("forecast: the window bounds events and device losses", "[forecast]") {
    const Snapshot s = outliving_leaf_snapshot();
    const Device d = device("rules/device/outlives-issuer.pem");
    // Ends before the intermediate expires: nothing is lost yet.
    const Forecast early =
        compute_forecast(s, backend(), {d}, window(make_time(2027, 1, 1), make_time(2034, 12, 31)));
    CHECK(early.events.empty());
    CHECK(early.lost_in_window == 0);
    CHECK(early.provisioned == 1);
    // The end is inclusive: a notAfter on --until counts.
    const Forecast exact =
        compute_forecast(s, backend(), {d}, window(make_time(2027, 1, 1), make_time(2035, 1, 1)));
    REQUIRE(exact.events.size() == 1);
    CHECK(exact.lost_in_window == 1);
    // Starting after the intermediate expired: the device does not provision, nothing to lose.
    const Forecast late =
        compute_forecast(s, backend(), {d}, window(make_time(2036, 1, 1), make_time(2046, 1, 1)));
    CHECK(late.provisioned == 0);
    CHECK(late.lost_in_window == 0);
    CHECK(event_for(late, d.leaf->sha256()) == nullptr);
}

TEST_CASE("forecast: an individual enrollment stops with its primary when nothing rolls over",
          "[forecast]") {
    Snapshot s = demo_snapshot();
    const Device d = device("demo/devices/device-1.pem");
    s.individuals->push_back(x509_individual("device-1", d.leaf));
    renumber(s);
    const auto w = window(make_time(2026, 12, 1), make_time(2031, 1, 1));
    Forecast f = compute_forecast(s, backend(), {d}, w);
    REQUIRE(f.events.size() == 1);
    CHECK(f.events[0].role == ForecastRole::device);
    CHECK(f.events[0].devices_lost == 1);
    CHECK(f.events[0].enrollments
          == std::vector<ForecastEnrollment>{{"individual", "device-1", 1, true}});
    REQUIRE(f.stops.size() == 1);
    CHECK(f.stops[0].kind == "individual");
    CHECK_THAT(f.stops[0].why, Catch::Contains("no later secondary"));

    // A longer-lived secondary (known by its info only) moves the stop to its date.
    auto& x509 = *s.individuals->back().settings.attestation.x509;
    x509.client_secondary = x509.client_primary;
    x509.client_secondary->certificate.reset();
    x509.client_secondary->info->sha256_thumbprint = "AB";
    x509.client_secondary->info->not_after = make_time(2030, 6, 1);
    f = compute_forecast(s, backend(), {d}, w);
    REQUIRE(f.stops.size() == 1);
    CHECK(f.stops[0].date == make_time(2030, 6, 1));
    CHECK(f.stops[0].sha256 == "AB");
}

TEST_CASE("forecast: without devices the snapshot's certificates still make the calendar",
          "[forecast]") {
    const Snapshot s = testdata_snapshot("demo/snapshot");
    const Forecast f =
        compute_forecast(s, backend(), {}, window(make_time(2026, 12, 1), make_time(2045, 1, 1)));
    CHECK(f.devices == 0);
    CHECK(f.lost_in_window == 0);
    std::vector<std::string> roles;
    for (const auto& e : f.events)
        roles.push_back(std::string(to_string(e.role)) + " "
                        + format_rfc3339(e.date).substr(0, 10));
    // device-001's disabled individual enrollment (info only), the two intermediates, the root.
    CHECK(roles
          == std::vector<std::string>{"device 2030-01-01", "verified-ca 2034-01-01",
                                      "uploaded-ca 2034-01-01", "root 2044-01-01"});
    // Every group stops when its intermediate does; the disabled individual does not count.
    REQUIRE(f.stops.size() == 4);
    CHECK(std::all_of(f.stops.begin(), f.stops.end(), [](const EnrollmentStop& s_) {
        return s_.kind == "group" && s_.date == make_time(2034, 1, 1);
    }));
}

}  // namespace forecast_test
