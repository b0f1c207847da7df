#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dpslint/export.hpp"

namespace re2 {
class RE2;
}

DPSLINT_API_BEGIN
namespace dpslint {

// A regular expression from a configuration file, matched against certificate fields. Both are
// untrusted, so this is RE2 (RE2 syntax: Perl-like classes and repetitions, no backreferences or
// lookaround): compiling is bounded by the pattern's length and the program's memory, matching
// takes time linear in the text and constant stack whatever the pattern. std::regex recursed
// once per character (a 40,000-character CN overflowed the stack) and backtracked
// exponentially on nested repetitions.
class Regex {
public:
    // Longer patterns are refused before they are parsed (documented in the README).
    static constexpr std::size_t max_pattern_bytes = 1024;
    // RE2's budget for the compiled program and its matching cache.
    static constexpr std::int64_t max_memory_bytes = std::int64_t{2} << 20;

    // The compiled pattern, or null with `error` saying why in one line that does not quote the
    // pattern.
    static std::unique_ptr<const Regex> compile(std::string_view pattern, std::string& error);

    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    // True when the whole of `text` matches. Thread-safe.
    bool full_match(std::string_view text) const;

private:
    explicit Regex(std::unique_ptr<re2::RE2> compiled);

    std::unique_ptr<re2::RE2> compiled_;
};

}  // namespace dpslint
DPSLINT_API_END
