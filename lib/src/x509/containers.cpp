#include "x509/containers.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace dpslint::detail {

namespace {

// 1.2.840.113549.1.7: the PKCS#7 content types (data .1, signedData .2).
constexpr std::array<std::uint8_t, 10> pkcs7_oid_prefix{0x06, 0x09, 0x2A, 0x86, 0x48,
                                                        0x86, 0xF7, 0x0D, 0x01, 0x07};

// The path as one shell word, so the suggested command can be pasted.
std::string shell_word(std::string_view path) {
    const bool plain = !path.empty() && std::all_of(path.begin(), path.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0
               || std::string_view("._/+-@:,=").find(c) != std::string_view::npos;
    });
    if (plain)
        return std::string(path);
    std::string out = "'";
    for (const char c : path)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// "extract them with `openssl ...` and pass F.pem".
std::string pkcs12_command(std::string_view path) {
    const std::string f = shell_word(path);
    return "extract them with `openssl pkcs12 -in " + f + " -nokeys -out " + f
           + ".pem` (it asks for the file's password) and pass " + f + ".pem";
}

std::string pkcs7_command(std::string_view path, bool der) {
    const std::string f = shell_word(path);
    return std::string("extract them with `openssl pkcs7 ") + (der ? "-inform DER " : "")
           + "-print_certs -in " + f + " -out " + f + ".pem` and pass " + f + ".pem";
}

constexpr std::string_view reads = "dpslint reads PEM or DER certificates; ";

std::string pkcs12_advice(std::string_view path) {
    return "a PKCS#12 (.pfx/.p12) file, not a certificate: " + std::string(reads)
           + pkcs12_command(path);
}

std::string pkcs7_advice(std::string_view path, bool der) {
    return "a PKCS#7 (.p7b) bundle, not a certificate: " + std::string(reads)
           + pkcs7_command(path, der);
}

// Offset of the first byte inside the outer SEQUENCE, or 0 when there is none.
std::size_t inside_outer_sequence(ByteView b) {
    if (b.size() < 4 || b[0] != 0x30)
        return 0;
    if (b[1] == 0x80)
        return 2;  // BER indefinite length, as some Windows exports write PKCS#12
    if ((b[1] & 0x80) == 0)
        return 2;
    const std::size_t count = b[1] & 0x7F;
    return count >= 1 && count <= 4 ? 2 + count : 0;
}

bool has_at(ByteView b, std::size_t offset, std::span<const std::uint8_t> bytes) {
    return offset + bytes.size() <= b.size()
           && std::equal(bytes.begin(), bytes.end(),
                         b.begin() + static_cast<std::ptrdiff_t>(offset));
}

}  // namespace

std::string container_advice(ByteView b, std::string_view path) {
    const std::size_t at = inside_outer_sequence(b);
    if (at == 0)
        return {};
    // ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER (1.2.840.113549.1.7.x), ... }
    if (has_at(b, at, pkcs7_oid_prefix) && at + pkcs7_oid_prefix.size() < b.size())
        return pkcs7_advice(path, true);
    // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... } (RFC 7292 §4)
    constexpr std::array<std::uint8_t, 3> version3{0x02, 0x01, 0x03};
    if (has_at(b, at, version3) && at + 3 < b.size() && b[at + 3] == 0x30) {
        const std::size_t inner = at + 3;
        const std::size_t content = inside_outer_sequence(b.subspan(inner));
        if (content != 0 && has_at(b, inner + content, pkcs7_oid_prefix))
            return pkcs12_advice(path);
    }
    return {};
}

std::string pem_container_advice(std::string_view label, std::string_view path) {
    if (label == "PKCS7" || label == "PKCS #7 SIGNED DATA" || label == "CMS")
        return pkcs7_advice(path, false);
    if (label == "PKCS12")
        return pkcs12_advice(path);
    return {};
}

std::string container_name_hint(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos)
        return {};
    std::string extension(path.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == "pfx" || extension == "p12")
        return "; if it is a PKCS#12 file, " + pkcs12_command(path);
    if (extension == "p7b" || extension == "p7c")
        return "; if it is a PKCS#7 bundle, " + pkcs7_command(path, true);
    return {};
}

}  // namespace dpslint::detail
