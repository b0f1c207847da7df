// load_snapshot: the directory layout scripts/export-snapshot.sh writes, or one JSON file holding
// the same parts under camelCase keys. Only the enrollment groups are required; every other
// absent part is recorded in Snapshot::missing_parts with what it leaves unchecked.

#include <algorithm>
#include <system_error>

#include "dpslint/certificate_file.hpp"
#include "dpslint/error.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/json_input.hpp"
#include "dpslint/snapshot.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint {

namespace {

namespace fs = std::filesystem;
using namespace snapshot_detail;

// What each absent part costs; prefixed with the part's name in the form at hand.
constexpr const char* dps_absent =
    "service default allocation policy unknown (Hashed assumed); ID scope and service state "
    "unknown";
constexpr const char* hubs_absent =
    "linked IoT hubs unknown; hub-assignment checks (iotHubs subset, static hub, allocation "
    "weights) skipped";
constexpr const char* certificates_absent =
    "verified status of CA certificates unknown; ca.* rules and verification checks skipped";
constexpr const char* enrollments_absent =
    "individual enrollments unknown; their precedence over enrollment groups cannot be checked";
constexpr const char* registrations_absent =
    "registration records unknown; registration-state checks skipped";
constexpr const char* ca_absent =
    "CA certificate bodies unknown; chains can only be completed from what devices present";

// A parsed JSON file kept alive next to the cursors that point into it.
struct Document {
    nlohmann::json value;
    std::string file;

    JsonCursor root() const { return JsonCursor(value, file); }
};

// Also records the file's source map, built only once the text has parsed.
Document read_json_file(const fs::path& path, SourceMaps& maps) {
    const Bytes data = read_input_file(path, max_snapshot_part_bytes, "snapshot part");
    const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
    Document document{parse_json_strict(text, path.string()), path.string()};
    maps[document.file] = std::make_shared<const JsonSourceMap>(JsonSourceMap::build(text));
    return document;
}

bool path_exists(const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

// A directory entry to read: anything but a directory, so that a FIFO or device among the files
// is refused by the input layer (input_file.hpp) instead of skipped without a word.
bool is_file_entry(const fs::directory_entry& entry) {
    std::error_code ec;
    return !entry.is_directory(ec);
}

bool directory_exists(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

std::optional<Document> read_optional_part(const fs::path& path, SourceMaps& maps) {
    if (!path_exists(path))
        return std::nullopt;
    return read_json_file(path, maps);
}

// Every CA record carries its own body (`az iot dps certificate show` output): no ca/ needed.
bool record_bodies_known(const Snapshot& snapshot) {
    return snapshot.certificates && !snapshot.certificates->empty()
           && std::all_of(snapshot.certificates->begin(), snapshot.certificates->end(),
                          [](const CaRecord& r) { return r.certificate != nullptr; });
}

// Informational fields of the wrong type become notices before the part's strict reader runs.
void tolerate(std::optional<Document>& document, InformationalPart kind, Snapshot& snapshot) {
    if (document)
        drop_ill_typed_informational_fields(document->value, kind, document->file, "",
                                            snapshot.load_findings);
}

std::map<std::string, std::vector<RegistrationRecord>> read_registrations_directory(
    const fs::path& directory, SourceMaps& maps) {
    std::error_code ec;
    std::vector<fs::path> paths;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        if (is_file_entry(*it) && it->path().extension() == ".json")
            paths.push_back(it->path());
    }
    if (ec)
        throw InputError(directory.string(), "", "cannot list directory: " + ec.message());
    std::sort(paths.begin(), paths.end());
    std::map<std::string, std::vector<RegistrationRecord>> out;
    for (const auto& path : paths) {
        const Document document = read_json_file(path, maps);
        out[path.stem().string()] = read_registrations(document.root());
    }
    return out;
}

Snapshot load_directory(const fs::path& directory, const CryptoBackend& backend) {
    Snapshot snapshot;
    snapshot.origin = directory.string();

    const fs::path groups_path = directory / "enrollment-groups.json";
    if (!path_exists(groups_path)) {
        throw InputError(groups_path.string(), "",
                         "required snapshot part is missing (export it with `az iot dps "
                         "enrollment-group list -o json`)");
    }

    auto dps = read_optional_part(directory / "dps.json", snapshot.source_maps);
    tolerate(dps, InformationalPart::service, snapshot);
    if (dps) {
        snapshot.service = read_service(dps->root());
    } else {
        snapshot.missing_parts.push_back(std::string("dps.json absent: ") + dps_absent);
    }

    if (const auto hubs =
            read_optional_part(directory / "linked-hubs.json", snapshot.source_maps)) {
        snapshot.linked_hubs = read_linked_hubs(hubs->root());
    } else if (dps) {
        snapshot.linked_hubs = read_service_hubs(dps->root());
        if (!snapshot.linked_hubs) {
            snapshot.missing_parts.push_back(
                std::string("linked-hubs.json absent and dps.json has no properties.iotHubs: ")
                + hubs_absent);
        }
    } else {
        snapshot.missing_parts.push_back(std::string("linked-hubs.json and dps.json absent: ")
                                         + hubs_absent);
    }

    if (auto certificates =
            read_optional_part(directory / "certificates.json", snapshot.source_maps)) {
        tolerate(certificates, InformationalPart::certificates, snapshot);
        snapshot.certificates =
            read_certificates(certificates->root(), backend, snapshot.load_findings);
    } else {
        snapshot.missing_parts.push_back(std::string("certificates.json absent: ")
                                         + certificates_absent);
    }

    std::optional<Document> groups = read_json_file(groups_path, snapshot.source_maps);
    tolerate(groups, InformationalPart::enrollment_groups, snapshot);
    snapshot.groups = read_enrollment_groups(groups->root(), backend);

    if (auto individuals =
            read_optional_part(directory / "enrollments.json", snapshot.source_maps)) {
        tolerate(individuals, InformationalPart::individual_enrollments, snapshot);
        snapshot.individuals = read_individual_enrollments(individuals->root(), backend);
    } else {
        snapshot.missing_parts.push_back(std::string("enrollments.json absent: ")
                                         + enrollments_absent);
    }

    if (directory_exists(directory / "registrations")) {
        snapshot.registrations =
            read_registrations_directory(directory / "registrations", snapshot.source_maps);
    } else {
        snapshot.missing_parts.push_back(std::string("registrations/ absent: ")
                                         + registrations_absent);
    }

    const bool ca = directory_exists(directory / "ca");
    if (ca)
        snapshot.ca_files = read_ca_directory(directory / "ca", backend);
    if (snapshot.ca_files.empty() && !record_bodies_known(snapshot))
        snapshot.missing_parts.push_back(std::string(ca ? "ca/ empty: " : "ca/ absent: ")
                                         + ca_absent);

    pair_ca_files(snapshot);
    sort_findings(snapshot.load_findings);
    return snapshot;
}

Snapshot load_single_file(const fs::path& path, const CryptoBackend& backend) {
    Snapshot snapshot;
    snapshot.origin = path.string();
    Document document = read_json_file(path, snapshot.source_maps);
    if (document.value.is_object()) {
        const std::pair<const char*, InformationalPart> parts[]{
            {"dps", InformationalPart::service},
            {"certificates", InformationalPart::certificates},
            {"enrollmentGroups", InformationalPart::enrollment_groups},
            {"enrollments", InformationalPart::individual_enrollments}};
        for (const auto& [key, kind] : parts) {
            if (const auto it = document.value.find(key); it != document.value.end())
                drop_ill_typed_informational_fields(*it, kind, document.file,
                                                    "/" + std::string(key), snapshot.load_findings);
        }
    }
    const JsonCursor root = document.root();
    root.expect_object();
    const auto absent = [&](std::string_view key, const char* consequence) {
        snapshot.missing_parts.push_back("'" + std::string(key) + "' absent: " + consequence);
    };

    // Checked first, as in the directory form: without groups there is nothing to lint.
    const JsonCursor groups = root.child("enrollmentGroups");

    const auto dps = root.optional_object("dps");
    if (dps)
        snapshot.service = read_service(*dps);
    else
        absent("dps", dps_absent);

    if (const auto hubs = root.optional_child("linkedHubs")) {
        snapshot.linked_hubs = read_linked_hubs(*hubs);
    } else if (dps) {
        snapshot.linked_hubs = read_service_hubs(*dps);
        if (!snapshot.linked_hubs) {
            snapshot.missing_parts.push_back(
                std::string("'linkedHubs' absent and 'dps' has no properties.iotHubs: ")
                + hubs_absent);
        }
    } else {
        snapshot.missing_parts.push_back(std::string("'linkedHubs' and 'dps' absent: ")
                                         + hubs_absent);
    }

    if (const auto certificates = root.optional_child("certificates"))
        snapshot.certificates = read_certificates(*certificates, backend, snapshot.load_findings);
    else
        absent("certificates", certificates_absent);

    snapshot.groups = read_enrollment_groups(groups, backend);

    if (const auto individuals = root.optional_child("enrollments"))
        snapshot.individuals = read_individual_enrollments(*individuals, backend);
    else
        absent("enrollments", enrollments_absent);

    if (const auto registrations = root.optional_object("registrations")) {
        for (const auto& [group_id, list] : registrations->value().items()) {
            const JsonCursor records(list, document.file, registrations->pointer_to(group_id));
            snapshot.registrations[group_id] = read_registrations(records);
        }
    } else {
        absent("registrations", registrations_absent);
    }

    const auto ca = root.optional_array("ca");
    if (ca)
        snapshot.ca_files = read_ca_array(*ca, backend);
    if (snapshot.ca_files.empty() && !record_bodies_known(snapshot))
        snapshot.missing_parts.push_back(std::string(ca ? "'ca' empty: " : "'ca' absent: ")
                                         + ca_absent);

    pair_ca_files(snapshot);
    sort_findings(snapshot.load_findings);
    return snapshot;
}

}  // namespace

Snapshot load_snapshot(const std::filesystem::path& path, const CryptoBackend& backend) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw InputError(path.string(), "", "cannot read snapshot: no such file or directory");
    if (fs::is_directory(status))
        return load_directory(path, backend);
    return load_single_file(path, backend);
}

}  // namespace dpslint
