#include "dpslint/forecast.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "dpslint/enrollment_matching.hpp"
#include "dpslint/thumbprint.hpp"

namespace dpslint {

std::string_view to_string(ForecastRole role) noexcept {
    switch (role) {
        case ForecastRole::root:
            return "root";
        case ForecastRole::verified_ca:
            return "verified-ca";
        case ForecastRole::uploaded_ca:
            return "uploaded-ca";
        case ForecastRole::presented_intermediate:
            return "presented-intermediate";
        case ForecastRole::device:
            break;
    }
    return "device";
}

namespace {

// A certificate as the forecast knows it: parsed, or only described (a certificates.json record
// without a body, an enrollment entry with only its info).
struct Known {
    std::string key;  // SHA-256 when known, else the place it is described
    TimePoint not_after{};
    std::string subject;
    std::string sha256;
    ForecastRole role = ForecastRole::device;
    std::string name;
};

Known known(const Certificate& certificate, ForecastRole role, std::string name) {
    return Known{certificate.sha256(),
                 certificate.not_after(),
                 certificate.subject().text(),
                 certificate.sha256(),
                 role,
                 std::move(name)};
}

ForecastRole ca_role(const Certificate* certificate, const CaRecord* record) {
    if (certificate != nullptr && certificate->is_self_issued())
        return ForecastRole::root;
    if (record != nullptr && record->is_verified)
        return ForecastRole::verified_ca;
    return ForecastRole::uploaded_ca;
}

// A CA record as the forecast knows it; nullopt when neither its body nor its expiry is known.
std::optional<Known> known_record(const CaRecord& record) {
    if (record.certificate)
        return known(*record.certificate, ca_role(&*record.certificate, &record), record.name);
    if (!record.expiry)
        return std::nullopt;
    return Known{"record:" + record.name,   *record.expiry, record.subject, std::string(),
                 ca_role(nullptr, &record), record.name};
}

// An enrollment's certificate entry (signingCertificates, clientCertificates).
std::optional<Known> known_entry(const X509CertificateWithInfo& entry, ForecastRole role) {
    const std::string place = entry.source.file + ":" + entry.source.pointer;
    if (entry.certificate) {
        if (role != ForecastRole::device)
            role = ca_role(&*entry.certificate, nullptr);
        return known(*entry.certificate, role, place);
    }
    if (!entry.info || !entry.info->not_after)
        return std::nullopt;
    std::string sha256 = entry.sha256();
    std::string key = sha256.empty() ? "entry:" + place : sha256;
    return Known{
        std::move(key), *entry.info->not_after, entry.info->subject_name, std::move(sha256), role,
        place};
}

// The link of path[0..last] DPS loses first: the earliest notAfter, the one nearest the device
// on a tie (that certificate is the one to replace).
std::size_t earliest(const std::vector<ChainLink>& chain, std::size_t last) {
    std::size_t best = 0;
    for (std::size_t i = 1; i <= last && i < chain.size(); ++i) {
        if (chain[i].certificate->not_after() < chain[best].certificate->not_after())
            best = i;
    }
    return best;
}

AttestationOptions attestation_options(TimePoint at) {
    AttestationOptions options;
    options.at = at;
    return options;
}

class Builder {
public:
    Builder(const Snapshot& snapshot, const CryptoBackend& backend, const ForecastOptions& options)
        : snapshot_(snapshot),
          options_(options),
          simulator_(snapshot, backend, attestation_options(options.from)) {}

    Forecast run(const std::vector<Device>& devices) {
        Forecast out;
        out.from = options_.from;
        out.until = options_.until;
        out.devices = devices.size();
        add_snapshot_certificates();
        for (const auto& device : devices)
            add_device(device, out);
        for (const auto& group : snapshot_.groups)
            add_group_stop(group);
        if (snapshot_.individuals) {
            for (const auto& individual : *snapshot_.individuals)
                add_individual_stop(individual);
        }
        for (auto& [key, event] : events_) {
            if (event.date < options_.from || event.date > options_.until)
                continue;
            for (auto& [ref, enrollment] : enrollments_[key])
                event.enrollments.push_back(enrollment);
            out.events.push_back(std::move(event));
        }
        std::sort(out.events.begin(), out.events.end(), [](const auto& a, const auto& b) {
            return std::tie(a.date, a.role, a.subject, a.sha256, a.name)
                   < std::tie(b.date, b.role, b.subject, b.sha256, b.name);
        });
        out.stops = std::move(stops_);
        std::sort(out.stops.begin(), out.stops.end(), [](const auto& a, const auto& b) {
            return std::tie(a.date, a.kind, a.id) < std::tie(b.date, b.kind, b.id);
        });
        for (const auto& e : out.events)
            out.lost_in_window += e.devices_lost;
        return out;
    }

private:
    using EnrollmentKey = std::pair<std::string, std::string>;

    bool in_window(TimePoint t) const { return options_.from <= t && t <= options_.until; }

    // Records `k` (once; a certificate seen in several parts keeps its most significant role).
    ForecastEvent& note(const Known& k) {
        auto [it, inserted] = events_.try_emplace(k.key);
        ForecastEvent& e = it->second;
        if (inserted) {
            e.date = k.not_after;
            e.subject = k.subject;
            e.sha256 = k.sha256;
            e.role = k.role;
            e.name = k.name;
        } else if (k.role < e.role) {
            e.role = k.role;
            e.name = k.name;
        }
        return e;
    }

    ForecastEnrollment& touch(const std::string& key, const std::string& kind,
                              const std::string& id) {
        auto [it, inserted] = enrollments_[key].try_emplace(EnrollmentKey{kind, id});
        if (inserted) {
            it->second.kind = kind;
            it->second.id = id;
        }
        return it->second;
    }

    Known known_link(const ChainLink& link) const {
        const Certificate& c = *link.certificate;
        if (link.record != nullptr)
            return known(c, ca_role(&c, link.record), link.record->name);
        return known(c, c.is_self_issued() ? ForecastRole::root : ForecastRole::uploaded_ca,
                     c.label());
    }

    void add_snapshot_certificates() {
        if (snapshot_.certificates) {
            for (const auto& record : *snapshot_.certificates) {
                const auto k = known_record(record);
                if (!k)
                    continue;
                note(*k);
                for (const auto& group : snapshot_.groups) {
                    if (group_references(group, record))
                        touch(k->key, "group", group.id);
                }
            }
        } else {
            // Without certificates.json the ca/ files are what DPS holds (verification unknown).
            for (const auto& c : snapshot_.uploaded_ca_certificates()) {
                const Known k = known(*c, ca_role(&*c, nullptr), c->label());
                note(k);
                for (const EnrollmentGroup* group : groups_using(snapshot_, *c))
                    touch(k.key, "group", group->id);
            }
        }
        for (const auto& group : snapshot_.groups) {
            const auto& x509 = group.settings.attestation.x509;
            if (!x509)
                continue;
            for (const auto* entry : {&x509->signing_primary, &x509->signing_secondary}) {
                if (!*entry)
                    continue;
                if (const auto k = known_entry(**entry, ForecastRole::uploaded_ca)) {
                    note(*k);
                    touch(k->key, "group", group.id);
                }
            }
        }
        if (snapshot_.individuals) {
            for (const auto& individual : *snapshot_.individuals) {
                const auto& x509 = individual.settings.attestation.x509;
                if (!x509)
                    continue;
                for (const auto* entry : {&x509->client_primary, &x509->client_secondary}) {
                    if (!*entry)
                        continue;
                    if (const auto k = known_entry(**entry, ForecastRole::device)) {
                        note(*k);
                        touch(k->key, "individual", individual.registration_id);
                    }
                }
            }
        }
    }

    bool group_references(const EnrollmentGroup& group, const CaRecord& record) const {
        const auto& x509 = group.settings.attestation.x509;
        if (!x509)
            return false;
        if (record.certificate)
            return group_uses_certificate(snapshot_, group, *record.certificate);
        return x509->ca_reference_primary == record.name
               || x509->ca_reference_secondary == record.name;
    }

    void add_device(const Device& device, Forecast& out) {
        const AttestationResult r = simulator_.decide(device);
        if (r.decision != Decision::provisioned)
            return;
        ++out.provisioned;
        const std::size_t last = std::min(r.anchor, r.chain.size() - 1);
        for (std::size_t i = 0; i <= last; ++i) {
            const ChainLink& link = r.chain[i];
            Known k = i == 0 ? known(*link.certificate, ForecastRole::device, device.file)
                             : known_link(link);
            if (i > 0 && link.record == nullptr && link.presented
                && !link.certificate->is_self_issued())
                k.role = ForecastRole::presented_intermediate;
            note(k);
            if (r.enrollment)
                touch(k.key, r.enrollment->kind, r.enrollment->id);
        }
        const ChainLink& first = r.chain[earliest(r.chain, last)];
        if (!in_window(first.certificate->not_after()))
            return;
        const std::string& key = first.certificate->sha256();
        ++events_[key].devices_lost;
        if (r.enrollment)
            ++touch(key, r.enrollment->kind, r.enrollment->id).devices_lost;
    }

    // The end of one group CA: the earliest notAfter from it up to the verified certificate DPS
    // needs at or above it (the simulator's chain walk); nullopt when no verified certificate is
    // there, so the CA admits no device anyway.
    std::optional<Known> ca_end(const CertificatePtr& ca) const {
        Device probe;
        probe.file = ca->label();
        probe.leaf = ca;
        const std::vector<ChainLink> chain = simulator_.walk_chain(probe);
        std::size_t verified = 0;
        if (snapshot_.certificates) {
            verified = chain.size();
            for (std::size_t j = 0; j < chain.size(); ++j) {
                if (chain[j].record != nullptr && chain[j].record->is_verified) {
                    verified = j;
                    break;
                }
            }
            if (verified == chain.size())
                return std::nullopt;
        }
        return known_link(chain[earliest(chain, verified)]);
    }

    std::vector<Known> group_ca_ends(const EnrollmentGroup& group) const {
        std::vector<Known> ends;
        const auto& x509 = *group.settings.attestation.x509;
        for (const auto* name : {&x509.ca_reference_primary, &x509.ca_reference_secondary}) {
            if (!*name)
                continue;
            const CaRecord* record = snapshot_.find_certificate(**name);
            if (record == nullptr)
                continue;
            if (record->certificate) {
                if (auto end = ca_end(record->certificate))
                    ends.push_back(std::move(*end));
            } else if (record->is_verified) {
                if (auto k = known_record(*record))
                    ends.push_back(std::move(*k));
            }
        }
        for (const auto* entry : {&x509.signing_primary, &x509.signing_secondary}) {
            if (!*entry)
                continue;
            if ((*entry)->certificate) {
                if (auto end = ca_end((*entry)->certificate))
                    ends.push_back(std::move(*end));
            } else if (!snapshot_.certificates) {
                if (auto k = known_entry(**entry, ForecastRole::uploaded_ca))
                    ends.push_back(std::move(*k));
            }
        }
        return ends;
    }

    void add_group_stop(const EnrollmentGroup& group) {
        if (!group.settings.enabled || group.settings.attestation.type != AttestationType::x509
            || !group.settings.attestation.x509)
            return;
        std::optional<Known> last;
        for (auto& end : group_ca_ends(group)) {
            if (end.not_after < options_.from)
                continue;  // already unusable
            if (!last || last->not_after < end.not_after)
                last = std::move(end);
        }
        if (!last || !in_window(last->not_after))
            return;
        note(*last);
        touch(last->key, "group", group.id).stops = true;
        stops_.push_back(EnrollmentStop{"group", group.id, last->not_after, last->subject,
                                        last->sha256,
                                        "the last usable CA of enrollment group '" + group.id
                                            + "' (or the verified certificate above it) expires"});
    }

    void add_individual_stop(const IndividualEnrollment& individual) {
        const auto& x509 = individual.settings.attestation.x509;
        if (!individual.settings.enabled || !x509 || !x509->client_primary)
            return;
        const auto primary = known_entry(*x509->client_primary, ForecastRole::device);
        if (!primary || primary->not_after < options_.from)
            return;
        std::optional<Known> secondary;
        if (x509->client_secondary)
            secondary = known_entry(*x509->client_secondary, ForecastRole::device);
        const bool rolls = secondary && secondary->not_after > primary->not_after;
        const Known& last = rolls ? *secondary : *primary;
        if (!in_window(last.not_after))
            return;
        touch(last.key, "individual", individual.registration_id).stops = true;
        stops_.push_back(EnrollmentStop{
            "individual", individual.registration_id, last.not_after, last.subject, last.sha256,
            rolls ? "both client certificates of individual enrollment '"
                        + individual.registration_id + "' have expired"
                  : "the primary client certificate of individual enrollment '"
                        + individual.registration_id
                        + "' expires with no later secondary to roll to"});
    }

    const Snapshot& snapshot_;
    const ForecastOptions& options_;
    AttestationSimulator simulator_;
    std::map<std::string, ForecastEvent> events_;  // by certificate key
    std::map<std::string, std::map<EnrollmentKey, ForecastEnrollment>> enrollments_;
    std::vector<EnrollmentStop> stops_;
};

}  // namespace

Forecast compute_forecast(const Snapshot& snapshot, const CryptoBackend& backend,
                          const std::vector<Device>& devices, const ForecastOptions& options) {
    return Builder(snapshot, backend, options).run(devices);
}

}  // namespace dpslint
