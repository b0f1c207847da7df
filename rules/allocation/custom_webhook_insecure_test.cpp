#include <catch2/catch.hpp>

#include "support/rule_harness.hpp"

namespace dpslint::rules::allocation::custom_webhook_insecure_test {

using namespace dpslint::test;

namespace {
Snapshot custom_with(const std::string& url) {
    Snapshot s = demo_snapshot();
    s.groups[0].settings.allocation_policy = AllocationPolicy::custom;
    s.groups[0].settings.custom_allocation = CustomAllocationDefinition{url, "2021-10-01", {}};
    return s;
}
}  // namespace

TEST_CASE("allocation.custom-webhook-insecure fires for an Azure Function URL without a key",
          "[rule][allocation.custom-webhook-insecure]") {
    const Snapshot s = custom_with("https://alloc.azurewebsites.net/api/HttpTrigger1");
    const auto r = run_rule("allocation.custom-webhook-insecure", &s);
    REQUIRE(r.applicable);
    REQUIRE(r.ids() == std::vector<std::string>{"allocation.custom-webhook-insecure"});
    CHECK(r.findings[0].location.file == "enrollment-groups.json");
    CHECK(r.findings[0].location.json_pointer == "/0/customAllocationDefinition/webhookUrl");
    CHECK(r.findings[0].location.enrollment_id == "fleet");
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK_THAT(r.findings[0].message, Catch::Contains("code="));
}

TEST_CASE("allocation.custom-webhook-insecure fires for plain http as hygiene",
          "[rule][allocation.custom-webhook-insecure]") {
    const Snapshot s = custom_with("http://alloc.example.com/allocate");
    const auto r = run_rule("allocation.custom-webhook-insecure", &s);
    REQUIRE(r.findings.size() == 1);
    CHECK_THAT(r.findings[0].message, Catch::Contains("hygiene"));
}

TEST_CASE("allocation.custom-webhook-insecure is silent for https with a key or a masked query",
          "[rule][allocation.custom-webhook-insecure]") {
    for (const char* url : {"https://alloc.azurewebsites.net/api/HttpTrigger1?****",
                            "https://alloc.azurewebsites.net/api/HttpTrigger1?code=abc%3D%3D",
                            "HTTPS://alloc.example.com/allocate"}) {
        const Snapshot s = custom_with(url);
        const auto r = run_rule("allocation.custom-webhook-insecure", &s);
        CHECK(r.applicable);
        CHECK(r.findings.empty());
    }
}

}  // namespace dpslint::rules::allocation::custom_webhook_insecure_test
