// The man page and the shell completions the build generates (cmake/DpslintDocs.cmake) against
// the real dpslint binary: every command and option its --help shows, every rule id it knows,
// current with the generator, rendered by man without warnings, and the bash completion sourced
// and asked to complete, as a shell would.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dpslint/version.hpp"

#include "support/process.hpp"
#include "support/testdata.hpp"

using dpslint::test::run_dpslint;
using dpslint::test::run_process;

namespace docs_cli_test {

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// How the man page spells text: hyphens are \- (so options can be copied as typed).
std::string roff(std::string text) {
    std::string out;
    for (const char c : text)
        out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

// The lines of one section of CLI11's --help ("Options:", "Subcommands:", "Positionals:").
std::vector<std::string> help_section(const std::string& help, const std::string& title) {
    std::vector<std::string> lines;
    std::istringstream in(help);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != ' ') {
            inside = line == title;
            continue;
        }
        if (inside && line.size() > 2 && line[2] != ' ')
            lines.push_back(line.substr(2));
    }
    return lines;
}

std::string first_word(const std::string& line) {
    return line.substr(0, line.find(' '));
}

std::vector<std::string> commands() {
    const auto help = run_dpslint({"--help"});
    REQUIRE(help.exit_code == 0);
    std::vector<std::string> names;
    for (const auto& line : help_section(help.out, "Subcommands:"))
        names.push_back(first_word(line));
    REQUIRE(names.size() >= 7);
    return names;
}

std::vector<std::string> rule_ids() {
    const auto r = run_dpslint({"rules", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> ids;
    const auto rules = nlohmann::json::parse(r.out);
    for (const auto& rule : rules.at("rules"))
        ids.push_back(rule.at("id").get<std::string>());
    REQUIRE(ids.size() > 50);
    return ids;
}

// Sources the generated bash completion and completes `words` (the last one is being typed).
std::set<std::string> complete(const std::vector<std::string>& words) {
    std::string script = "source '" DPSLINT_BASH_COMPLETION "' || exit 3\nCOMP_WORDS=(";
    for (const auto& word : words)
        script += "'" + word + "' ";
    script += ")\nCOMP_CWORD=" + std::to_string(words.size() - 1)
              + "\nCOMPREPLY=()\n_dpslint\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    const auto r = run_process({"/bin/bash", "--norc", "--noprofile", "-c", script});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::set<std::string> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty())
            out.insert(line);
    }
    return out;
}

}  // namespace

TEST_CASE("dpslint --version names the version, the commit and the crypto libraries",
          "[cli][docs]") {
    const auto r = run_dpslint({"--version"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("dpslint " DPSLINT_VERSION_STRING "\n"));
    CHECK_THAT(r.out, Catch::Contains("OpenSSL 3."));
    CHECK_THAT(r.out, Catch::Contains("Botan 2."));
    if (std::filesystem::exists("/usr/bin/git")) {
        const auto head = run_process(
            {"/usr/bin/git", "-C", DPSLINT_SOURCE_DIR, "rev-parse", "--short=12", "HEAD"});
        if (head.exit_code == 0)
            CHECK_THAT(r.out, Catch::Contains("commit " + head.out.substr(0, 12)));
    }
}

TEST_CASE("the man page documents every command and option --help shows, and every rule",
          "[cli][docs]") {
    const std::string man = read_text(DPSLINT_MAN_PAGE);
    for (const auto& line : help_section(run_dpslint({"--help"}).out, "Options:"))
        CHECK_THAT(man,
                   Catch::Contains(roff(first_word(line).substr(first_word(line).find("--")))));
    for (const auto& command : commands()) {
        INFO("dpslint " << command);
        CHECK_THAT(man, Catch::Contains(".SS " + roff(command) + "\n"));
        const auto help = run_dpslint({command, "--help"});
        REQUIRE(help.exit_code == 0);
        const auto options = help_section(help.out, "Options:");
        REQUIRE_FALSE(options.empty());
        for (const auto& line : options) {
            std::istringstream names(first_word(line));
            for (std::string name; std::getline(names, name, ',');)
                CHECK_THAT(man, Catch::Contains("\\fB" + roff(name) + "\\fR"));
        }
        for (const auto& line : help_section(help.out, "Positionals:")) {
            // "leaves LEAF_FILE ...": the man page shows the value name.
            const std::string rest = line.substr(line.find(' ') + 1);
            CHECK_THAT(man, Catch::Contains("\\fI" + roff(first_word(rest)) + "\\fR"));
        }
    }
    for (const auto& id : rule_ids())
        CHECK_THAT(man, Catch::Contains(".B " + roff(id) + "\n"));
    for (const char* section : {".SH EXIT STATUS", ".SH CONFIGURATION", ".SH SYNOPSIS"})
        CHECK_THAT(man, Catch::Contains(section));
    CHECK_THAT(man, Catch::Contains("dpslint " DPSLINT_VERSION_STRING));
}

TEST_CASE("the generated man page and completions are current", "[cli][docs]") {
    const auto man = run_process({DPSLINT_DOCGEN, "man", DPSLINT_DOC_DIR, "-"});
    REQUIRE(man.exit_code == 0);
    CHECK(man.out == read_text(DPSLINT_MAN_PAGE));
    const auto bash = run_process({DPSLINT_DOCGEN, "bash", "-"});
    REQUIRE(bash.exit_code == 0);
    CHECK(bash.out == read_text(DPSLINT_BASH_COMPLETION));
    const auto zsh = run_process({DPSLINT_DOCGEN, "zsh", "-"});
    REQUIRE(zsh.exit_code == 0);
    CHECK(zsh.out == read_text(DPSLINT_ZSH_COMPLETION));
}

TEST_CASE("man renders the page without warnings", "[cli][docs]") {
    REQUIRE(std::filesystem::exists("/usr/bin/man"));  // man-db, scripts/setup.sh
    const auto r =
        run_process({"/usr/bin/man", "--warnings", "-E", "UTF-8", "-l", DPSLINT_MAN_PAGE}, {}, {},
                    {"MANPAGER=cat", "PAGER=cat", "MANWIDTH=100", "LC_ALL=C.UTF-8"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Catch::Contains("EXIT STATUS"));
    CHECK_THAT(r.out, Catch::Contains("--fail-on"));
}

TEST_CASE("bash completion: commands, options, choices and rule ids", "[cli][docs]") {
    CHECK(complete({"dpslint", "ve"}) == std::set<std::string>{"verify"});
    CHECK(complete({"dpslint", "--ver"}) == std::set<std::string>{"--version"});
    CHECK(complete({"dpslint", "verify", "--pur"}) == std::set<std::string>{"--purpose"});
    CHECK(complete({"dpslint", "verify", "--purpose", ""})
          == std::set<std::string>{"client", "server", "any"});
    // --format=VALUE: bash splits the word at '='.
    CHECK(complete({"dpslint", "rules", "--format", "=", ""})
          == std::set<std::string>{"text", "json", "markdown"});
    CHECK(complete({"dpslint", "explain", "ca.unverifie"})
          == std::set<std::string>{"ca.unverified"});
    CHECK(complete({"dpslint", "explain", "chain.no-"}) == std::set<std::string>{"chain.no-path"});

    const auto ids = rule_ids();
    CHECK(complete({"dpslint", "lint", "--disable", ""})
          == std::set<std::string>(ids.begin(), ids.end()));
    std::set<std::string> twin;
    for (const auto& id : ids) {
        if (id.starts_with("twin."))
            twin.insert(id);
    }
    REQUIRE_FALSE(twin.empty());
    CHECK(complete({"dpslint", "batch", "--enable", "twin."}) == twin);
    // Paths are left to the shell's file completion (complete -o default).
    CHECK(complete({"dpslint", "verify", "--trust", ""}).empty());
}

TEST_CASE("zsh completion is valid zsh", "[cli][docs]") {
    if (!std::filesystem::exists("/usr/bin/zsh")) {
        WARN("zsh is not installed: the zsh completion is only checked against the generator");
        return;
    }
    const auto r = run_process({"/usr/bin/zsh", "-n", DPSLINT_ZSH_COMPLETION});
    INFO(r.err);
    CHECK(r.exit_code == 0);
}

}  // namespace docs_cli_test
