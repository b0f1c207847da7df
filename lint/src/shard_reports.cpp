#include "shard_reports.hpp"

#include <algorithm>
#include <ostream>

#include "dpslint/error.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/json_input.hpp"

#include "batch_report.hpp"

namespace dpslint::cli {

// One shard report read line by line, each line at most max_report_line_bytes.
class ShardReportReader {
public:
    ShardReportReader(std::string path, std::size_t number)
        : path_(std::move(path)),
          number_(number),
          in_(path_, max_report_line_bytes, "report line") {
        advance();
    }

    bool done() const noexcept { return done_; }
    const nlohmann::json& line() const noexcept { return current_; }
    const std::string& text() const noexcept { return text_; }
    std::uint64_t offset() const noexcept { return offset_; }
    std::size_t number() const noexcept { return number_; }
    const std::string& path() const noexcept { return path_; }
    std::pair<std::uint64_t, std::uint64_t> key() const {
        return {current_.at("sequence").get<std::uint64_t>(),
                current_.value("certificateIndex", std::uint64_t{0})};
    }

    void advance() {
        for (;;) {
            if (!in_.next(text_, offset_)) {
                done_ = true;
                return;
            }
            ++line_number_;
            if (text_.empty())
                continue;
            const std::string place = "line " + std::to_string(line_number_);
            try {
                current_ = parse_json_strict(text_, path_);
            } catch (const InputError& e) {
                throw InputError(path_, place, e.detail());
            }
            if (!current_.is_object() || !current_.contains("sequence")
                || !current_.contains("status") || !current_.contains("file")) {
                throw InputError(path_, place,
                                 "not a dpslint batch report line (JSON Lines from `dpslint batch "
                                 "--report FILE --report-format jsonl`)");
            }
            return;
        }
    }

private:
    std::string path_;
    std::size_t number_;
    InputLines in_;
    std::string text_;
    nlohmann::json current_;
    std::uint64_t offset_ = 0;
    std::uint64_t line_number_ = 0;
    bool done_ = false;
};

namespace {

bool later_head(const ShardReportReader* a, const ShardReportReader* b) {
    return a->key() > b->key();
}

}  // namespace

ShardReports::ShardReports(const std::vector<std::string>& paths) : paths_(paths) {
    for (std::size_t i = 0; i < paths_.size(); ++i)
        readers_.push_back(std::make_unique<ShardReportReader>(paths_[i], i));
    for (auto& r : readers_) {
        if (!r->done()) {
            heads_.push_back(r.get());
            std::push_heap(heads_.begin(), heads_.end(), later_head);
        }
    }
}

ShardReports::~ShardReports() = default;

bool ShardReports::next(batch::FileRecord& record, std::vector<ReportLinePlace>& places,
                        std::ostream* merged) {
    if (heads_.empty())
        return false;
    // All lines of one input file come from one shard, consecutively.
    std::pop_heap(heads_.begin(), heads_.end(), later_head);
    ShardReportReader* reader = heads_.back();
    heads_.pop_back();
    const std::uint64_t sequence = reader->key().first;
    if (previous_file_ && previous_file_->first == sequence) {
        throw InputError(reader->path(), "",
                         "input " + std::to_string(sequence) + " is also in "
                             + previous_file_->second
                             + ": the reports overlap (same shard twice?)");
    }
    std::vector<nlohmann::json> lines;
    places.clear();
    while (!reader->done() && reader->key().first == sequence) {
        lines.push_back(reader->line());
        places.push_back({reader->number(), reader->offset()});
        if (merged != nullptr)
            *merged << reader->text() << '\n';
        reader->advance();
    }
    if (!reader->done()) {
        heads_.push_back(reader);
        std::push_heap(heads_.begin(), heads_.end(), later_head);
    }
    previous_file_ = std::make_pair(sequence, reader->path());
    record = file_record_from_lines(lines);
    return true;
}

std::optional<lint::DeviceSummary> ShardReports::summary_at(const ReportLinePlace& place) const {
    // The report was read once already; should it have changed since, the finding keeps what it
    // knows.
    try {
        InputLines in(paths_[place.report], max_report_line_bytes, "report line");
        in.seek(place.offset);
        std::string text;
        std::uint64_t line_offset = 0;
        if (!in.next(text, line_offset))
            return std::nullopt;
        return file_record_from_lines({parse_json_strict(text, paths_[place.report])})
            .devices.front()
            .summary;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace dpslint::cli
