#include "dpslint/fingerprint.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

#include <openssl/evp.h>

namespace dpslint {

namespace {

using EntityIndex = std::map<std::pair<std::string, std::string>, std::string>;

void add(EntityIndex& index, const SourceRef& source, std::string entity) {
    if (!source.file.empty())
        index.emplace(std::make_pair(source.file, source.pointer), std::move(entity));
}

// Every snapshot entry with an identity of its own, by where it sits in its export file.
EntityIndex entity_index(const Snapshot& snapshot) {
    EntityIndex index;
    if (snapshot.service)
        add(index, snapshot.service->source, "service:" + snapshot.service->name);
    if (snapshot.linked_hubs) {
        for (const auto& hub : *snapshot.linked_hubs)
            add(index, hub.source, "linked-hub:" + hub.name);
    }
    if (snapshot.certificates) {
        for (const auto& record : *snapshot.certificates)
            add(index, record.source, "ca:" + record.name);
    }
    for (const auto& group : snapshot.groups)
        add(index, group.settings.source, "enrollment-group:" + group.id);
    if (snapshot.individuals) {
        for (const auto& individual : *snapshot.individuals)
            add(index, individual.settings.source,
                "individual-enrollment:" + individual.registration_id);
    }
    for (const auto& [group_id, records] : snapshot.registrations) {
        for (const auto& record : records)
            add(index, record.source, "registration:" + group_id + "/" + record.registration_id);
    }
    return index;
}

std::string parent_pointer(const std::string& pointer) {
    const auto slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

// Array indices say where an entry is, not what it is.
std::string without_indices(const std::string& pointer) {
    std::string out;
    std::size_t pos = 0;
    while (pos < pointer.size()) {
        const auto next = pointer.find('/', pos + 1);
        const std::string segment =
            pointer.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
        const bool index = !segment.empty()
                           && std::all_of(segment.begin(), segment.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
        out += "/" + (index ? std::string("*") : segment);
        if (next == std::string::npos)
            break;
        pos = next;
    }
    return out;
}

std::string basename(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

// The entity and the pointer below it.
std::pair<std::string, std::string> identify(const Finding& finding, const EntityIndex* index) {
    const Location& l = finding.location;
    if (index && !l.file.empty()) {
        std::string pointer = l.json_pointer;
        while (true) {
            const auto it = index->find({l.file, pointer});
            if (it != index->end())
                return {it->second, without_indices(l.json_pointer.substr(pointer.size()))};
            if (pointer.empty())
                break;
            pointer = parent_pointer(pointer);
        }
    }
    if (!l.file.empty() && l.json_pointer.empty()
        && (!l.sha256.empty() || l.line || l.certificate_index))
        return {"certificate-file:" + basename(l.file) + (l.sha256.empty() ? "" : "#" + l.sha256),
                ""};
    if (l.enrollment_kind == "group")
        return {"enrollment-group:" + l.enrollment_id, without_indices(l.json_pointer)};
    if (l.enrollment_kind == "individual")
        return {"individual-enrollment:" + l.enrollment_id, without_indices(l.json_pointer)};
    if (!l.ca_name.empty())
        return {"ca:" + l.ca_name, without_indices(l.json_pointer)};
    if (!l.registration_id.empty())
        return {"registration-id:" + l.registration_id, without_indices(l.json_pointer)};
    if (!l.file.empty())
        return {"file:" + basename(l.file), without_indices(l.json_pointer)};
    if (!l.sha256.empty())
        return {"certificate:" + l.sha256, ""};
    return {"run", ""};
}

std::string sha256_hex(const std::string& text, std::size_t hex_digits) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length && out.size() < hex_digits; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

}  // namespace

std::string finding_entity(const Finding& finding, const Snapshot* snapshot) {
    return finding_entities({finding}, snapshot).front();
}

std::vector<std::string> finding_entities(const std::vector<Finding>& findings,
                                          const Snapshot* snapshot) {
    EntityIndex index;
    if (snapshot)
        index = entity_index(*snapshot);
    std::vector<std::string> out;
    out.reserve(findings.size());
    for (const auto& finding : findings)
        out.push_back(identify(finding, snapshot ? &index : nullptr).first);
    return out;
}

std::vector<std::string> finding_fingerprints(const std::vector<Finding>& findings,
                                              const Snapshot* snapshot) {
    EntityIndex index;
    if (snapshot)
        index = entity_index(*snapshot);
    std::vector<std::string> keys;
    keys.reserve(findings.size());
    for (const auto& finding : findings) {
        const auto [entity, path] = identify(finding, snapshot ? &index : nullptr);
        // Separators that cannot occur in an id, entity or pointer keep the parts apart.
        keys.push_back(finding.id + '\x1f' + entity + '\x1f' + path);
    }
    // Findings sharing a key are numbered in the order of their messages (then their original
    // order), so positions in the export never decide which one is which.
    std::vector<std::size_t> order(findings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(keys[a], findings[a].message) < std::tie(keys[b], findings[b].message);
    });
    std::vector<std::string> out(findings.size());
    std::map<std::string, std::size_t> seen;
    for (const std::size_t i : order) {
        const std::size_t occurrence = seen[keys[i]]++;
        out[i] = sha256_hex(
            occurrence == 0 ? keys[i] : keys[i] + '\x1f' + std::to_string(occurrence), 32);
    }
    return out;
}

}  // namespace dpslint
