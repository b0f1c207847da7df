#include "common_options.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "formats/outputs.hpp"

namespace dpslint::cli {

void CommonOptions::add_at(CLI::App& command) {
    command
        .add_option("--at", at,
                    "Evaluation time, RFC 3339 (e.g. 2030-06-01T00:00:00Z); default: now")
        ->check([](const std::string& value) -> std::string {
            return parse_rfc3339(value) ? std::string{}
                                        : "not an RFC 3339 date-time: '" + value + "'";
        });
}

void CommonOptions::add_backend(CLI::App& command) {
    command.add_option("--backend", backend, "Crypto backend")
        ->check(CLI::IsMember({"openssl", "botan"}))
        ->capture_default_str();
}

void CommonOptions::add_format(CLI::App& command, bool ci) {
    std::vector<std::string> names(output_formats.begin(), output_formats.end());
    if (ci)
        names.insert(names.end(), formats::ci_format_names.begin(), formats::ci_format_names.end());
    command.add_option("--format", format, "Output format")
        ->check(CLI::IsMember(names))
        ->capture_default_str();
}

TimePoint CommonOptions::evaluation_time() const {
    if (!at.empty())
        return *parse_rfc3339(at);
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::unique_ptr<CryptoBackend> CommonOptions::make_crypto_backend() const {
    return make_backend(parse_backend_kind(backend).value_or(BackendKind::openssl));
}

OutputFormat CommonOptions::output_format() const {
    return format == "json" ? OutputFormat::json : OutputFormat::text;
}

CLI::Option* add_snapshot_option(CLI::App& command, std::string& snapshot,
                                 const std::string& description) {
    return command.add_option("--snapshot", snapshot, description)->type_name("PATH");
}

CLI::Option* add_presented_option(CLI::App& command, std::vector<std::string>& presented) {
    return command
        .add_option("--presented", presented,
                    "Certificates every device presents in TLS besides its own; one file per "
                    "--presented, repeatable")
        ->type_name("FILE");
}

CLI::Option* add_jobs_option(CLI::App& command, unsigned& jobs) {
    return command.add_option("--jobs", jobs, "Worker threads (default: number of cores)")
        ->check(CLI::Range(1u, 1024u));
}

unsigned worker_count(unsigned jobs) {
    return jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : jobs;
}

}  // namespace dpslint::cli
