#include <algorithm>

#include "dpslint/allocation.hpp"
#include "dpslint/attestation.hpp"
#include "dpslint/chain_checks.hpp"
#include "dpslint/enrollment_matching.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/identifiers.hpp"
#include "dpslint/output_text.hpp"
#include "dpslint/path_validator.hpp"

namespace dpslint {

std::string_view to_string(Decision decision) noexcept {
    switch (decision) {
        case Decision::provisioned:
            return "provisioned";
        case Decision::blocked:
            return "blocked";
        case Decision::rejected:
            break;
    }
    return "rejected";
}

AlgorithmPolicy AttestationOptions::lenient_algorithms() {
    AlgorithmPolicy policy;
    policy.allowed_hashes.insert(HashAlgorithm::sha1);
    policy.allowed_hashes.insert(HashAlgorithm::sha224);
    policy.min_rsa_bits = 1024;
    return policy;
}

namespace {

Finding device_finding(const FindingKind& kind, std::string message, const Device& device) {
    Location location;
    location.file = device.file;
    location.subject = device.leaf->subject().text();
    location.sha256 = device.leaf->sha256();
    return make_finding(kind, std::move(message), std::move(location));
}

class Decider {
public:
    Decider(const Snapshot& snapshot, const CryptoBackend& backend,
            const AttestationOptions& options, SignatureCache* cache, AttestationResult& result)
        : snapshot_(snapshot),
          backend_(backend),
          options_(options),
          cache_(cache),
          result_(result),
          device_(result.device) {}

    void run() {
        if (!check_registration_id())
            return;
        if (const IndividualEnrollment* ie = find_individual(snapshot_, result_.registration_id)) {
            decide_individual(*ie);
            return;
        }
        decide_group();
    }

private:
    void finish(Decision decision, int code, std::string reason) {
        result_.decision = decision;
        result_.reason_code = code;
        result_.reason = std::move(reason);
    }

    void add(const FindingKind& kind, std::string message) {
        result_.findings.push_back(device_finding(kind, std::move(message), device_));
    }

    void locate_last_at(const EnrollmentRef& ref) {
        Finding& f = result_.findings.back();
        f.location.enrollment_kind = ref.kind;
        f.location.enrollment_id = ref.id;
    }

    bool check_registration_id() {
        const auto cns = device_.leaf->subject().common_names();
        if (cns.size() != 1) {
            const std::string why = cns.empty() ? "the device certificate's subject has no CN"
                                                : "the device certificate's subject has "
                                                      + std::to_string(cns.size()) + " CNs";
            add(attestation_finding::registration_id_invalid,
                why + "; DPS takes the registration ID from the one subject CN");
            finish(Decision::rejected, reason_code::invalid_registration_id,
                   why + ": no registration ID");
            return false;
        }
        result_.registration_id = cns.front();
        const auto problems = registration_id_problems(cns.front(), 64);
        if (problems.empty())
            return true;
        std::string joined;
        for (const auto& p : problems)
            joined += (joined.empty() ? "" : "; ") + p;
        add(attestation_finding::registration_id_invalid,
            "CN " + quote_input(cns.front()) + " is not a valid X.509 registration ID: " + joined);
        finish(Decision::rejected, reason_code::invalid_registration_id,
               "invalid registration ID " + quote_input(cns.front()));
        return false;
    }

    // Validates `links[0..last]` with links[last] as the trust anchor; true when valid.
    bool validate(std::size_t last) {
        result_.anchor = last;
        CandidatePath path;
        for (std::size_t i = 0; i <= last; ++i)
            path.certificates.push_back(result_.chain[i].certificate);
        ValidationPolicy policy;
        policy.at = options_.at;
        policy.purpose = Purpose::any;  // DPS does not enforce clientAuth
        policy.algorithms = options_.algorithms;
        const PathValidation v = PathValidator(backend_, policy, cache_).validate(path);
        for (auto f : v.findings) {
            f.location.file = device_.file;
            result_.findings.push_back(std::move(f));
        }
        return v.valid();
    }

    void decide_individual(const IndividualEnrollment& ie) {
        EnrollmentRef ref{"individual", ie.registration_id, ie.settings.source};
        result_.enrollment = ref;
        if (!ie.settings.enabled) {
            add(attestation_finding::individual_disabled,
                "individual enrollment " + quote_input(ie.registration_id) +
                    " is disabled: it blocks this device even where an enrollment group would "
                    "admit it");
            locate_last_at(ref);
            finish(Decision::blocked, reason_code::unauthorized,
                   "blocked by disabled individual enrollment " + quote_input(ie.registration_id));
            return;
        }
        if (ie.settings.attestation.type != AttestationType::x509) {
            add(attestation_finding::individual_not_x509,
                "individual enrollment " + quote_input(ie.registration_id) + " uses " +
                    std::string(to_string(ie.settings.attestation.type)) +
                    " attestation; a device authenticating with an X.509 certificate cannot "
                    "use it, and no enrollment group is consulted");
            locate_last_at(ref);
            finish(Decision::rejected, reason_code::unauthorized,
                   "individual enrollment " + quote_input(ie.registration_id) + " is not X.509");
            return;
        }
        if (!matches_client_certificate(ie, *device_.leaf)) {
            add(attestation_finding::individual_thumbprint_mismatch,
                "the device certificate (SHA-1 " + device_.leaf->sha1()
                    + ") matches neither client certificate of individual enrollment "
                    + quote_input(ie.registration_id));
            locate_last_at(ref);
            finish(Decision::rejected, reason_code::unauthorized,
                   "certificate does not match individual enrollment "
                       + quote_input(ie.registration_id));
            return;
        }
        if (!validate(0)) {
            finish(Decision::rejected, reason_code::unauthorized,
                   "device certificate is not acceptable at the evaluation time");
            return;
        }
        provision(ie.settings, ie.device_id.value_or(result_.registration_id), ref);
    }

    void decide_group() {
        auto& chain = result_.chain;
        std::vector<CertificatePtr> above;
        for (std::size_t i = 1; i < chain.size(); ++i)
            above.push_back(chain[i].certificate);
        auto found = first_groups_using(snapshot_, above);
        const std::size_t group_index = found.index + 1;
        const std::vector<const EnrollmentGroup*> groups = std::move(found.groups);
        if (groups.empty()) {
            const std::string none = "no individual enrollment has registration ID "
                                     + quote_input(result_.registration_id) + " and ";
            if (chain.size() == 1 && !device_.leaf->is_self_issued()) {
                // The commonest tutorial mistake: a leaf-only device under an intermediate that
                // was never uploaded. Say why the walk stopped, not only that it found nothing.
                add(attestation_finding::no_enrollment,
                    none + "the chain stops at the device certificate: the device presents no "
                        + "issuer certificate and no CA certificate uploaded to DPS issued it ("
                        + device_.leaf->issuer().text()
                        + "). Make the device present its chain up to the verified CA (device "
                          "certificate, then each intermediate), or upload that issuer to DPS");
                finish(Decision::rejected, reason_code::unauthorized,
                       "no matching enrollment: the device presents no issuer certificate and "
                       "no uploaded CA issued it");
                return;
            }
            add(attestation_finding::no_enrollment,
                none + "no enrollment group uses any certificate of the device's chain");
            finish(Decision::rejected, reason_code::unauthorized, "no matching enrollment");
            return;
        }
        const EnrollmentGroup& group = *groups.front();
        EnrollmentRef ref{"group", group.id, group.settings.source};
        result_.enrollment = ref;
        const Certificate& group_cert = *chain[group_index].certificate;
        if (groups.size() > 1) {
            std::string others;
            for (std::size_t k = 1; k < groups.size(); ++k) {
                others += (others.empty() ? "" : ", ") + quote_input(groups[k]->id);
            }
            add(attestation_finding::ambiguous_group,
                "groups " + quote_input(group.id) + " and " + others + " all use " + group_cert.label() +
                    "; DPS allows one enrollment per certificate, so which one applies is "
                    "undefined (dpslint takes the first in the export)");
            locate_last_at(ref);
        }
        if (!group.settings.enabled) {
            add(attestation_finding::group_disabled,
                "enrollment group " + quote_input(group.id) + " for " + group_cert.label()
                    + " is disabled; DPS does not fall through to groups higher in the chain");
            locate_last_at(ref);
            finish(Decision::blocked, reason_code::unauthorized,
                   "blocked by disabled enrollment group " + quote_input(group.id));
            return;
        }

        std::size_t verified = group_index;
        if (!snapshot_.certificates) {
            add(attestation_finding::verification_unknown,
                "certificates.json is not in the snapshot, so whether " + group_cert.label()
                    + " is verified is unknown; assumed verified");
        } else {
            verified = chain.size();
            for (std::size_t j = group_index; j < chain.size(); ++j) {
                if (chain[j].record != nullptr && chain[j].record->is_verified) {
                    verified = j;
                    break;
                }
            }
            if (verified == chain.size()) {
                add(attestation_finding::ca_unverified,
                    "enrollment group " + quote_input(group.id) + " uses " + group_cert.label() +
                        ", but neither it nor any certificate above it in the chain is a "
                        "verified DPS certificate (proof of possession)");
                locate_last_at(ref);
                finish(Decision::rejected, reason_code::unauthorized,
                       "no verified CA certificate in the chain");
                return;
            }
        }
        std::string missing;
        for (std::size_t j = 1; j < verified; ++j) {
            if (!chain[j].presented) {
                missing += (missing.empty() ? "" : ", ") + chain[j].certificate->label();
            }
        }
        if (!missing.empty()) {
            add(attestation_finding::chain_incomplete,
                "the device does not present " + missing +
                    "; DPS needs every certificate between the device certificate and the "
                    "verified " +
                    chain[verified].certificate->label() + " in the TLS handshake");
            locate_last_at(ref);
            finish(Decision::rejected, reason_code::unauthorized,
                   "device does not present its full chain");
            return;
        }
        if (!validate(verified)) {
            finish(Decision::rejected, reason_code::unauthorized,
                   "chain to the verified CA does not validate");
            return;
        }
        provision(group.settings, result_.registration_id, ref);
    }

    void provision(const EnrollmentSettings& settings, const std::string& device_id,
                   const EnrollmentRef& ref) {
        result_.device_id = device_id;
        Allocation allocation = allocate(snapshot_, settings);
        result_.allocation_policy = allocation.policy;
        result_.allocation_policy_from_service = allocation.policy_from_service;
        result_.hubs = std::move(allocation.hubs);
        result_.chosen_hub = std::move(allocation.chosen);
        result_.initial_twin = settings.initial_twin ? &*settings.initial_twin : nullptr;
        result_.reprovision_policy = settings.reprovision_policy;
        result_.iot_edge = settings.iot_edge.value_or(false);
        for (auto& note : allocation.findings) {
            note.location.file = device_.file;
            note.location.subject = device_.leaf->subject().text();
            note.location.sha256 = device_.leaf->sha256();
            note.location.enrollment_kind = ref.kind;
            note.location.enrollment_id = ref.id;
            result_.findings.push_back(std::move(note));
        }
        if (allocation.no_eligible_hub) {
            finish(Decision::rejected, reason_code::bad_request,
                   "no IoT hub can be assigned from " + ref.kind + " enrollment "
                       + quote_input(ref.id));
            return;
        }
        finish(Decision::provisioned, reason_code::assigned,
               "provisioned through " + ref.kind + " enrollment " + quote_input(ref.id));
    }

    const Snapshot& snapshot_;
    const CryptoBackend& backend_;
    const AttestationOptions& options_;
    SignatureCache* cache_;
    AttestationResult& result_;
    const Device& device_;
};

}  // namespace

AttestationSimulator::AttestationSimulator(const Snapshot& snapshot, const CryptoBackend& backend,
                                           AttestationOptions options, SignatureCache* cache)
    : snapshot_(snapshot),
      uploaded_(snapshot.uploaded_ca_certificates()),
      backend_(backend),
      options_(std::move(options)),
      cache_(cache) {}

AttestationResult AttestationSimulator::decide(const Device& device) const {
    AttestationResult result;
    result.device = device;
    bool work_limit_hit = false;
    result.chain = walk_chain(device, &work_limit_hit);
    Decider(snapshot_, backend_, options_, cache_, result).run();
    if (work_limit_hit) {
        Finding f = leaf_chain_finding(
            chain_check::work_limit_exceeded, *device.leaf,
            "stopped choosing between issuer certificates with the same name after "
                + std::to_string(options_.max_signature_checks)
                + " signature checks and took the first candidate from there");
        f.location.file = device.file;
        result.findings.push_back(std::move(f));
    }
    sort_findings(result.findings);
    return result;
}

}  // namespace dpslint
