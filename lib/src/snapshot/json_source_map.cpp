// The position-tracking pass behind JsonSourceMap: a small JSON scanner that records where every
// value starts and ends. It decodes object keys (they become pointer tokens) and skips everything
// else; validation stays with parse_json_strict.

#include "dpslint/json_source_map.hpp"

#include <algorithm>

#include "dpslint/json_input.hpp"

namespace dpslint {

namespace {

using Entry = std::pair<std::string, SourceRange>;

struct Position {
    std::size_t offset = 0;
    std::size_t line = 1;
    std::size_t column = 1;
};

// Reads one JSON text, appending an entry per value. Every read checks the end of the text and
// returns false on anything that is not JSON, so a malformed text just ends the scan.
class Scanner {
public:
    Scanner(std::string_view text, std::vector<Entry>& out) : text_(text), out_(out) {}

    bool document() {
        std::string pointer;
        return value(pointer, 0);
    }

private:
    bool at_end() const { return here_.offset >= text_.size(); }
    char peek() const { return text_[here_.offset]; }

    // Advances one byte, keeping line and UTF-16 column: a UTF-8 lead byte starts a character
    // (a four-byte one is a surrogate pair, two units), continuation bytes add nothing.
    void advance() {
        const auto byte = static_cast<unsigned char>(text_[here_.offset++]);
        if (byte == '\n') {
            ++here_.line;
            here_.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            here_.column += byte >= 0xF0 ? 2 : 1;
        }
    }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            advance();
    }

    bool value(std::string& pointer, std::size_t depth) {
        skip_whitespace();
        if (at_end())
            return false;
        const Position start = here_;
        bool ok = false;
        switch (peek()) {
            case '{':
                ok = depth < max_json_depth && object(pointer, depth + 1);
                break;
            case '[':
                ok = depth < max_json_depth && array(pointer, depth + 1);
                break;
            case '"':
                ok = string(nullptr);
                break;
            default:
                ok = scalar();
                break;
        }
        if (ok) {
            out_.emplace_back(pointer, SourceRange{start.line, start.column, here_.line,
                                                   here_.column, start.offset, here_.offset});
        }
        return ok;
    }

    enum class Separator { comma, close, invalid };

    // After a member or element: ',' (another follows) or `close` (the container ends), consumed.
    Separator separator(char close) {
        skip_whitespace();
        if (at_end() || (peek() != ',' && peek() != close))
            return Separator::invalid;
        const bool comma = peek() == ',';
        advance();
        return comma ? Separator::comma : Separator::close;
    }

    bool object(std::string& pointer, std::size_t depth) {
        advance();  // '{'
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            advance();
            return true;
        }
        std::string key;
        while (true) {
            skip_whitespace();
            if (at_end() || peek() != '"' || !string(&key))
                return false;
            skip_whitespace();
            if (at_end() || peek() != ':')
                return false;
            advance();
            const std::size_t parent = pointer.size();
            pointer += '/';
            pointer += json_pointer_escape(key);
            const bool ok = value(pointer, depth);
            pointer.resize(parent);
            if (!ok)
                return false;
            if (const auto more = separator('}'); more != Separator::comma)
                return more == Separator::close;
        }
    }

    bool array(std::string& pointer, std::size_t depth) {
        advance();  // '['
        skip_whitespace();
        if (!at_end() && peek() == ']') {
            advance();
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            const std::size_t parent = pointer.size();
            pointer += '/';
            pointer += std::to_string(index);
            const bool ok = value(pointer, depth);
            pointer.resize(parent);
            if (!ok)
                return false;
            if (const auto more = separator(']'); more != Separator::comma)
                return more == Separator::close;
        }
    }

    // Numbers, true, false, null: everything up to the next delimiter.
    bool scalar() {
        const std::size_t begin = here_.offset;
        while (!at_end()) {
            const char c = peek();
            if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            advance();
        }
        return here_.offset > begin;
    }

    // A string; decoded into `decoded` when given (object keys).
    bool string(std::string* decoded) {
        advance();  // opening quote
        if (decoded != nullptr)
            decoded->clear();
        while (!at_end()) {
            const char c = peek();
            if (c == '"') {
                advance();
                return true;
            }
            if (c != '\\') {
                if (decoded != nullptr)
                    *decoded += c;
                advance();
                continue;
            }
            advance();
            if (at_end())
                return false;
            const char escaped = peek();
            advance();
            if (escaped == 'u') {
                if (!unicode_escape(decoded))
                    return false;
            } else if (decoded != nullptr) {
                *decoded += unescape(escaped);
            }
        }
        return false;
    }

    static char unescape(char c) {
        switch (c) {
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                return c;  // '"', '\\', '/'
        }
    }

    bool hex4(unsigned& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            if (at_end())
                return false;
            const char c = peek();
            unsigned digit = 0;
            if (c >= '0' && c <= '9')
                digit = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                digit = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                digit = static_cast<unsigned>(c - 'A' + 10);
            else
                return false;
            out = out * 16 + digit;
            advance();
        }
        return true;
    }

    // After "\u": four hex digits, and a low surrogate's "\uXXXX" after a high one.
    bool unicode_escape(std::string* decoded) {
        unsigned code = 0;
        if (!hex4(code))
            return false;
        if (code >= 0xD800 && code <= 0xDBFF && here_.offset + 1 < text_.size()
            && text_[here_.offset] == '\\' && text_[here_.offset + 1] == 'u') {
            const Position before = here_;
            advance();
            advance();
            unsigned low = 0;
            if (hex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else {
                here_ = before;
            }
        }
        if (decoded != nullptr)
            append_utf8(*decoded, code);
        return true;
    }

    static void append_utf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    std::string_view text_;
    std::vector<Entry>& out_;
    Position here_;
};

bool entry_less(const Entry& a, const Entry& b) {
    return a.first < b.first;
}

}  // namespace

JsonSourceMap JsonSourceMap::build(std::string_view text) {
    JsonSourceMap map;
    // A UTF-8 byte order mark is not part of the document and takes no column.
    if (text.starts_with("\xEF\xBB\xBF")) {
        Scanner scanner(text.substr(3), map.entries_);
        scanner.document();
        for (auto& [pointer, range] : map.entries_) {
            range.offset += 3;
            range.end_offset += 3;
        }
    } else {
        Scanner scanner(text, map.entries_);
        scanner.document();
    }
    // Duplicate keys are rejected before this pass; stable_sort keeps the first if one slips by.
    std::stable_sort(map.entries_.begin(), map.entries_.end(), entry_less);
    return map;
}

std::optional<SourceRange> JsonSourceMap::find(std::string_view pointer) const {
    const auto it = std::lower_bound(
        entries_.begin(), entries_.end(), pointer,
        [](const Entry& entry, std::string_view key) { return entry.first < key; });
    if (it == entries_.end() || it->first != pointer)
        return std::nullopt;
    return it->second;
}

std::optional<SourceRange> JsonSourceMap::find_nearest(std::string_view pointer) const {
    while (true) {
        if (auto range = find(pointer))
            return range;
        if (pointer.empty())
            return std::nullopt;
        const auto slash = pointer.rfind('/');
        pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(0, slash);
    }
}

}  // namespace dpslint
