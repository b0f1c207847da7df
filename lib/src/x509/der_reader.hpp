#pragma once

// A DER reader over a byte buffer: minimal tag numbers, definite minimally encoded lengths, every
// element a view into the caller's buffer. check_der_tree adds the remaining DER rules over a
// whole tree. Both backends run it over the certificate and over each extension value they decode
// before reading, so they refuse the same encodings (the Botan backend also decodes with the
// reader). Decoding errors throw DerError; callers add context.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "dpslint/bytes.hpp"

namespace dpslint::der {

class DerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class TagClass : std::uint8_t { universal = 0, application = 1, context = 2, private_use = 3 };

// Universal tag numbers used by the decoders.
namespace tag {
inline constexpr std::uint32_t boolean = 1;
inline constexpr std::uint32_t integer = 2;
inline constexpr std::uint32_t bit_string = 3;
inline constexpr std::uint32_t octet_string = 4;
inline constexpr std::uint32_t null = 5;
inline constexpr std::uint32_t object_identifier = 6;
inline constexpr std::uint32_t utf8_string = 12;
inline constexpr std::uint32_t sequence = 16;
inline constexpr std::uint32_t set = 17;
inline constexpr std::uint32_t numeric_string = 18;
inline constexpr std::uint32_t printable_string = 19;
inline constexpr std::uint32_t teletex_string = 20;
inline constexpr std::uint32_t ia5_string = 22;
inline constexpr std::uint32_t utc_time = 23;
inline constexpr std::uint32_t generalized_time = 24;
inline constexpr std::uint32_t visible_string = 26;
inline constexpr std::uint32_t universal_string = 28;
inline constexpr std::uint32_t bmp_string = 30;
}  // namespace tag

// One element: identifier, length and content.
struct Tlv {
    TagClass tag_class = TagClass::universal;
    bool constructed = false;
    std::uint32_t number = 0;
    ByteView encoding;  // the whole element
    ByteView content;

    bool is(TagClass c, std::uint32_t n, bool cons) const noexcept {
        return tag_class == c && number == n && constructed == cons;
    }
    bool is_universal(std::uint32_t n, bool cons = false) const noexcept {
        return is(TagClass::universal, n, cons);
    }
    bool is_sequence() const noexcept { return is_universal(tag::sequence, true); }
    bool is_context(std::uint32_t n, bool cons) const noexcept {
        return is(TagClass::context, n, cons);
    }
};

// Reads the elements of one constructed value (or of a whole buffer) in order.
class DerReader {
public:
    explicit DerReader(ByteView data) noexcept : rest_(data) {}

    bool at_end() const noexcept { return rest_.empty(); }

    // The next element, whatever it is.
    Tlv read();
    // The next element, which must have the given tag; `what` names it in the error.
    Tlv read(TagClass tag_class, std::uint32_t number, bool constructed, const char* what);
    Tlv read_sequence(const char* what) {
        return read(TagClass::universal, tag::sequence, true, what);
    }
    // The next element if it has the given tag; nothing is consumed otherwise.
    std::optional<Tlv> read_optional(TagClass tag_class, std::uint32_t number, bool constructed);
    // Throws unless every element was read.
    void expect_end(const char* what) const;

private:
    ByteView rest_;
};

// `data` holds exactly one element; trailing bytes throw DerError("trailing bytes after <what>").
Tlv read_single(ByteView data, const char* what);

// Checks that every element of `data`, recursively inside constructed ones (at most 32 deep), is
// DER: the reader's rules, no end-of-contents markers, universal SEQUENCE and SET constructed and
// every other universal type primitive (no BER constructed strings), and the content rules of
// BOOLEAN (one octet), INTEGER and ENUMERATED (not empty, minimal), NULL (empty), OBJECT
// IDENTIFIER (complete, minimal arcs), BIT STRING (unused-bits octet present and at most 7),
// BMPString (even size) and UniversalString (size a multiple of 4).
void check_der_tree(ByteView data);

}  // namespace dpslint::der
