#pragma once

#include <string>
#include <vector>

#include "dpslint/certificate.hpp"
#include "dpslint/path_validator.hpp"

namespace dpslint::detail {

struct PolicyFailure {
    std::size_t position = 0;  // path position, 0 = leaf
    std::string id;            // a chain_check id
    std::string message;
};

struct PolicyProcessing {
    PolicyOutcome outcome;
    std::vector<PolicyFailure> failures;
    std::size_t largest_graph = 0;  // PolicyGraph::size() at its largest, for resource tests
};

// RFC 5280 §6.1.2-§6.1.5 policy processing over `path` (leaf first, trust anchor last; the
// anchor's own certificate is not processed, §6.1.1 (d)).
PolicyProcessing process_policies(const std::vector<CertificatePtr>& path,
                                  const PolicyInputs& inputs);

}  // namespace dpslint::detail
