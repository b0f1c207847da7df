#include "input_summary.hpp"

#include <algorithm>

namespace dpslint::cli {

std::optional<std::size_t> verified_ca_records(const Snapshot& snapshot) {
    if (!snapshot.certificates)
        return std::nullopt;
    return static_cast<std::size_t>(std::count_if(snapshot.certificates->begin(),
                                                  snapshot.certificates->end(),
                                                  [](const CaRecord& r) { return r.is_verified; }));
}

std::string trust_text(const Snapshot& snapshot) {
    const auto verified = verified_ca_records(snapshot);
    std::string out = verified
                          ? std::to_string(*verified) + " verified CA record(s) in the snapshot"
                          : std::string("verified CA records unknown (no certificates.json)");
    return out + ", " + std::to_string(snapshot.uploaded_ca_certificates().size())
           + " uploaded CA certificate(s) to complete chains";
}

nlohmann::json trust_json(const Snapshot& snapshot) {
    const auto verified = verified_ca_records(snapshot);
    return {{"verifiedCaRecords", verified ? nlohmann::json(*verified) : nlohmann::json(nullptr)},
            {"caCertificates", snapshot.uploaded_ca_certificates().size()}};
}

}  // namespace dpslint::cli
