#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dpslint/algorithm_policy.hpp"
#include "dpslint/backend.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/signature_cache.hpp"
#include "dpslint/snapshot.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

enum class Decision { provisioned, blocked, rejected };
std::string_view to_string(Decision decision) noexcept;

// Codes modelled on the service's registration errors: 400004 invalid request or
// registration ID, 401002 unauthorized (untrusted chain, no or disabled enrollment, thumbprint
// mismatch), 400 for an enrollment that cannot be allocated to any hub; 200 when provisioned.
namespace reason_code {
inline constexpr int assigned = 200;
inline constexpr int bad_request = 400;
inline constexpr int invalid_registration_id = 400004;
inline constexpr int unauthorized = 401002;
}  // namespace reason_code

struct EnrollmentRef {
    std::string kind;  // "individual" | "group"
    std::string id;    // registrationId or enrollmentGroupId
    SourceRef source;
};

struct HubCandidate {
    std::string name;
    std::string location;  // empty when the hub is not a known linked hub
    int weight = 1;
    bool linked = false;
};

// One device as DPS sees it: its certificate and what it sends in the TLS handshake.
struct Device {
    std::string file;
    CertificatePtr leaf;
    std::vector<CertificatePtr> presented;
};

// A certificate of the chain DPS walks, leaf first, and where it came from.
// DPS walks at most a handful of certificates up from the device; a longer chain is a loop or a
// mistake. The simulator's chain walk and the lint context's issuer walk both stop here.
inline constexpr std::size_t max_chain_length = 10;

struct ChainLink {
    CertificatePtr certificate;
    bool presented = false;  // sent by the device (leaf included) rather than only uploaded
    const CaRecord* record = nullptr;  // the certificates.json record with its thumbprint, if any
};

struct AttestationResult {
    Device device;
    std::string registration_id;  // the leaf's CN; empty when it has none or several
    Decision decision = Decision::rejected;
    int reason_code = reason_code::unauthorized;
    std::string reason;
    std::optional<EnrollmentRef> enrollment;  // the entry that decided, also when blocked/rejected
    std::vector<ChainLink> chain;
    // The chain index DPS validated the path up to: the verified CA certificate for a group, the
    // device certificate itself for an individual enrollment. The path chain[0..anchor] is what
    // must stay valid for the device to keep provisioning (forecast reads it). Set when validated.
    std::size_t anchor = 0;
    // For provisioned devices:
    std::string device_id;
    std::optional<AllocationPolicy> allocation_policy;
    bool allocation_policy_from_service = false;  // inherited the service default
    std::vector<HubCandidate> hubs;
    std::optional<std::string> chosen_hub;  // only when determined (static)
    // The deciding enrollment's initialTwin, inside the snapshot (which outlives the result):
    // shared, not copied, by every device provisioned through it.
    const nlohmann::json* initial_twin = nullptr;
    std::optional<ReprovisionPolicy> reprovision_policy;
    bool iot_edge = false;
    // The findings behind the decision: attestation.* plus the validator's chain.* findings.
    std::vector<Finding> findings;
};

struct AttestationOptions {
    TimePoint at{};
    // DPS publishes no algorithm policy; the simulation accepts what a TLS stack
    // typically does: SHA-1 and SHA-2, RSA >= 1024, NIST curves, Ed25519. Weak but accepted
    // algorithms are lint findings, not provisioning failures.
    AlgorithmPolicy algorithms = lenient_algorithms();
    // Signature checks the chain walk may spend per device choosing between same-name issuers
    // (a device may present a thousand of them); then it takes the first candidate.
    std::size_t max_signature_checks = 100;

    static AlgorithmPolicy lenient_algorithms();
};

// Decides, as DPS would, whether a device provisions and through which enrollment (issue rules
// 1-5: registration ID, individual enrollment precedence, group walk from the leaf's issuer up,
// verified-CA roll-up, path validation, allocation). Keeps references to `snapshot`, `backend`
// and `cache`, which must outlive it; the snapshot must have been loaded with `backend`.
// Thread-safe; `cache` may be shared across many devices.
class AttestationSimulator {
public:
    AttestationSimulator(const Snapshot& snapshot, const CryptoBackend& backend,
                         AttestationOptions options, SignatureCache* cache = nullptr);

    // The decision for one device (its certificates from `backend`). What is wrong with the
    // device is the decision's reason and findings, not an exception.
    AttestationResult decide(const Device& device) const;

    // The chain DPS would walk for `device`: what it presents, completed only by CA certificates
    // uploaded to DPS (Snapshot::uploaded_ca_certificates). `work_limit_hit` (optional) is set
    // when the signature checks ran out before every choice was made.
    std::vector<ChainLink> walk_chain(const Device& device, bool* work_limit_hit = nullptr) const;

private:
    const Snapshot& snapshot_;
    std::vector<CertificatePtr> uploaded_;  // computed once: decide() runs per device
    const CryptoBackend& backend_;
    AttestationOptions options_;
    SignatureCache* cache_;
};

}  // namespace dpslint
DPSLINT_API_END
