#include "dpslint/crl.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "dpslint/backend.hpp"

namespace dpslint {

std::string_view to_string(RevocationReason reason) noexcept {
    switch (reason) {
        case RevocationReason::unspecified:
            return "unspecified";
        case RevocationReason::key_compromise:
            return "keyCompromise";
        case RevocationReason::ca_compromise:
            return "cACompromise";
        case RevocationReason::affiliation_changed:
            return "affiliationChanged";
        case RevocationReason::superseded:
            return "superseded";
        case RevocationReason::cessation_of_operation:
            return "cessationOfOperation";
        case RevocationReason::certificate_hold:
            return "certificateHold";
        case RevocationReason::remove_from_crl:
            return "removeFromCRL";
        case RevocationReason::privilege_withdrawn:
            return "privilegeWithdrawn";
        case RevocationReason::aa_compromise:
            return "aACompromise";
    }
    return "unspecified";
}

std::optional<RevocationReason> revocation_reason_from_code(long code) noexcept {
    if (code < 0 || code > 10 || code == 7)
        return std::nullopt;
    return static_cast<RevocationReason>(code);
}

std::string_view to_string(RevocationState state) noexcept {
    switch (state) {
        case RevocationState::good:
            return "good";
        case RevocationState::revoked:
            return "revoked";
        case RevocationState::unknown:
            break;
    }
    return "unknown";
}

std::optional<RevocationState> parse_revocation_state(std::string_view text) noexcept {
    for (const auto state :
         {RevocationState::good, RevocationState::revoked, RevocationState::unknown}) {
        if (text == to_string(state))
            return state;
    }
    return std::nullopt;
}

bool is_recognized_crl_extension(const std::string& oid) {
    static constexpr std::array<std::string_view, 7> known{
        "2.5.29.35",          // authorityKeyIdentifier
        "2.5.29.18",          // issuerAltName
        "2.5.29.20",          // cRLNumber
        "2.5.29.27",          // deltaCRLIndicator
        "2.5.29.28",          // issuingDistributionPoint
        "2.5.29.46",          // freshestCRL
        "1.3.6.1.5.5.7.1.1",  // authorityInfoAccess
    };
    return std::find(known.begin(), known.end(), oid) != known.end();
}

bool is_recognized_crl_entry_extension(const std::string& oid) {
    static constexpr std::array<std::string_view, 4> known{
        "2.5.29.21",  // reasonCode
        "2.5.29.23",  // holdInstructionCode
        "2.5.29.24",  // invalidityDate
        "2.5.29.29",  // certificateIssuer
    };
    return std::find(known.begin(), known.end(), oid) != known.end();
}

bool CrlEntry::has_unrecognized_critical() const {
    return std::any_of(extensions.begin(), extensions.end(), [](const ExtensionInfo& e) {
        return e.critical && !is_recognized_crl_entry_extension(e.oid);
    });
}

namespace {

std::string serial_key(const std::string& hex, bool negative) {
    return negative ? "-" + hex : hex;
}

}  // namespace

Crl::Crl(CrlFields fields, std::shared_ptr<const NativeCertificate> native)
    : fields_(std::move(fields)), native_(std::move(native)) {
    const auto& entries = fields_.entries;
    by_serial_.reserve(entries.size());
    issuer_of_entry_.reserve(entries.size());
    std::size_t in_force = std::string::npos;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        unusable_entries_ = unusable_entries_ || entries[i].has_unrecognized_critical();
        if (entries[i].certificate_issuer)
            in_force = i;
        issuer_of_entry_.push_back(in_force);
        by_serial_.emplace_back(serial_key(entries[i].serial_hex, entries[i].serial_negative), i);
    }
    std::sort(by_serial_.begin(), by_serial_.end());
}

std::vector<const CrlEntry*> Crl::entries_for(const std::string& serial_hex,
                                              bool serial_negative) const {
    const std::string key = serial_key(serial_hex, serial_negative);
    std::vector<const CrlEntry*> out;
    auto it = std::lower_bound(by_serial_.begin(), by_serial_.end(),
                               std::pair<std::string, std::size_t>{key, 0});
    for (; it != by_serial_.end() && it->first == key; ++it)
        out.push_back(&fields_.entries[it->second]);
    return out;
}

const std::vector<GeneralName>* Crl::entry_issuer(std::size_t index) const noexcept {
    if (index >= issuer_of_entry_.size() || issuer_of_entry_[index] == std::string::npos)
        return nullptr;
    return &*fields_.entries[issuer_of_entry_[index]].certificate_issuer;
}

bool Crl::has_unrecognized_critical_extension() const {
    return std::any_of(
        fields_.extensions.begin(), fields_.extensions.end(),
        [](const ExtensionInfo& e) { return e.critical && !is_recognized_crl_extension(e.oid); });
}

int compare_hex_magnitudes(const std::string& a, const std::string& b) {
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

void CrlSet::add(CrlPtr crl, std::string label) {
    entries_.push_back(Entry{std::move(crl), std::move(label)});
}

}  // namespace dpslint
