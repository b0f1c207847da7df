#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dpslint/export.hpp"
#include "dpslint/time.hpp"

DPSLINT_API_BEGIN
namespace dpslint {

// CRLReason (RFC 5280 §5.3.1); the values are the ENUMERATED ones (7 is unused).
enum class RevocationReason {
    unspecified = 0,
    key_compromise = 1,
    ca_compromise = 2,
    affiliation_changed = 3,
    superseded = 4,
    cessation_of_operation = 5,
    certificate_hold = 6,
    remove_from_crl = 8,
    privilege_withdrawn = 9,
    aa_compromise = 10,
};

// "keyCompromise", "certificateHold", ... as RFC 5280 spells them.
std::string_view to_string(RevocationReason reason) noexcept;
std::optional<RevocationReason> revocation_reason_from_code(long code) noexcept;

enum class RevocationState {
    good,     // CRLs covering every reason were checked and none lists the certificate
    revoked,  // listed (certificateHold included: RFC 5280 §6.3.3 treats it as revoked)
    unknown,  // the CRLs given do not cover it, or those that would are unusable
};

std::string_view to_string(RevocationState state) noexcept;
std::optional<RevocationState> parse_revocation_state(std::string_view text) noexcept;

// The revocation status of one certificate of a path.
struct CertificateRevocation {
    std::size_t path_position = 0;
    RevocationState state = RevocationState::unknown;
    std::optional<RevocationReason> reason;  // revoked: the entry's reasonCode, when present
    std::optional<TimePoint> revocation_date;
    std::string crl;     // the CRL that decided it, as the CRL set labels it
    std::string detail;  // unknown: why
};

}  // namespace dpslint
DPSLINT_API_END
