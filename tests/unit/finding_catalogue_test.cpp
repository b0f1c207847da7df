// Every finding id is declared once: the library catalogues (chain_checks, profile_checks,
// finding_catalogue) and the rule registry. These tests hold the declarations together and scan
// the sources, so that an id cannot be reported without a declaration.
#include "dpslint/finding_catalogue.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "dpslint/chain_builder.hpp"
#include "dpslint/chain_checks.hpp"
#include "dpslint/profile.hpp"
#include "dpslint/verifier.hpp"

#include "dpslint_rules/registry.hpp"
#include "support/finding_ids.hpp"
#include "support/rule_harness.hpp"
#include "support/testdata.hpp"

namespace finding_catalogue_test {

using namespace dpslint;

namespace {

const std::regex id_pattern("^[a-z][a-z0-9]*(\\.[a-z0-9-]+)+$");

// A citation a user can open (an RFC section or a full Microsoft Learn URL), or for facts about
// dpslint itself a section of its README, which is installed with it.
bool openable_citation(std::string_view citation, const std::string& readme) {
    const std::string text(citation);
    const std::string readme_prefix = "dpslint README: ";
    if (text.rfind(readme_prefix, 0) == 0)
        return readme.find("\n## " + text.substr(readme_prefix.size()) + "\n") != std::string::npos
               || readme.find("\n### " + text.substr(readme_prefix.size()) + "\n")
                      != std::string::npos;
    static const std::regex source(
        "^(https://learn\\.microsoft\\.com/[A-Za-z0-9/._#?=&-]+|RFC [0-9]+ §[0-9.]+.*)$");
    return std::regex_match(text, source);
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The text of `source` without // comments (ids named in comments are not emitted).
std::string without_comments(const std::string& source) {
    std::string out;
    std::istringstream lines(source);
    std::string line;
    while (std::getline(lines, line)) {
        bool in_string = false;
        std::size_t cut = line.size();
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            if (line[i] == '\\') {
                ++i;
                continue;
            }
            if (line[i] == '"')
                in_string = !in_string;
            if (!in_string && line[i] == '/' && line[i + 1] == '/') {
                cut = i;
                break;
            }
        }
        out += line.substr(0, cut) + "\n";
    }
    return out;
}

struct Literal {
    std::string id;
    std::string file;
};

// Every string literal in the C++ sources under `dirs` that looks like a finding id of one of
// the declared categories.
std::vector<Literal> id_literals(const std::set<std::string>& categories) {
    std::string alternatives;
    for (const auto& c : categories)
        alternatives += (alternatives.empty() ? "" : "|") + c;
    const std::regex literal("\"((" + alternatives + ")\\.[a-z0-9-]+)\"");
    std::vector<Literal> out;
    for (const char* dir : {"lib", "lint", "rules"}) {
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(test::source_dir() / dir)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp"))
                continue;
            const std::string text = without_comments(read_text(entry.path()));
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
                out.push_back(
                    Literal{(*it)[1].str(), entry.path().lexically_relative(test::source_dir())});
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the library catalogues are well-formed, sorted and cite what a user can open",
          "[catalogue]") {
    const std::string readme = read_text(test::source_dir() / "README.md");
    const std::map<std::string, std::span<const FindingKind>> catalogues{
        {"attestation", attestation_findings()},
        {"input", input_findings()},
        {"config", config_findings()}};
    for (const auto& [category, kinds] : catalogues) {
        REQUIRE_FALSE(kinds.empty());
        std::string previous;
        for (const auto& k : kinds) {
            const std::string id(k.id);
            INFO(id);
            CHECK(std::regex_match(id, id_pattern));
            CHECK(id.substr(0, id.find('.')) == category);
            CHECK(previous < id);
            previous = id;
            CHECK(k.explanation.size() > 20);
            CHECK(openable_citation(k.citation, readme));
            CHECK(find_finding_kind(k.id) == &k);
        }
    }
    std::string previous;
    for (const auto& c : chain_checks()) {
        const std::string id(c.id);
        INFO(id);
        CHECK(std::regex_match(id, id_pattern));
        CHECK(id.rfind("chain.", 0) == 0);
        CHECK(previous < id);
        previous = id;
        CHECK_FALSE(c.title.empty());
        CHECK(openable_citation(c.citation, readme));
    }
    CHECK(find_finding_kind("chain.expired") == nullptr);
}

TEST_CASE("make_finding takes id, severity and citation from the catalogue", "[catalogue]") {
    Location where;
    where.file = "snapshot/dps.json";
    const auto f = make_finding(attestation_finding::ambiguous_group, "two groups", where);
    CHECK(f.id == "attestation.ambiguous-group");
    CHECK(f.severity == Severity::warning);
    CHECK(f.citation == citation::dps_x509_attestation);
    CHECK(f.message == "two groups");
    CHECK(f.location == where);
}

TEST_CASE("every finding id is declared exactly once", "[catalogue]") {
    std::map<std::string, std::string> declared;  // id -> where
    const auto declare = [&](std::string_view id, const std::string& where) {
        INFO(id << " in " << where);
        CHECK(declared.emplace(std::string(id), where).second);
    };
    for (const auto& c : chain_checks())
        declare(c.id, "chain_checks()");
    for (const auto& c : profile_checks())
        declare(c.id, "profile_checks()");
    for (const auto catalogue : {attestation_findings(), input_findings(), config_findings()}) {
        for (const auto& k : catalogue)
            declare(k.id, "finding_catalogue");
    }
    for (const auto* rule : rules::registry()) {
        const auto& m = rule->metadata();
        // The x509.* rules report the RFC 5280 profile checks in lint; they take title and
        // citation from profile_checks(), which stays the one declaration.
        if (const auto* profile = find_profile_check(m.id)) {
            INFO(m.id);
            CHECK(m.title == profile->title);
            CHECK(m.citation == profile->citation);
            continue;
        }
        declare(m.id, "the rule registry");
        for (const auto& restated : m.restates) {
            INFO(m.id << " restates " << restated);
            CHECK(find_finding_kind(restated) != nullptr);
        }
    }
    CHECK(declared.size() == test::declared_finding_ids().size());
}

TEST_CASE("every id-shaped literal in lib/, lint/ and rules/ is a declared id", "[catalogue]") {
    const auto declared = test::declared_finding_ids();
    std::set<std::string> categories;
    for (const auto& [id, where] : declared)
        categories.insert(id.substr(0, id.find('.')));
    const auto literals = id_literals(categories);
    CHECK(literals.size() > declared.size() / 2);  // the scan sees the sources
    for (const auto& l : literals) {
        INFO(l.id << " in " << l.file);
        CHECK(declared.count(l.id) == 1);
    }
}

TEST_CASE("the library and the CLI report catalogued ids only through their declarations",
          "[catalogue]") {
    // The files that declare library ids; anywhere else in lib/ and lint/, a literal of such an
    // id would be a second declaration that can drift from the catalogue.
    const std::set<std::string> declaring{"lib/include/dpslint/chain_checks.hpp",
                                          "lib/include/dpslint/profile.hpp",
                                          "lib/include/dpslint/finding_catalogue.hpp"};
    const auto declared = test::declared_finding_ids();
    std::set<std::string> categories;
    for (const auto& [id, where] : declared)
        categories.insert(id.substr(0, id.find('.')));
    for (const auto& l : id_literals(categories)) {
        if (l.file.rfind("rules/", 0) == 0 || declaring.count(l.file) != 0)
            continue;
        INFO(l.id << " in " << l.file);
        CHECK(declared.at(l.id) == "the rule registry");
    }
}

TEST_CASE("chain.loop and chain.depth-exceeded are dead-end reasons, not finding ids",
          "[catalogue]") {
    // The path builder records why a branch ended (DeadEndReason); only chain.no-path reaches a
    // report, with the furthest dead end's words in its message.
    CHECK(find_chain_check("chain.loop") == nullptr);
    CHECK(find_chain_check("chain.depth-exceeded") == nullptr);
    CHECK(test::declared_finding_ids().count("chain.loop") == 0);

    // Loop CA A and Loop CA B certify each other; the leaf is under A; nothing reaches the root.
    CertificatePool pool;
    pool.add_trust_anchor(test::certificate("pki/ca/root.pem"));
    pool.add_untrusted(test::certificate("pki/ca/loop-ca-a.pem"));
    pool.add_untrusted(test::certificate("pki/ca/loop-ca-b.pem"));
    const auto leaf = test::certificate("pki/leaves/loop.pem");
    const auto built = ChainBuilder(pool).build(leaf);
    CHECK(built.paths.empty());
    CHECK(std::any_of(built.dead_ends.begin(), built.dead_ends.end(),
                      [](const DeadEnd& d) { return d.reason == DeadEndReason::loop; }));
    ChainBuildOptions shallow;
    shallow.max_depth = 2;
    const auto cut = ChainBuilder(pool, shallow).build(leaf);
    CHECK(std::any_of(cut.dead_ends.begin(), cut.dead_ends.end(),
                      [](const DeadEnd& d) { return d.reason == DeadEndReason::depth_limit; }));

    ValidationPolicy policy;
    policy.at = test::fixture_time();
    const auto verified = Verifier(test::backend(), pool, policy).verify(leaf);
    REQUIRE(verified.findings.size() == 1);
    CHECK(verified.findings[0].id == chain_check::no_path);
    CHECK_THAT(verified.findings[0].message, Catch::Contains("the chain loops"));
}

}  // namespace finding_catalogue_test
