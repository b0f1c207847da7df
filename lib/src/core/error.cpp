#include "dpslint/error.hpp"

#include "dpslint/output_text.hpp"

namespace dpslint {

namespace {

// File names and JSON pointers are quoted input: shown on one line, and shorter than a message.
constexpr std::size_t max_name_bytes = 1024;

std::string compose(const std::string& file, const std::string& place, const std::string& detail) {
    std::string out = file.empty() ? std::string("<input>") : one_line(file, max_name_bytes);
    if (!place.empty()) {
        out += ':';
        out += one_line(place, max_name_bytes);
    }
    out += ": ";
    out += one_line(detail);
    return out;
}
}  // namespace

InputError::InputError(std::string file, std::string place, std::string detail)
    : std::runtime_error(compose(file, place, detail)),
      file_(one_line(file, max_name_bytes)),
      place_(one_line(place, max_name_bytes)),
      detail_(one_line(detail)) {}

}  // namespace dpslint
