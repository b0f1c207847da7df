#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/backend.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/export.hpp"
#include "dpslint/finding.hpp"
#include "dpslint/revocation.hpp"
#include "dpslint/signature_cache.hpp"
#include "dpslint/snapshot.hpp"
#include "dpslint/verifier.hpp"

DPSLINT_API_BEGIN
namespace dpslint::lint {

class LintContext;

// The small, copyable facts about one device certificate that cross-batch rules need. A batch
// report line carries exactly these, so `batch-merge` can run the same rules over shards.
struct DeviceSummary {
    std::string file;
    std::size_t certificate_index = 0;  // position of the certificate in its file
    std::string registration_id;        // the subject CN; empty when none or several
    std::string subject;
    std::string issuer;
    std::string serial_hex;
    std::string spki_sha256;
    std::string sha256;
    std::string sha1;
    TimePoint not_before{};
    TimePoint not_after{};

    static DeviceSummary of(const std::string& file, std::size_t certificate_index,
                            const Certificate& certificate);
    Location location() const;
};

// One device certificate under lint, with everything derived for it once.
struct DeviceContext {
    Device device;  // file, leaf, presented chain
    std::size_t certificate_index = 0;
    std::optional<AttestationResult> attestation;  // when a snapshot is given
    std::optional<LeafVerification> verification;  // when trust anchors are given (batch --trust)
    // With CRLs (--crl): the status of each certificate of the chain DPS walks (snapshot) or of
    // the validated path (trust anchors), leaf first, the last certificate excepted.
    std::optional<RevocationCheck> revocation;
    const LintContext* context = nullptr;

    const Certificate& leaf() const noexcept { return *device.leaf; }
    // file, certificate index, subject, thumbprints and registration ID of the leaf.
    Location location() const;
};

// How an enrollment group points at one CA certificate.
struct GroupCa {
    std::string slot;                  // "primary" | "secondary"
    bool by_reference = false;         // caReferences (true) or inline signingCertificates (false)
    std::string reference;             // the caReferences name
    const CaRecord* record = nullptr;  // the referenced record, or the record with that thumbprint
    CertificatePtr certificate;        // the CA certificate, when its body is known
    std::string sha1;                  // thumbprint known for it (upper-case); may be empty
    SourceRef source;                  // the reference inside enrollment-groups.json
};

struct GroupView {
    const EnrollmentGroup* group = nullptr;
    std::vector<GroupCa> cas;  // primary first

    Location location() const;  // file + JSON pointer + enrollment id
};

// A CA certificate of the snapshot and where it is: its certificates.json record when it has one,
// else its ca/ file, else the enrollment group that carries it inline.
struct CaCertificateView {
    CertificatePtr certificate;
    Location location;
};

struct CaRecordView {
    const CaRecord* record = nullptr;
    std::vector<const EnrollmentGroup*> used_by;  // groups that reference it, export order

    Location location() const;  // certificates.json pointer, record name, thumbprints
};

// Everything a lint run looks at, built once: the snapshot with resolved references, the devices
// with their DPS decisions, and indexes. Rules only read it. Keeps references to `backend` and
// `snapshot` (null: no snapshot), which must outlive it. Not thread-safe while devices are added;
// afterwards its const members may be used from many threads.
class LintContext {
public:
    // Decides devices with the default AttestationOptions at `at`.
    LintContext(TimePoint at, const CryptoBackend& backend, const Snapshot* snapshot);
    // Decides devices, and checks CRL issuers' paths, with `options` (options.at is the time).
    LintContext(const AttestationOptions& options, const CryptoBackend& backend,
                const Snapshot* snapshot);
    LintContext(const LintContext&) = delete;
    LintContext& operator=(const LintContext&) = delete;

    TimePoint at() const noexcept { return at_; }
    const CryptoBackend& backend() const noexcept { return backend_; }
    const Snapshot* snapshot() const noexcept { return snapshot_; }
    SignatureCache& signature_cache() const noexcept { return *cache_; }

    // The attestation simulator over the snapshot (null without one); rules use it to ask "what
    // would DPS decide for this certificate".
    const AttestationSimulator* simulator() const noexcept { return simulator_.get(); }

    const std::vector<GroupView>& groups() const noexcept { return groups_; }
    // Every distinct CA certificate of the snapshot, records first, then ca/ files, then inline
    // group certificates.
    const std::vector<CaCertificateView>& ca_certificates() const noexcept {
        return ca_certificates_;
    }
    const std::vector<CaRecordView>& ca_records() const noexcept { return ca_records_; }
    const GroupView* group(std::string_view id) const;
    const CaRecordView* ca_record(std::string_view name) const;
    std::vector<const GroupView*> groups_using(const Certificate& certificate) const;

    // The issuer of `certificate` among the snapshot's CA certificates (ca/ files and inline
    // group certificates), checked by signature; null when unknown or self-signed.
    CertificatePtr issuer_of(const Certificate& certificate) const;
    bool is_self_signed(const Certificate& certificate) const;
    // The issuers of `certificate` among the snapshot's CA certificates, nearest first, up to the
    // root, at most max_chain_length; stops at loops. The one issuer walk every rule uses.
    std::vector<CertificatePtr> issuers_above(const Certificate& certificate) const;

    // The group DPS stops at walking `above` upwards (nearest first, as issuers_above or an
    // attestation chain without its leaf), with the certificate it matched on; null when none.
    // The simulator's own matcher, so lint and simulate name the same group.
    struct DecidingGroup {
        const GroupView* group = nullptr;
        CertificatePtr certificate;
    };
    DecidingGroup deciding_group(const std::vector<CertificatePtr>& above) const;

    // CRLs given to this run (--crl): null without. Not owned; must outlive the context.
    void check_revocation_with(const RevocationChecker* checker) noexcept { revocation_ = checker; }
    const RevocationChecker* revocation_checker() const noexcept { return revocation_; }
    // The status of each certificate of `path` (leaf first; the last one is not checked) at the
    // context's time, CRL issuers' paths under the attestation options' algorithm policy (by
    // default the lenient one DPS is modelled with).
    // Empty without CRLs.
    RevocationCheck check_revocation(const std::vector<CertificatePtr>& path) const;

    // Devices given to this run (empty for a streaming batch, which checks one at a time).
    const std::vector<DeviceContext>& devices() const noexcept { return devices_; }
    bool has_devices() const noexcept { return has_devices_; }
    std::vector<const DeviceContext*> devices_with_registration_id(std::string_view id) const;

    // Builder side.
    void add_device(Device device, std::size_t certificate_index);
    void expect_streamed_devices() noexcept { has_devices_ = true; }
    // Decides a device against the snapshot (when there is one) and fills its context.
    DeviceContext make_device_context(Device device, std::size_t certificate_index) const;

private:
    void index_snapshot();
    void index_ca_certificates();

    TimePoint at_;
    AttestationOptions options_;
    const CryptoBackend& backend_;
    const Snapshot* snapshot_;
    std::unique_ptr<SignatureCache> cache_;
    std::unique_ptr<AttestationSimulator> simulator_;
    std::vector<GroupView> groups_;
    std::vector<CaRecordView> ca_records_;
    std::vector<CaCertificateView> ca_certificates_;
    const RevocationChecker* revocation_ = nullptr;
    std::vector<CertificatePtr> snapshot_cas_;  // ca/ files and inline group certificates
    std::vector<DeviceContext> devices_;
    std::unordered_map<std::string, std::vector<std::size_t>> devices_by_registration_id_;
    bool has_devices_ = false;
};

}  // namespace dpslint::lint
DPSLINT_API_END
