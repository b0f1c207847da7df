#include "dpslint/error.hpp"

namespace dpslint {

namespace {
std::string compose(const std::string& file, const std::string& place, const std::string& detail) {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (!place.empty()) {
        out += ':';
        out += place;
    }
    out += ": ";
    out += detail;
    return out;
}
}  // namespace

InputError::InputError(std::string file, std::string place, std::string detail)
    : std::runtime_error(compose(file, place, detail)),
      file_(std::move(file)),
      place_(std::move(place)),
      detail_(std::move(detail)) {}

}  // namespace dpslint
