#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

using namespace dpslint;
using namespace dpslint::test;

TEST_CASE("device.cn-missing is silent for a device with one CN", "[rule][device.cn-missing]") {
    const auto r = run_rule("device.cn-missing", nullptr, {"demo/devices/device-1.pem"});
    CHECK(r.applicable);
    CHECK(r.findings.empty());
}

TEST_CASE("device.cn-missing does not apply without devices", "[rule][device.cn-missing]") {
    const Snapshot s = demo_snapshot();
    CHECK_FALSE(run_rule("device.cn-missing", &s).applicable);
}
