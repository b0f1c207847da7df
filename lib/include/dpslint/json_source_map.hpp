#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// Where a JSON value sits in its text. Lines and columns are 1-based; columns count UTF-16 code
// units, SARIF's default column kind (the same as characters for ASCII exports). The end is
// exclusive: the position just after the value's last character, as SARIF regions and editor
// ranges expect.
struct SourceRange {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t end_line = 0;
    std::size_t end_column = 0;
    std::size_t offset = 0;      // byte offset of the value's first character
    std::size_t end_offset = 0;  // byte offset just after its last character

    friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// JSON pointer -> source range for every value of one JSON text. nlohmann/json keeps no
// positions, so this is a second, position-tracking pass over text that has already been parsed
// (parse_json_strict): it never throws, and text that does not scan as JSON (or nests deeper
// than max_json_depth) gives a map that answers only for what it could read before that.
// Memory is linear in the number of values; lookups are logarithmic.
class JsonSourceMap {
public:
    JsonSourceMap() = default;
    static JsonSourceMap build(std::string_view text);

    // The range of the value at `pointer` (RFC 6901; "" is the whole document).
    std::optional<SourceRange> find(std::string_view pointer) const;
    // The range of the value at `pointer`, or of its nearest ancestor that exists (a finding may
    // point at a member that is absent: "missing key" points at its object).
    std::optional<SourceRange> find_nearest(std::string_view pointer) const;

    std::size_t size() const noexcept { return entries_.size(); }

private:
    std::vector<std::pair<std::string, SourceRange>> entries_;  // sorted by pointer
};

// The source maps of the JSON files a run read, keyed by the path as Location::file spells it.
using SourceMaps = std::map<std::string, std::shared_ptr<const JsonSourceMap>, std::less<>>;

}  // namespace dpslint
DPSLINT_API_END
