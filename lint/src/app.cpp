#include "app.hpp"

#include <exception>
#include <ostream>

#include <CLI/CLI.hpp>

#include "exit_codes.hpp"
#include "simulate_command.hpp"
#include "verify_command.hpp"

namespace dpslint::cli {

namespace {
constexpr const char* version_text = "dpslint " DPSLINT_VERSION;
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    CLI::App app{
        "dpslint: offline checks of X.509 device-certificate chains and Azure IoT Hub DPS "
        "enrollments",
        "dpslint"};
    app.set_version_flag("--version", version_text);
    app.require_subcommand(1);
    app.fallthrough(false);

    VerifyCommand verify(app);
    SimulateCommand simulate(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return exit_ok;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return exit_ok;
    } catch (const CLI::CallForVersion&) {
        out << version_text << '\n';
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        err << "dpslint: " << e.what() << "\n"
            << "Run 'dpslint --help' or 'dpslint <command> --help' for usage.\n";
        return exit_usage;
    }

    try {
        if (verify.selected())
            return verify.run(out, err);
        if (simulate.selected())
            return simulate.run(out, err);
    } catch (const std::exception& e) {
        err << "dpslint: internal error: " << e.what() << '\n';
        return exit_usage;
    }
    err << "dpslint: no command given\n";
    return exit_usage;
}

}  // namespace dpslint::cli
