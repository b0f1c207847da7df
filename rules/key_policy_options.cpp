#include "key_policy_options.hpp"

#include <set>
#include <string>

namespace dpslint::rules {

std::vector<lint::RuleOption> key_policy_options() {
    return {{.name = "min-rsa-bits",
             .type = lint::OptionType::integer,
             .default_value = 2048,
             .description = "smallest acceptable RSA modulus",
             .minimum = 0,
             .maximum = 16384},
            {.name = "allowed-curves",
             .type = lint::OptionType::string_list,
             .default_value = std::vector<std::string>{"P-256", "P-384", "P-521"},
             .description = "acceptable EC curves (names as dpslint prints them)"}};
}

AlgorithmPolicy key_policy(const lint::RuleOptions& options) {
    AlgorithmPolicy policy;
    policy.min_rsa_bits = static_cast<int>(options.integer("min-rsa-bits"));
    const auto curves = options.strings("allowed-curves");
    policy.allowed_curves = std::set<std::string>(curves.begin(), curves.end());
    return policy;
}

}  // namespace dpslint::rules
