#include "attestation_json.hpp"

#include "dpslint/output_text.hpp"

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

// "{a, b, c}": the first few keys, each shortened, so that a twin of any size gives one short line.
std::string keys_of(const nlohmann::json& object) {
    constexpr std::size_t max_keys = 20;
    std::string out;
    std::size_t shown = 0;
    for (auto it = object.begin(); it != object.end() && shown < max_keys; ++it, ++shown)
        out += (out.empty() ? "" : ", ") + one_line(it.key(), max_quoted_bytes);
    if (object.size() > shown)
        out += ", ... (" + std::to_string(object.size()) + " keys)";
    return "{" + out + "}";
}

// Largest initialTwin written into a device's JSON result. DPS refuses twins over 8 KB of tags
// plus 32 KB of desired properties, so every real twin fits several times over; an export (or a
// hostile file) may hold a far bigger one, and simulate repeats the twin for every device it
// provisions.
constexpr std::size_t max_twin_output_bytes = 256 * 1024;

// A string as JSON writes it: quotes, and \" \\ \n or \u00XX for what needs escaping.
std::size_t written_size(const std::string& text) {
    std::size_t size = text.size() + 2;
    for (const char c : text) {
        if (c == '"' || c == '\\')
            size += 1;
        else if (static_cast<unsigned char>(c) < 0x20)
            size += 5;
    }
    return size;
}

// Whether `value`, written indented at nesting level `level`, takes at most `budget` bytes (an
// upper estimate: each value on its own line, numbers at their longest). Stops as soon as the
// budget is spent, so the cost per device is bounded too.
bool fits(const nlohmann::json& value, std::size_t& budget, std::size_t level) {
    std::size_t cost = 2 * level + 1;
    if (value.is_string())
        cost += written_size(value.get_ref<const std::string&>());
    else if (value.is_object() || value.is_array())
        cost += 2 * level + 3 + value.size();
    else
        cost += 24;
    if (cost > budget)
        return false;
    budget -= cost;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::size_t key = written_size(it.key()) + 2;
            if (key > budget)
                return false;
            budget -= key;
            if (!fits(it.value(), budget, level + 1))
                return false;
        }
    } else if (value.is_array()) {
        for (const auto& element : value) {
            if (!fits(element, budget, level + 1))
                return false;
        }
    }
    return true;
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
        {"reason", one_line(r.reason)},
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
    j["initialTwin"] = nullptr;
    if (provisioned && r.initial_twin != nullptr) {
        std::size_t budget = max_twin_output_bytes;
        // Level 3 in simulate's document: {"devices": [{"initialTwin": ...}]}.
        if (fits(*r.initial_twin, budget, 3)) {
            j["initialTwin"] = *r.initial_twin;
        } else {
            j["initialTwinOmitted"] = "the initialTwin is larger than "
                                      + std::to_string(max_twin_output_bytes)
                                      + " bytes, the limit for repeating it per device";
        }
    }
    j["reprovisionPolicy"] =
        provisioned && r.reprovision_policy
            ? nlohmann::json{{"updateHubAssignment", r.reprovision_policy->update_hub_assignment},
                             {"migrateDeviceData", r.reprovision_policy->migrate_device_data}}
            : nlohmann::json(nullptr);
    j["iotEdge"] = provisioned ? nlohmann::json(r.iot_edge) : nlohmann::json(nullptr);
    return j;
}

}  // namespace dpslint::cli
