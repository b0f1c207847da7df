#include "dpslint/distinguished_name.hpp"

#include <catch2/catch.hpp>

using namespace dpslint;

namespace distinguished_name_test {

namespace {
DistinguishedName dn(std::vector<std::pair<std::string, std::string>> avas) {
    std::vector<DistinguishedName::Rdn> rdns;
    for (auto& [oid, value] : avas)
        rdns.push_back({AttributeTypeAndValue{oid, "", value, true}});
    return DistinguishedName(std::move(rdns));
}
}  // namespace

TEST_CASE("RFC 4514 text reverses encoding order and escapes specials", "[dn]") {
    const auto name = dn({{"2.5.4.6", "US"}, {"2.5.4.10", "Contoso, Inc."}, {"2.5.4.3", " dev#1"}});
    CHECK(name.text() == "CN=\\ dev#1,O=Contoso\\, Inc.,C=US");
    CHECK(name.common_names() == std::vector<std::string>{" dev#1"});
    CHECK(dn({{"1.2.3.4", "x"}}).text() == "1.2.3.4=x");
}

TEST_CASE("canonical names ignore case and whitespace runs", "[dn]") {
    CHECK(dn({{"2.5.4.3", "My  Device"}}) == dn({{"2.5.4.3", " my device "}}));
    CHECK_FALSE(dn({{"2.5.4.3", "a"}}) == dn({{"2.5.4.10", "a"}}));
}

TEST_CASE("directoryName subtrees are RDN prefixes", "[dn]") {
    const auto base = dn({{"2.5.4.6", "US"}, {"2.5.4.10", "dpslint Test"}});
    CHECK(dn({{"2.5.4.6", "US"}, {"2.5.4.10", "DPSLINT test"}, {"2.5.4.3", "x"}})
              .within_subtree(base));
    CHECK_FALSE(
        dn({{"2.5.4.6", "US"}, {"2.5.4.10", "Other"}, {"2.5.4.3", "x"}}).within_subtree(base));
    CHECK_FALSE(dn({{"2.5.4.6", "US"}}).within_subtree(base));
}

TEST_CASE("RFC 4514 text writes bytes that are not UTF-8 and line-breaking characters as hex pairs",
          "[dn][hostile]") {
    CHECK(dn({{"2.5.4.3", "a\nb"}}).text() == "CN=a\\0Ab");
    CHECK(dn({{"2.5.4.3", "\xFF\xFE"}}).text() == "CN=\\FF\\FE");
    CHECK(dn({{"2.5.4.3", "x\x1B[31m"}}).text() == "CN=x\\1B[31m");
    CHECK(dn({{"2.5.4.3", "bidi\xE2\x80\xAE"}}).text() == "CN=bidi\\E2\\80\\AE");
    CHECK(dn({{"2.5.4.3", "caf\xC3\xA9"}}).text() == "CN=caf\xC3\xA9");  // UTF-8 stays as it is
    CHECK(dn({{"2.5.4.3", std::string("n\0l", 3)}}).text() == "CN=n\\00l");
    // Matching is unaffected: it works on the values, not on the shown text.
    CHECK(dn({{"2.5.4.3", "a\nb"}}).common_names() == std::vector<std::string>{"a\nb"});
}

}  // namespace distinguished_name_test
