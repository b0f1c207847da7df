#include "forecast_command.hpp"

#include <chrono>
#include <ostream>

#include "dpslint/batch/input_walker.hpp"
#include "dpslint/error.hpp"
#include "dpslint/forecast.hpp"

#include "device_files.hpp"
#include "error_line.hpp"
#include "exit_codes.hpp"
#include "forecast_report.hpp"
#include "json_output.hpp"

namespace dpslint::cli {

namespace {

// Without --until the forecast looks a year ahead: the planning horizon of a certificate
// rollover.
constexpr std::chrono::days default_horizon{365};

std::string rfc3339_check(const std::string& value) {
    return parse_rfc3339(value) ? std::string{} : "not an RFC 3339 date-time: '" + value + "'";
}

}  // namespace

ForecastCommand::ForecastCommand(CLI::App& app) {
    command_ = app.add_subcommand(
        "forecast",
        "List the dates on which certificates expire and how many devices each takes out of "
        "provisioning");
    add_snapshot_option(*command_, snapshot_)->required();
    command_
        ->add_option("--from,--at", common_.at,
                     "Start of the window and the time devices are decided at, RFC 3339; "
                     "default: now")
        ->check(rfc3339_check);
    command_
        ->add_option("--until", until_, "End of the window, RFC 3339; default: a year after --from")
        ->check(rfc3339_check);
    common_.add_backend(*command_);
    command_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    command_
        ->add_option("devices", devices_,
                     "Device certificate files or directories of them; the first certificate of "
                     "each file is the device's, the rest are the chain it presents")
        ->type_name("DEVICE");
}

int ForecastCommand::run(const CommandStreams& io) const {
    std::ostream& out = io.out;
    std::ostream& err = io.err;
    const auto backend = common_.make_crypto_backend();
    ForecastOptions options;
    options.from = common_.evaluation_time();
    options.until = until_.empty() ? options.from + default_horizon : *parse_rfc3339(until_);
    if (options.until < options.from)
        throw UsageError("--until " + until_ + " is before --from " + format_rfc3339(options.from));
    const Snapshot snapshot = load_snapshot(snapshot_, *backend);

    // Directories are walked as batch walks them; a bad file is reported and the rest forecast.
    bool bad_input = false;
    std::vector<std::string> paths;
    batch::InputWalker walker(devices_);
    for (batch::InputItem item; walker.next(item);) {
        if (!item.problem.empty()) {
            print_error(err, item.path + ": " + item.problem);
            bad_input = true;
            continue;
        }
        paths.push_back(item.path);
    }
    std::vector<Device> devices;
    for (auto& file : read_device_files(paths, {}, *backend, err)) {
        if (!file.error.empty()) {
            bad_input = true;
            continue;
        }
        devices.push_back(std::move(file.device));
    }

    const Forecast forecast = compute_forecast(snapshot, *backend, devices, options);
    const ForecastRunInfo info{snapshot_, snapshot.service ? snapshot.service->name : ""};
    if (format_ == "json")
        write_json(out, forecast_json(forecast));
    else if (format_ == "markdown")
        print_forecast_markdown(forecast, info, out);
    else
        print_forecast_text(forecast, info, out);
    return bad_input ? exit_usage : exit_ok;
}

}  // namespace dpslint::cli
