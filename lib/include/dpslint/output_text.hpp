#pragma once

// How untrusted bytes are shown. File names, PEM labels, certificate string values, JSON values of
// exports and messages that quote any of them reach dpslint's output; every output format (text,
// JSON, and any later one) passes each such string through one of these functions, so the same
// bytes are shown the same way everywhere and no input can break a format (invalid UTF-8 in JSON)
// or a line (a newline or a terminal escape in text). docs/limits.md "Output" documents the rules.

#include <cstddef>
#include <string>
#include <string_view>

namespace dpslint {

// Longest message or text field shown, in bytes; longer text is cut at a character boundary and
// ends with "...[+N bytes]".
inline constexpr std::size_t max_shown_bytes = 4096;
// Longest input value quoted inside a message.
inline constexpr std::size_t max_quoted_bytes = 256;
// Longest string value written into JSON output (IoT Hub limits a twin's string values to 4 KB;
// identifiers are far shorter): an input value repeated per device or finding cannot multiply
// the output.
inline constexpr std::size_t max_json_string_bytes = 16 * 1024;
// No limit.
inline constexpr std::size_t unlimited = static_cast<std::size_t>(-1);

// One step of a UTF-8 decoder: the character at `pos` and its length in bytes. An ill-formed
// sequence (bad lead or continuation byte, overlong form, surrogate, beyond U+10FFFF, cut short)
// yields valid == false and length 1: that one byte is the unit shown as \xHH.
struct Utf8Char {
    char32_t code_point = 0;
    std::size_t length = 1;
    bool valid = false;
};
Utf8Char next_utf8(std::string_view text, std::size_t pos) noexcept;

// Characters that break a line or hide what follows when printed: C0 controls, DEL, C1 controls,
// the Unicode line and paragraph separators and the bidirectional embedding/override/isolate
// controls.
bool is_unsafe_in_line(char32_t code_point) noexcept;

// `bytes` as valid UTF-8: each byte that is not part of a well-formed UTF-8 sequence becomes the
// four characters \xHH (upper-case hex); everything else is kept, control characters included
// (the JSON writer escapes them); cut to at most `max_bytes` bytes at a character boundary (then
// ending "...[+N bytes]"). For every JSON string and key dpslint writes.
std::string valid_utf8(std::string_view bytes, std::size_t max_bytes = unlimited);

// `bytes` as one line of printable text: as valid_utf8, and each unsafe character
// (is_unsafe_in_line) becomes \n, \r, \t, \xHH (other C0 controls and DEL) or \uHHHH; cut to at
// most `max_bytes` bytes the same way. Applying it twice gives the same result. For every field of
// text output and every message and error line, in every format.
std::string one_line(std::string_view bytes, std::size_t max_bytes = max_shown_bytes);

// An input value quoted in a message: "'" + one_line(value, max_bytes) + "'".
std::string quote_input(std::string_view value, std::size_t max_bytes = max_quoted_bytes);

}  // namespace dpslint
