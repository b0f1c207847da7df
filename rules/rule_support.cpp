#include "rule_support.hpp"

namespace dpslint::rules {

long long days_between(TimePoint from, TimePoint to) {
    return std::chrono::duration_cast<std::chrono::days>(to - from).count();
}

std::string format_date(TimePoint t) {
    return format_rfc3339(t).substr(0, 10);
}

}  // namespace dpslint::rules
