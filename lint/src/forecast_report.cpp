#include "forecast_report.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <ostream>

#include "dpslint/output_text.hpp"

namespace dpslint::cli {

namespace {

// Widest histogram bar, in characters: fits an 80-column terminal with the labels.
constexpr std::size_t bar_width = 40;

std::string month_of(TimePoint t) {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()));
    return text;
}

std::string date_of(TimePoint t) {
    return format_rfc3339(t).substr(0, 10);
}

struct Month {
    std::size_t devices = 0;
    std::size_t certificates = 0;
    std::size_t enrollments_stopping = 0;
};

// The months with at least one event, in order.
std::map<std::string, Month> by_month(const Forecast& forecast) {
    std::map<std::string, Month> months;
    for (const auto& e : forecast.events) {
        Month& m = months[month_of(e.date)];
        m.devices += e.devices_lost;
        ++m.certificates;
    }
    for (const auto& s : forecast.stops)
        ++months[month_of(s.date)].enrollments_stopping;
    return months;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string enrollments_text(const ForecastEvent& e) {
    std::string out;
    for (const auto& r : e.enrollments) {
        out += (out.empty() ? "" : ", ") + r.kind + " " + quote_input(r.id);
        std::string notes;
        if (r.devices_lost > 0)
            notes = plural(r.devices_lost, "device", "devices") + " lost";
        if (r.stops)
            notes += (notes.empty() ? "" : ", ") + std::string("stops");
        if (!notes.empty())
            out += " (" + notes + ")";
    }
    return out;
}

// A Markdown table cell: one line, no column break, no HTML GitHub would interpret.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : one_line(text, max_quoted_bytes)) {
        switch (c) {
            case '|':
                out += "\\|";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '`':
                out += "\\`";
                break;
            case '*':
            case '_':
            case '[':
            case ']':
            case '\\':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string header_text(const Forecast& forecast, const ForecastRunInfo& info) {
    return "DPS " + (info.dps.empty() ? std::string("(dps.json absent)") : quote_input(info.dps))
           + " from " + one_line(info.snapshot) + ", " + format_rfc3339(forecast.from) + " to "
           + format_rfc3339(forecast.until);
}

std::string summary_text(const Forecast& forecast) {
    return plural(forecast.devices, "device", "devices") + " given, "
           + std::to_string(forecast.provisioned) + " provisioned at the start, "
           + std::to_string(forecast.lost_in_window) + " of them stop provisioning in the window; "
           + plural(forecast.events.size(), "certificate expires", "certificates expire") + ", "
           + plural(forecast.stops.size(), "enrollment stops", "enrollments stop");
}

}  // namespace

nlohmann::json forecast_json(const Forecast& forecast) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : forecast.events) {
        nlohmann::json enrollments = nlohmann::json::array();
        for (const auto& r : e.enrollments) {
            enrollments.push_back({{"kind", r.kind},
                                   {"id", r.id},
                                   {"devicesLost", r.devices_lost},
                                   {"stops", r.stops}});
        }
        events.push_back(
            {{"date", format_rfc3339(e.date)},
             {"certificate",
              {{"subject", e.subject},
               {"sha256", e.sha256.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.sha256)},
               {"role", std::string(to_string(e.role))}}},
             {"devicesLost", e.devices_lost},
             {"enrollments", std::move(enrollments)}});
    }
    return {{"command", "forecast"},
            {"at", format_rfc3339(forecast.from)},
            {"until", format_rfc3339(forecast.until)},
            {"events", std::move(events)}};
}

void print_forecast_text(const Forecast& forecast, const ForecastRunInfo& info, std::ostream& out) {
    out << header_text(forecast, info) << '\n' << summary_text(forecast) << "\n\n";
    const auto months = by_month(forecast);
    if (months.empty()) {
        out << "Nothing expires in the window.\n";
        return;
    }
    std::size_t most = 1;
    for (const auto& [month, m] : months)
        most = std::max(most, m.devices);
    out << "Devices that stop provisioning, per month (months with an expiry):\n";
    for (const auto& [month, m] : months) {
        // A month that loses devices always shows at least one mark.
        const std::size_t width =
            m.devices == 0 ? 0 : std::max<std::size_t>(1, m.devices * bar_width / most);
        std::string bar(width, '#');
        bar.resize(bar_width, ' ');
        out << "  " << month << "  " << bar << ' ' << m.devices << "  ("
            << plural(m.certificates, "certificate", "certificates");
        if (m.enrollments_stopping > 0)
            out << ", " << plural(m.enrollments_stopping, "enrollment stops", "enrollments stop");
        out << ")\n";
    }
    out << "\nExpiries:\n";
    for (const auto& e : forecast.events) {
        out << "  " << date_of(e.date) << "  " << to_string(e.role) << "  "
            << one_line(e.subject.empty() ? "(no subject)" : e.subject);
        if (!e.name.empty() && e.name != e.subject)
            out << " [" << one_line(e.name) << "]";
        out << ": " << plural(e.devices_lost, "device", "devices") << " lost";
        if (!e.enrollments.empty())
            out << "; " << enrollments_text(e);
        out << '\n';
    }
    if (!forecast.stops.empty()) {
        out << "\nEnrollments that stop admitting devices:\n";
        for (const auto& s : forecast.stops) {
            out << "  " << date_of(s.date) << "  " << s.kind << " " << quote_input(s.id) << ": "
                << one_line(s.why) << " (" << one_line(s.subject) << ")\n";
        }
    }
}

void print_forecast_markdown(const Forecast& forecast, const ForecastRunInfo& info,
                             std::ostream& out) {
    out << "# dpslint forecast\n\n"
        << cell(header_text(forecast, info)) << "\n\n"
        << cell(summary_text(forecast)) << "\n\n";
    const auto months = by_month(forecast);
    if (months.empty()) {
        out << "Nothing expires in the window.\n";
        return;
    }
    std::size_t most = 1;
    std::string labels, bars;
    for (const auto& [month, m] : months) {
        most = std::max(most, m.devices);
        labels += (labels.empty() ? "\"" : ", \"") + month + "\"";
        bars += (bars.empty() ? "" : ", ") + std::to_string(m.devices);
    }
    // Mermaid's xychart-beta bar chart, which GitHub renders in ```mermaid blocks. Only dates
    // and numbers reach it, so no input bytes need Mermaid escaping.
    out << "```mermaid\nxychart-beta\n"
        << "    title \"Devices that stop provisioning, per month\"\n"
        << "    x-axis [" << labels << "]\n"
        << "    y-axis \"Devices\" 0 --> " << most << "\n"
        << "    bar [" << bars << "]\n"
        << "```\n\n";
    out << "| Date | Role | Certificate | SHA-256 | Devices lost | Enrollments |\n"
        << "|---|---|---|---|---:|---|\n";
    for (const auto& e : forecast.events) {
        out << "| " << date_of(e.date) << " | " << to_string(e.role) << " | " << cell(e.subject)
            << " | "
            << (e.sha256.empty() ? std::string("unknown") : "`" + e.sha256.substr(0, 16) + "…`")
            << " | " << e.devices_lost << " | " << cell(enrollments_text(e)) << " |\n";
    }
    if (!forecast.stops.empty()) {
        out << "\n## Enrollments that stop admitting devices\n\n"
            << "| Date | Enrollment | Why |\n|---|---|---|\n";
        for (const auto& s : forecast.stops) {
            out << "| " << date_of(s.date) << " | " << cell(s.kind + " " + s.id) << " | "
                << cell(s.why) << " |\n";
        }
    }
}

}  // namespace dpslint::cli
