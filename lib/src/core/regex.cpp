#include "dpslint/regex.hpp"

#include <re2/re2.h>

namespace dpslint {

namespace {

// RE2's own messages quote the offending part of the pattern; these do not, so an error line
// never carries configuration bytes.
const char* describe(re2::RE2::ErrorCode code) {
    switch (code) {
        case re2::RE2::ErrorBadEscape:
            return "bad escape sequence";
        case re2::RE2::ErrorBadCharClass:
            return "bad character class";
        case re2::RE2::ErrorBadCharRange:
            return "bad character class range";
        case re2::RE2::ErrorMissingBracket:
            return "missing closing ]";
        case re2::RE2::ErrorMissingParen:
            return "missing closing )";
        case re2::RE2::ErrorUnexpectedParen:
            return "unexpected closing )";
        case re2::RE2::ErrorTrailingBackslash:
            return "trailing \\ at the end";
        case re2::RE2::ErrorRepeatArgument:
            return "repetition operator without an argument";
        case re2::RE2::ErrorRepeatSize:
            return "bad repetition count (at most 1000)";
        case re2::RE2::ErrorRepeatOp:
            return "bad repetition operator";
        case re2::RE2::ErrorBadPerlOp:
            return "unsupported Perl syntax (RE2 has no lookaround or backreferences)";
        case re2::RE2::ErrorBadUTF8:
            return "invalid UTF-8";
        case re2::RE2::ErrorBadNamedCapture:
            return "bad named capture group";
        case re2::RE2::ErrorPatternTooLarge:
            return "pattern too large: its compiled form exceeds the 2 MiB limit";
        case re2::RE2::NoError:
        case re2::RE2::ErrorInternal:
            break;
    }
    return "RE2 could not compile it";
}

}  // namespace

std::unique_ptr<const Regex> Regex::compile(std::string_view pattern, std::string& error) {
    if (pattern.size() > max_pattern_bytes) {
        error = "pattern of " + std::to_string(pattern.size())
                + " bytes is longer than the limit of " + std::to_string(max_pattern_bytes);
        return nullptr;
    }
    re2::RE2::Options options;
    options.set_max_mem(max_memory_bytes);
    options.set_log_errors(false);
    auto compiled =
        std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    if (!compiled->ok()) {
        error = describe(compiled->error_code());
        return nullptr;
    }
    error.clear();
    return std::unique_ptr<const Regex>(new Regex(std::move(compiled)));
}

Regex::Regex(std::unique_ptr<re2::RE2> compiled) : compiled_(std::move(compiled)) {}

Regex::~Regex() = default;

bool Regex::full_match(std::string_view text) const {
    return re2::RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *compiled_);
}

}  // namespace dpslint
