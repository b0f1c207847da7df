#include "backend/openssl/ossl.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <vector>

#include <openssl/err.h>
#include <openssl/objects.h>

namespace dpslint::openssl {

namespace {

// Reasons that mean "this library cannot check that" rather than "the data is wrong".
bool is_unsupported_reason(std::string reason) {
    static constexpr std::array<std::string_view, 8> markers{
        "unsupported",
        "not supported",
        "unknown algorithm",
        "unknown signature algorithm",
        "unknown message digest",
        "unknown digest",
        "unknown public key type",
        "fetch failed",
    };
    std::transform(reason.begin(), reason.end(), reason.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(markers.begin(), markers.end(), [&](std::string_view marker) {
        return reason.find(marker) != std::string::npos;
    });
}

std::string reason_text(unsigned long code) {
    if (const char* reason = ERR_reason_error_string(code))
        return reason;
    std::array<char, 256> buffer{};
    ERR_error_string_n(code, buffer.data(), buffer.size());
    return buffer.data();
}

}  // namespace

ErrorScope::ErrorScope() noexcept {
    ERR_clear_error();
}

ErrorScope::~ErrorScope() {
    ERR_clear_error();
}

Errors take_errors() {
    // Wrappers OpenSSL adds on the way up; shown only when nothing more specific was queued.
    static constexpr std::array<std::string_view, 6> generic{
        "nested asn1 error", "EVP lib", "ASN1 lib", "X509 lib", "RSA lib", "EC lib",
    };
    std::vector<std::string> specific;
    std::vector<std::string> wrappers;
    Errors out;
    while (const unsigned long code = ERR_get_error()) {
        std::string reason = reason_text(code);
        if (is_unsupported_reason(reason))
            out.unsupported = true;
        auto& list = std::find(generic.begin(), generic.end(), reason) != generic.end() ? wrappers
                                                                                        : specific;
        if (std::find(list.begin(), list.end(), reason) == list.end()) {
            list.push_back(std::move(reason));
        }
    }
    out.specific = !specific.empty();
    for (const auto& reason : specific.empty() ? wrappers : specific) {
        if (!out.text.empty())
            out.text += ": ";
        out.text += reason;
    }
    return out;
}

std::string oid_text(const ASN1_OBJECT* object) {
    if (object == nullptr)
        return {};
    std::array<char, 128> buffer{};
    const int length = OBJ_obj2txt(buffer.data(), static_cast<int>(buffer.size()), object, 1);
    if (length <= 0) {
        ERR_clear_error();
        return {};
    }
    if (static_cast<std::size_t>(length) < buffer.size()) {
        return std::string(buffer.data(), static_cast<std::size_t>(length));
    }
    std::string text(static_cast<std::size_t>(length) + 1, '\0');
    OBJ_obj2txt(text.data(), length + 1, object, 1);
    text.resize(static_cast<std::size_t>(length));
    return text;
}

ByteView string_bytes(const ASN1_STRING* value) {
    if (value == nullptr)
        return {};
    const int length = ASN1_STRING_length(value);
    if (length <= 0)
        return {};
    return {ASN1_STRING_get0_data(value), static_cast<std::size_t>(length)};
}

namespace {

// OpenSSL keeps an INTEGER as its magnitude (the sign is in the type); strip any zero prefix.
ByteView magnitude(const ASN1_INTEGER* value) {
    ByteView bytes = string_bytes(value);
    while (!bytes.empty() && bytes.front() == 0)
        bytes = bytes.subspan(1);
    return bytes;
}

}  // namespace

std::string integer_magnitude_hex(const ASN1_INTEGER* value) {
    const ByteView bytes = magnitude(value);
    return bytes.empty() ? std::string{"00"} : to_hex_upper(bytes);
}

std::size_t integer_content_octets(const ASN1_INTEGER* value) {
    const ByteView bytes = magnitude(value);
    if (bytes.empty())
        return 1;  // zero is one 0x00 octet
    const std::uint8_t top = bytes.front();
    if (ASN1_STRING_type(value) == V_ASN1_NEG_INTEGER) {
        // -m fits in n octets iff m <= 2^(8n-1): only 0x80 00 .. 00 needs no extra octet.
        const bool rest_zero =
            std::all_of(bytes.begin() + 1, bytes.end(), [](std::uint8_t b) { return b == 0; });
        const bool extra = top > 0x80 || (top == 0x80 && !rest_zero);
        return bytes.size() + (extra ? 1 : 0);
    }
    return bytes.size() + ((top & 0x80) != 0 ? 1 : 0);
}

std::string digest_hex(const EVP_MD* md, ByteView data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &length, md, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    return to_hex_upper(ByteView{out.data(), length});
}

std::string value_der_hex(const ASN1_STRING* value) {
    const int type = ASN1_STRING_type(value);
    if (type == V_ASN1_OTHER || type == V_ASN1_SEQUENCE || type == V_ASN1_SET) {
        return to_hex_upper(string_bytes(value));
    }
    Asn1TypePtr wrapper(ASN1_TYPE_new());
    if (!wrapper || ASN1_TYPE_set1(wrapper.get(), type, value) != 1) {
        ERR_clear_error();
        return {};
    }
    const int length = i2d_ASN1_TYPE(wrapper.get(), nullptr);
    if (length <= 0) {
        ERR_clear_error();
        return {};
    }
    std::vector<unsigned char> der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    if (i2d_ASN1_TYPE(wrapper.get(), &out) != length) {
        ERR_clear_error();
        return {};
    }
    return to_hex_upper(der);
}

}  // namespace dpslint::openssl
