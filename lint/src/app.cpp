#include "app.hpp"

#include <array>
#include <exception>
#include <istream>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/error.hpp"
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

// Runs the selected command. Whatever keeps it from producing its report is reported here, once,
// as one line and exit status 2.
int run_command(const Command& command, const CommandStreams& io) {
    try {
        return command.run(io);
    } catch (const InputError& e) {
        print_error(io.err, e.what());
    } catch (const UsageError& e) {
        print_error(io.err, e.what());
    } catch (const std::exception& e) {
        print_error(io.err, std::string("internal error: ") + e.what());
    }
    return exit_usage;
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
      diff(app),
      forecast(app) {
    one_value_per_occurrence(app);
}

std::array<const Command*, 9> Commands::all() const {
    return {&verify, &simulate, &lint, &rules, &explain, &batch, &batch_merge, &diff, &forecast};
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

    for (const Command* command : commands.all()) {
        if (command->selected())
            return run_command(*command, CommandStreams{in, out, err});
    }
    print_error(err, "no command given");
    return exit_usage;
}

}  // namespace dpslint::cli
