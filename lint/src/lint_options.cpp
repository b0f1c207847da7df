#include "lint_options.hpp"

#include <filesystem>

#include "dpslint/error.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::cli {

void LintOptions::add(CLI::App& command) {
    command
        .add_option("--config", config, "Configuration file (default: ./.dpslint.json if present)")
        ->type_name("FILE");
    command.add_option("--enable", enable, "Enable rules by id or glob (twin.*); repeatable")
        ->type_name("RULE");
    command.add_option("--disable", disable, "Disable rules by id or glob; repeatable")
        ->type_name("RULE");
    command.add_option("--fail-on", fail_on, "Lowest severity that fails the run (default: error)")
        ->check(CLI::IsMember({"error", "warning", "notice", "never"}));
}

void CiOutputOptions::add(CLI::App& command) {
    command
        .add_option("--output", outputs,
                    "Also write FORMAT (text, json, sarif, junit, github, azure, markdown) to "
                    "FILE from the same run; repeatable")
        ->type_name("FORMAT=FILE");
    command
        .add_option("--source-root", source_root,
                    "Directory that file locations in SARIF, GitHub and Azure output are relative "
                    "to (default: the working directory)")
        ->type_name("DIR");
    command
        .add_option("--baseline", baseline,
                    "Findings recorded in FILE (--write-baseline) are reported as baselined and "
                    "never fail the run; those no longer found are reported as fixed")
        ->type_name("FILE");
    command
        .add_option("--write-baseline", write_baseline,
                    "Record this run's findings by fingerprint in FILE")
        ->type_name("FILE");
}

void CiOutputOptions::add_max_results(CLI::App& command) {
    command
        .add_option("--max-ci-results", max_results,
                    "Findings of each severity (and device files without findings) kept in full "
                    "for the CI formats; past that they are counted, not listed")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
        ->capture_default_str();
}

LintOptions::Resolved LintOptions::resolve(const std::vector<const lint::Rule*>& rules) const {
    Resolved r;
    if (!config.empty()) {
        r.config = lint::load_lint_config(config, rules);
    } else if (std::filesystem::exists(".dpslint.json")) {
        r.config = lint::load_lint_config(".dpslint.json", rules);
    }
    const auto check = [&](const std::vector<std::string>& patterns, const char* flag) {
        for (const auto& p : patterns) {
            const bool any = std::any_of(rules.begin(), rules.end(), [&](const lint::Rule* rule) {
                return lint::glob_match(p, rule->metadata().id);
            });
            if (!any)
                throw InputError(flag, "",
                                 quote_input(p) + " matches no rule (see `dpslint rules`)");
        }
    };
    check(enable, "--enable");
    check(disable, "--disable");
    r.toggles = lint::RuleToggles{enable, disable};
    if (!fail_on.empty()) {
        r.fail_on = *lint::parse_fail_level(fail_on);
    } else if (r.config.fail_on) {
        r.fail_on = *r.config.fail_on;
    }
    return r;
}

}  // namespace dpslint::cli
