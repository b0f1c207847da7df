#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/bytes.hpp"
#include "dpslint/export.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

struct PemBlock {
    std::string label;       // text between "-----BEGIN " and "-----"
    std::size_t line = 0;    // 1-based line of the BEGIN line
    std::size_t number = 0;  // 1-based position among the blocks of the file
    Bytes der;               // decoded body; always empty for private-key blocks

    bool is_private_key() const noexcept;
};

// True when the content has a PEM BEGIN line.
bool contains_pem(std::string_view text);

// Every BEGIN/END block of `text`, in order; text outside blocks is ignored. Bodies of blocks
// whose label contains "PRIVATE KEY" are skipped without decoding, so key material is never held.
// Throws InputError(file = display_name, place = "block N (line L)") for a BEGIN without its END,
// mismatched labels and invalid base64.
std::vector<PemBlock> scan_pem(const std::string& display_name, std::string_view text);

}  // namespace dpslint
DPSLINT_API_END
