#pragma once

// When devices stop provisioning: the expiry calendar of a DPS snapshot and its devices. Every
// decision (does a device provision today, through which enrollment, which chain does DPS walk
// and up to which verified CA) is the attestation simulator's; this only reads its results and
// the certificates' notAfter.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dpslint/attestation.hpp"
#include "dpslint/backend.hpp"
#include "dpslint/export.hpp"
#include "dpslint/snapshot.hpp"
#include "dpslint/time.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// What a certificate is to DPS, most significant first when one certificate plays several parts.
enum class ForecastRole { root, verified_ca, uploaded_ca, presented_intermediate, device };
// "root", "verified-ca", "uploaded-ca", "presented-intermediate", "device".
std::string_view to_string(ForecastRole role) noexcept;

// An enrollment a certificate's expiry touches.
struct ForecastEnrollment {
    std::string kind;  // "group" | "individual"
    std::string id;
    std::size_t devices_lost = 0;  // given devices provisioned through it that stop on this date
    // The enrollment admits no device after this date: the group's last usable CA (or the
    // verified certificate above it) expires, or the individual enrollment's last client
    // certificate does (its primary, with no secondary to roll to).
    bool stops = false;

    friend bool operator==(const ForecastEnrollment&, const ForecastEnrollment&) = default;
};

// One certificate's notAfter inside the window.
struct ForecastEvent {
    TimePoint date{};
    std::string
        subject;         // RFC 4514 text, or the record's exported subject when its body is unknown
    std::string sha256;  // upper hex; empty when only a certificates.json record is known
    ForecastRole role = ForecastRole::device;
    std::string name;  // where it is known from: the CA record name, device file or JSON place
    // Provisioned devices whose earliest notAfter on the path DPS validates (device certificate
    // up to the verified CA; the device certificate alone for an individual enrollment) is this.
    std::size_t devices_lost = 0;
    std::vector<ForecastEnrollment> enrollments;  // sorted by kind, then id
};

// An enrollment that stops admitting devices inside the window.
struct EnrollmentStop {
    std::string kind;  // "group" | "individual"
    std::string id;
    TimePoint date{};
    std::string subject;  // the certificate whose expiry ends it
    std::string sha256;
    std::string why;  // one sentence
};

struct ForecastOptions {
    TimePoint from{};   // the evaluation time: which devices provision now
    TimePoint until{};  // the last date reported (inclusive)
};

struct Forecast {
    TimePoint from{};
    TimePoint until{};
    std::vector<ForecastEvent> events;  // by date, role, subject, SHA-256
    std::vector<EnrollmentStop> stops;  // by date, kind, id
    std::size_t devices = 0;            // devices given
    std::size_t provisioned = 0;        // of them, provisioned at `from`
    std::size_t lost_in_window = 0;     // provisioned devices that stop by `until`
};

// The forecast for `snapshot` and `devices` (their certificates parsed with `backend`, as the
// snapshot's were). Pure: the same inputs give the same result.
Forecast compute_forecast(const Snapshot& snapshot, const CryptoBackend& backend,
                          const std::vector<Device>& devices, const ForecastOptions& options);

}  // namespace dpslint
DPSLINT_API_END
