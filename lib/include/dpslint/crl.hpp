#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dpslint/bytes.hpp"
#include "dpslint/certificate.hpp"
#include "dpslint/distinguished_name.hpp"
#include "dpslint/revocation_types.hpp"
#include "dpslint/time.hpp"

namespace dpslint {

class CryptoBackend;

inline constexpr const char* oid_crl_number = "2.5.29.20";
inline constexpr const char* oid_delta_crl_indicator = "2.5.29.27";
inline constexpr const char* oid_issuing_distribution_point = "2.5.29.28";
inline constexpr const char* oid_crl_reason = "2.5.29.21";
inline constexpr const char* oid_certificate_issuer = "2.5.29.29";

// One revokedCertificates entry.
struct CrlEntry {
    std::string serial_hex;  // as CertificateFields::serial_hex
    bool serial_negative = false;
    TimePoint revocation_date{};
    std::optional<RevocationReason> reason;  // reasonCode entry extension
    // certificateIssuer entry extension (indirect CRLs): it names the issuer of this entry and
    // of the entries after it, up to the next one that has the extension (RFC 5280 §5.3.3).
    std::optional<std::vector<GeneralName>> certificate_issuer;
    std::vector<ExtensionInfo> extensions;  // every entry extension, in order

    bool has_unrecognized_critical() const;
    friend bool operator==(const CrlEntry&, const CrlEntry&) = default;
};

// issuingDistributionPoint (RFC 5280 §5.2.5): the scope of a CRL.
struct IssuingDistributionPoint {
    bool critical = false;
    std::optional<DistributionPointName> name;
    bool only_user_certs = false;
    bool only_ca_certs = false;
    std::optional<std::uint16_t> only_some_reasons;  // ReasonFlag bits
    bool indirect_crl = false;
    bool only_attribute_certs = false;

    friend bool operator==(const IssuingDistributionPoint&,
                           const IssuingDistributionPoint&) = default;
};

// What a backend decoded from one DER CertificateList; plain data so the backends can be
// compared field by field.
struct CrlFields {
    Bytes der;
    int version = 1;  // 1 or 2
    SignatureAlgorithm signature_algorithm;
    DistinguishedName issuer;
    TimePoint this_update{};
    std::optional<TimePoint> next_update;
    std::vector<CrlEntry> entries;              // in CRL order
    std::optional<std::string> crl_number;      // upper hex magnitude, as serial_hex
    std::optional<std::string> delta_crl_base;  // deltaCRLIndicator BaseCRLNumber, same form
    std::optional<IssuingDistributionPoint> issuing_distribution_point;
    std::optional<AuthorityKeyIdentifier> authority_key_identifier;
    std::vector<ExtensionInfo> extensions;  // every crlExtension, in order
    std::string sha256;                     // thumbprint of the DER, upper hex

    friend bool operator==(const CrlFields&, const CrlFields&) = default;
};

// CRL and CRL entry extensions dpslint processes or may ignore (RFC 5280 §5.2, §5.3). A CRL with
// any other critical extension, or an entry with one, cannot be used (§6.3.3).
bool is_recognized_crl_extension(const std::string& oid);
bool is_recognized_crl_entry_extension(const std::string& oid);

// An immutable parsed CRL, with the backend's decoded form for signature checks.
class Crl {
public:
    Crl(CrlFields fields, std::shared_ptr<const NativeCertificate> native);

    const CrlFields& fields() const noexcept { return fields_; }
    const DistinguishedName& issuer() const noexcept { return fields_.issuer; }
    bool is_delta() const noexcept { return fields_.delta_crl_base.has_value(); }
    bool has_unrecognized_critical_extension() const;
    // Any entry with an unrecognised critical extension makes the whole CRL unusable
    // (RFC 5280 §5.3).
    bool has_unrecognized_critical_entry_extension() const noexcept { return unusable_entries_; }
    // The entries for a serial number, in CRL order (several in an indirect CRL).
    std::vector<const CrlEntry*> entries_for(const std::string& serial_hex,
                                             bool serial_negative) const;
    // The certificateIssuer names in force for entry `index` (RFC 5280 §5.3.3); null while
    // the CRL issuer is.
    const std::vector<GeneralName>* entry_issuer(std::size_t index) const noexcept;
    const NativeCertificate* native() const noexcept { return native_.get(); }

private:
    CrlFields fields_;
    std::shared_ptr<const NativeCertificate> native_;
    bool unusable_entries_ = false;
    // (negative ? "-" : "") + serial_hex -> entry indexes, sorted by key.
    std::vector<std::pair<std::string, std::size_t>> by_serial_;
    // For each entry, the index of the entry whose certificateIssuer is in force, or npos.
    std::vector<std::size_t> issuer_of_entry_;
};

using CrlPtr = std::shared_ptr<const Crl>;

// -1, 0, 1 as a < b, a == b, a > b for two upper hex magnitudes without leading zeros (CRL
// numbers, serials).
int compare_hex_magnitudes(const std::string& a, const std::string& b);

// The CRLs given to one run, each with a label naming where it came from ("crl.pem, CRL 2
// (line 14)"). Read-only once filled; share it across threads.
class CrlSet {
public:
    struct Entry {
        CrlPtr crl;
        std::string label;
    };

    void add(CrlPtr crl, std::string label);
    const std::vector<Entry>& all() const noexcept { return entries_; }
    bool empty() const noexcept { return entries_.empty(); }

private:
    std::vector<Entry> entries_;
};

// Reads every CRL of a PEM file ("X509 CRL" blocks, text around them allowed) or the one CRL of
// a DER file into `set`. Throws InputError naming the file and the place (block and line, or
// offset) for anything that is not a well-formed CRL.
void load_crl_file(const std::filesystem::path& path, const CryptoBackend& backend, CrlSet& set);

}  // namespace dpslint
