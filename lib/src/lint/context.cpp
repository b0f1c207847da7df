#include "dpslint/lint/context.hpp"

#include <algorithm>

#include "dpslint/certificate_pool.hpp"
#include "dpslint/enrollment_matching.hpp"
#include "dpslint/identifiers.hpp"
#include "dpslint/path_validator.hpp"
#include "dpslint/thumbprint.hpp"

namespace dpslint::lint {

DeviceSummary DeviceSummary::of(const std::string& file, std::size_t index, const Certificate& c) {
    DeviceSummary s;
    s.file = file;
    s.certificate_index = index;
    const auto cns = c.subject().common_names();
    if (cns.size() == 1)
        s.registration_id = cns.front();
    s.subject = c.subject().text();
    s.issuer = c.issuer().text();
    s.serial_hex = c.serial_hex();
    s.spki_sha256 = c.public_key().spki_sha256;
    s.sha256 = c.sha256();
    s.sha1 = c.sha1();
    s.not_before = c.not_before();
    s.not_after = c.not_after();
    return s;
}

Location DeviceSummary::location() const {
    Location l;
    l.file = file;
    l.certificate_index = certificate_index;
    l.registration_id = registration_id;
    l.subject = subject;
    l.sha256 = sha256;
    l.sha1 = sha1;
    return l;
}

Location DeviceContext::location() const {
    Location l;
    l.file = device.file;
    l.certificate_index = certificate_index;
    const auto cns = device.leaf->subject().common_names();
    if (cns.size() == 1)
        l.registration_id = cns.front();
    l.subject = device.leaf->subject().text();
    l.sha256 = device.leaf->sha256();
    l.sha1 = device.leaf->sha1();
    return l;
}

Location GroupView::location() const {
    Location l;
    l.file = group->settings.source.file;
    l.json_pointer = group->settings.source.pointer;
    l.enrollment_kind = "group";
    l.enrollment_id = group->id;
    return l;
}

Location CaRecordView::location() const {
    Location l;
    l.file = record->source.file;
    l.json_pointer = record->source.pointer;
    l.ca_name = record->name;
    l.sha1 = normalize_thumbprint(record->thumbprint);
    if (record->certificate) {
        l.subject = record->certificate->subject().text();
        l.sha256 = record->certificate->sha256();
    }
    return l;
}

namespace {
AttestationOptions attestation_at(TimePoint at) {
    AttestationOptions options;
    options.at = at;
    return options;
}
}  // namespace

LintContext::LintContext(TimePoint at, const CryptoBackend& backend, const Snapshot* snapshot)
    : LintContext(attestation_at(at), backend, snapshot) {}

LintContext::LintContext(const AttestationOptions& options, const CryptoBackend& backend,
                         const Snapshot* snapshot)
    : at_(options.at),
      options_(options),
      backend_(backend),
      snapshot_(snapshot),
      cache_(std::make_unique<SignatureCache>()) {
    if (snapshot_ != nullptr) {
        simulator_ =
            std::make_unique<AttestationSimulator>(*snapshot_, backend_, options_, cache_.get());
        index_snapshot();
    }
}

void LintContext::index_snapshot() {
    snapshot_cas_ = snapshot_->uploaded_ca_certificates();

    for (const auto& group : snapshot_->groups) {
        GroupView view{&group, {}};
        const auto& attestation = group.settings.attestation;
        if (attestation.x509) {
            const X509Attestation& x = *attestation.x509;
            const std::string base = group.settings.source.pointer + "/attestation/x509";
            const auto add_reference = [&](const std::optional<std::string>& name,
                                           const char* slot) {
                if (!name)
                    return;
                GroupCa ca;
                ca.slot = slot;
                ca.by_reference = true;
                ca.reference = *name;
                ca.record = snapshot_->find_certificate(*name);
                if (ca.record != nullptr) {
                    ca.certificate = ca.record->certificate;
                    ca.sha1 = normalize_thumbprint(ca.record->thumbprint);
                }
                ca.source = SourceRef{group.settings.source.file,
                                      base + "/caReferences/" + std::string(slot)};
                view.cas.push_back(std::move(ca));
            };
            const auto add_inline = [&](const std::optional<X509CertificateWithInfo>& entry,
                                        const char* slot) {
                if (!entry)
                    return;
                GroupCa ca;
                ca.slot = slot;
                ca.sha1 = normalize_thumbprint(entry->sha1());
                ca.certificate = entry->certificate;
                if (!ca.certificate && !ca.sha1.empty()) {
                    for (const auto& file : snapshot_->ca_files) {
                        if (iequals(file.certificate->sha1(), ca.sha1))
                            ca.certificate = file.certificate;
                    }
                }
                if (!ca.sha1.empty())
                    ca.record = snapshot_->find_certificate_by_sha1(ca.sha1);
                ca.source = entry->source;
                if (entry->certificate)
                    snapshot_cas_.push_back(entry->certificate);
                view.cas.push_back(std::move(ca));
            };
            add_reference(x.ca_reference_primary, "primary");
            add_reference(x.ca_reference_secondary, "secondary");
            add_inline(x.signing_primary, "primary");
            add_inline(x.signing_secondary, "secondary");
        }
        groups_.push_back(std::move(view));
    }

    index_ca_certificates();

    if (snapshot_->certificates) {
        for (const auto& record : *snapshot_->certificates) {
            CaRecordView view{&record, {}};
            for (const auto& group : groups_) {
                const bool uses =
                    std::any_of(group.cas.begin(), group.cas.end(),
                                [&](const GroupCa& ca) { return ca.record == &record; });
                if (uses)
                    view.used_by.push_back(group.group);
            }
            ca_records_.push_back(std::move(view));
        }
    }
}

void LintContext::index_ca_certificates() {
    const auto add = [&](const CertificatePtr& certificate, Location location) {
        const bool seen = std::any_of(ca_certificates_.begin(), ca_certificates_.end(),
                                      [&](const CaCertificateView& v) {
                                          return v.certificate->sha256() == certificate->sha256();
                                      });
        if (seen)
            return;
        location.subject = certificate->subject().text();
        location.sha256 = certificate->sha256();
        location.sha1 = certificate->sha1();
        ca_certificates_.push_back({certificate, std::move(location)});
    };
    if (snapshot_->certificates) {
        for (const auto& record : *snapshot_->certificates) {
            if (record.certificate)
                add(record.certificate, CaRecordView{&record, {}}.location());
        }
    }
    for (const auto& file : snapshot_->ca_files) {
        Location location;
        location.file = file.path;
        add(file.certificate, std::move(location));
    }
    for (const auto& group : groups_) {
        for (const auto& ca : group.cas) {
            if (ca.by_reference || !ca.certificate)
                continue;
            Location location = group.location();
            location.file = ca.source.file;
            location.json_pointer = ca.source.pointer;
            add(ca.certificate, std::move(location));
        }
    }
}

RevocationCheck LintContext::check_revocation(const std::vector<CertificatePtr>& path) const {
    if (revocation_ == nullptr)
        return {};
    ValidationPolicy policy;
    policy.at = at_;
    policy.algorithms = options_.algorithms;
    return revocation_->check(path, policy);
}

const GroupView* LintContext::group(std::string_view id) const {
    const auto it = std::find_if(groups_.begin(), groups_.end(),
                                 [&](const GroupView& g) { return g.group->id == id; });
    return it == groups_.end() ? nullptr : &*it;
}

const CaRecordView* LintContext::ca_record(std::string_view name) const {
    const auto it = std::find_if(ca_records_.begin(), ca_records_.end(),
                                 [&](const CaRecordView& r) { return r.record->name == name; });
    return it == ca_records_.end() ? nullptr : &*it;
}

std::vector<const GroupView*> LintContext::groups_using(const Certificate& certificate) const {
    std::vector<const GroupView*> out;
    for (const auto& g : groups_) {
        if (group_uses_certificate(*snapshot_, *g.group, certificate))
            out.push_back(&g);
    }
    return out;
}

CertificatePtr LintContext::issuer_of(const Certificate& certificate) const {
    for (const auto& candidate : snapshot_cas_) {
        if (candidate->sha256() == certificate.sha256())
            continue;
        if (!could_have_issued(*candidate, certificate))
            continue;
        const auto check = cache_->get_or_compute(certificate, *candidate, [&] {
            return backend_.verify_signature(certificate, *candidate);
        });
        if (check.ok())
            return candidate;
    }
    return nullptr;
}

std::vector<CertificatePtr> LintContext::issuers_above(const Certificate& certificate) const {
    std::vector<CertificatePtr> out;
    const Certificate* current = &certificate;
    while (out.size() < max_chain_length) {
        CertificatePtr issuer = issuer_of(*current);
        if (!issuer || issuer->sha256() == certificate.sha256())
            break;
        const bool seen = std::any_of(out.begin(), out.end(), [&](const CertificatePtr& c) {
            return c->sha256() == issuer->sha256();
        });
        if (seen)
            break;
        out.push_back(std::move(issuer));
        current = out.back().get();
    }
    return out;
}

LintContext::DecidingGroup LintContext::deciding_group(
    const std::vector<CertificatePtr>& above) const {
    if (snapshot_ == nullptr)
        return {};
    const GroupsFound found = first_groups_using(*snapshot_, above);
    if (found.groups.empty())
        return {};
    // groups_ mirrors snapshot_->groups one to one, in order.
    const auto index = static_cast<std::size_t>(found.groups.front() - snapshot_->groups.data());
    return DecidingGroup{&groups_[index], above[found.index]};
}

bool LintContext::is_self_signed(const Certificate& certificate) const {
    if (!certificate.is_self_issued())
        return false;
    return cache_
        ->get_or_compute(certificate, certificate,
                         [&] { return backend_.verify_signature(certificate, certificate); })
        .ok();
}

std::vector<const DeviceContext*> LintContext::devices_with_registration_id(
    std::string_view id) const {
    std::vector<const DeviceContext*> out;
    const auto it = devices_by_registration_id_.find(ascii_lower(id));
    if (it == devices_by_registration_id_.end())
        return out;
    for (const auto i : it->second)
        out.push_back(&devices_[i]);
    return out;
}

DeviceContext LintContext::make_device_context(Device device, std::size_t certificate_index) const {
    DeviceContext d;
    d.device = std::move(device);
    d.certificate_index = certificate_index;
    d.context = this;
    if (simulator_)
        d.attestation = simulator_->decide(d.device);
    if (revocation_ != nullptr && d.attestation) {
        std::vector<CertificatePtr> path;
        for (const auto& link : d.attestation->chain)
            path.push_back(link.certificate);
        d.revocation = check_revocation(path);
    }
    return d;
}

void LintContext::add_device(Device device, std::size_t certificate_index) {
    has_devices_ = true;
    devices_.push_back(make_device_context(std::move(device), certificate_index));
    const auto cns = devices_.back().device.leaf->subject().common_names();
    if (cns.size() == 1) {
        devices_by_registration_id_[ascii_lower(cns.front())].push_back(devices_.size() - 1);
    }
}

}  // namespace dpslint::lint
