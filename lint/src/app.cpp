#include "app.hpp"

#include <exception>
#include <istream>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/version.hpp"

#include "build_commit.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "option_values.hpp"

namespace dpslint::cli {

namespace {
// The version, the commit when known, and the crypto libraries as loaded: what a bug report needs.
std::string version_text() {
    std::string text = "dpslint " + std::string(library_version()) + "\n";
    if (!build_commit().empty())
        text += "commit " + std::string(build_commit()) + "\n";
    text += "crypto backends: " + crypto_library_version(BackendKind::openssl) + "; "
            + crypto_library_version(BackendKind::botan) + "\n";
    return text;
}

template <typename Command>
bool dispatch(const Command& command, std::ostream& out, std::ostream& err, int& status) {
    if (!command.selected())
        return false;
    status = command.run(out, err);
    return true;
}
}  // namespace

Commands::Commands(CLI::App& app)
    : verify(app),
      simulate(app),
      lint(app),
      rules(app),
      explain(app),
      batch(app),
      batch_merge(app),
      forecast(app) {
    one_value_per_occurrence(app);
}

void configure_app(CLI::App& app) {
    app.name("dpslint");
    app.description(
        "dpslint: offline checks of X.509 device-certificate chains and Azure IoT Hub DPS "
        "enrollments");
    app.set_version_flag("--version", "", "Print the version, commit and crypto library versions");
    app.require_subcommand(1);
    app.fallthrough(false);
    app.footer([] {
        std::string text = "Exit status:\n";
        for (const auto& status : exit_statuses)
            text += "  " + std::to_string(status.code) + "  " + std::string(status.meaning) + "\n";
        return text;
    });
}

int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
    CLI::App app;
    configure_app(app);
    const Commands commands(app);
    const auto& [verify, simulate, lint, rules, explain, batch, batch_merge, forecast] = commands;

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return exit_ok;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return exit_ok;
    } catch (const CLI::CallForVersion&) {
        out << version_text();
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        // CLI11 quotes the offending argument: shown on one line like any input.
        print_error(err, std::string(e.what())
                             + " (run 'dpslint --help' or 'dpslint <command> --help' for usage)");
        return exit_usage;
    }

    int status = exit_usage;
    try {
        if (dispatch(verify, out, err, status) || dispatch(simulate, out, err, status)
            || dispatch(lint, out, err, status) || dispatch(rules, out, err, status)
            || dispatch(explain, out, err, status) || dispatch(batch_merge, out, err, status)
            || dispatch(forecast, out, err, status)) {
            return status;
        }
        if (batch.selected())
            return batch.run(in, out, err);
    } catch (const std::exception& e) {
        print_error(err, std::string("internal error: ") + e.what());
        return exit_usage;
    }
    print_error(err, "no command given");
    return exit_usage;
}

}  // namespace dpslint::cli
