#include "verify/name_constraints.hpp"

#include <catch2/catch.hpp>

using namespace dpslint::detail;

TEST_CASE("dNSName constraints match the name and its subdomains", "[name-constraints]") {
    CHECK(dns_name_matches("devices.example.com", "devices.example.com"));
    CHECK(dns_name_matches("A.Devices.Example.com", "devices.example.com"));
    CHECK_FALSE(dns_name_matches("baddevices.example.com", "devices.example.com"));
    CHECK(dns_name_matches("a.example.com", ".example.com"));
    CHECK_FALSE(dns_name_matches("example.com", ".example.com"));
    CHECK(dns_name_matches("anything", ""));
}

TEST_CASE("rfc822Name, URI and iPAddress constraints", "[name-constraints]") {
    CHECK(email_matches("ops@example.com", "example.com"));
    CHECK(email_matches("ops@a.example.com", ".example.com"));
    CHECK_FALSE(email_matches("ops@example.com", ".example.com"));
    CHECK(email_matches("ops@Example.com", "ops@example.com"));
    CHECK_FALSE(email_matches("dev@example.com", "ops@example.com"));
    CHECK(uri_matches("https://user@hub.example.com:443/x", "hub.example.com"));
    CHECK(uri_matches("https://a.example.com/", ".example.com"));
    CHECK_FALSE(uri_matches("urn:uuid:1234", "example.com"));
    CHECK(ip_matches("10.1.2.3", "10.0.0.0/8"));
    CHECK_FALSE(ip_matches("11.1.2.3", "10.0.0.0/8"));
    CHECK(ip_matches("2001:db8::1", "2001:db8::/32"));
    CHECK_FALSE(ip_matches("10.1.2.3", "2001:db8::/32"));
}
