#pragma once

#include <string_view>

namespace dpslint::cli {

std::string_view version() noexcept;

}  // namespace dpslint::cli
