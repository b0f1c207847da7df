#include "attestation_json.hpp"

#include "finding_json.hpp"

namespace dpslint::cli {

namespace {

nlohmann::json chain_json(const std::vector<ChainLink>& chain) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const auto& link = chain[i];
        nlohmann::json j{{"position", i},
                         {"subject", link.certificate->subject().text()},
                         {"sha1", link.certificate->sha1()},
                         {"sha256", link.certificate->sha256()},
                         {"presented", link.presented}};
        if (link.record != nullptr) {
            j["caName"] = link.record->name;
            j["verified"] = link.record->is_verified;
        }
        out.push_back(std::move(j));
    }
    return out;
}

std::string keys_of(const nlohmann::json& object) {
    std::string out;
    for (const auto& [key, value] : object.items())
        out += (out.empty() ? "" : ", ") + key;
    return "{" + out + "}";
}

}  // namespace

std::string describe_twin(const nlohmann::json& twin) {
    std::string out;
    if (twin.contains("tags") && twin["tags"].is_object())
        out += "tags " + keys_of(twin["tags"]);
    if (twin.contains("properties") && twin["properties"].is_object()
        && twin["properties"].contains("desired") && twin["properties"]["desired"].is_object()) {
        out += (out.empty() ? "" : "; ") + std::string("desired ")
               + keys_of(twin["properties"]["desired"]);
    }
    return out.empty() ? "empty" : out;
}

nlohmann::json to_json(const AttestationResult& r) {
    nlohmann::json j{
        {"file", r.device.file},
        {"registrationId",
         r.registration_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.registration_id)},
        {"decision", std::string(to_string(r.decision))},
        {"reason", r.reason},
        {"reasonCode", r.reason_code},
        {"leaf", certificate_summary(*r.device.leaf)},
        {"chain", chain_json(r.chain)},
        {"findings", to_json(r.findings)}};
    j["enrollment"] = r.enrollment
                          ? nlohmann::json{{"kind", r.enrollment->kind}, {"id", r.enrollment->id}}
                          : nlohmann::json(nullptr);
    const bool provisioned = r.decision == Decision::provisioned;
    j["deviceId"] = provisioned ? nlohmann::json(r.device_id) : nlohmann::json(nullptr);
    j["allocationPolicy"] = provisioned && r.allocation_policy
                                ? nlohmann::json(std::string(to_string(*r.allocation_policy)))
                                : nlohmann::json(nullptr);
    j["allocationPolicySource"] =
        provisioned ? nlohmann::json(r.allocation_policy_from_service ? "service" : "enrollment")
                    : nlohmann::json(nullptr);
    nlohmann::json hubs = nlohmann::json::array();
    for (const auto& h : r.hubs) {
        hubs.push_back({{"name", h.name},
                        {"location", h.location},
                        {"weight", h.weight},
                        {"linked", h.linked}});
    }
    j["hubs"] = hubs;
    j["assignedHub"] = r.chosen_hub ? nlohmann::json(*r.chosen_hub) : nlohmann::json(nullptr);
    j["initialTwin"] = provisioned && r.initial_twin ? *r.initial_twin : nlohmann::json(nullptr);
    j["reprovisionPolicy"] =
        provisioned && r.reprovision_policy
            ? nlohmann::json{{"updateHubAssignment", r.reprovision_policy->update_hub_assignment},
                             {"migrateDeviceData", r.reprovision_policy->migrate_device_data}}
            : nlohmann::json(nullptr);
    j["iotEdge"] = provisioned ? nlohmann::json(r.iot_edge) : nlohmann::json(nullptr);
    return j;
}

}  // namespace dpslint::cli
