#include "dpslint/distinguished_name.hpp"

#include "ca/ca_support.hpp"

namespace dpslint::rules::ca {

namespace {

// certificates.json exports the subject as a bare CN value or as "CN=...".
bool subject_matches(std::string_view exported, const Certificate& c) {
    return exported_name_matches(exported, c.subject());
}

bool is_hex40(std::string_view t) {
    return t.size() == 40 && std::all_of(t.begin(), t.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c)) != 0;
           });
}

bool is_hex(std::string_view t) {
    return std::all_of(t.begin(), t.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

class ThumbprintMismatch final : public lint::SnapshotRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        const Snapshot& snapshot = *context.snapshot();
        for (const auto& view : context.ca_records()) {
            const CaRecord& record = *view.record;
            const std::string label = ca::record_label(record);

            // (b) The exported thumbprint is not a SHA-1 thumbprint (separators such as
            // "AB:CD:..." are tolerated: the value is still the SHA-1).
            const std::string normalized = normalize_thumbprint(record.thumbprint);
            if (!is_hex40(normalized)) {
                std::string why;
                if (record.thumbprint.empty())
                    why = "has no thumbprint";
                else if (normalized.size() == 64 && is_hex(normalized))
                    why = "has the 64-hex-digit thumbprint '" + record.thumbprint
                          + "', which looks like a SHA-256 thumbprint (IoT Hub shows SHA-256; DPS "
                            "uses SHA-1)";
                else
                    why = "has thumbprint '" + record.thumbprint
                          + "', which is not 40 hex characters";
                sink.report(label + " " + why, ca::property_location(view, "thumbprint"));
            }

            // (a) A local CA file with this record's subject but a thumbprint no record has.
            for (const auto& file : snapshot.ca_files) {
                if (file.paired || !file.certificate
                    || !subject_matches(record.subject, *file.certificate))
                    continue;
                if (!ca::records_with_sha1(snapshot, file.certificate->sha1()).empty())
                    continue;
                const std::string exported = record.thumbprint.empty()
                                                 ? std::string("no thumbprint")
                                                 : "thumbprint " + record.thumbprint;
                if (record.certificate) {
                    sink.report_as(Severity::warning,
                                   label + " is paired with " + record.certificate_file + ", but "
                                       + file.path + " has the same subject and SHA-1 "
                                       + file.certificate->sha1()
                                       + ", which no record has: a re-issued or cross-signed CA "
                                         "that was never uploaded",
                                   ca::property_location(view, "thumbprint"));
                } else {
                    sink.report_as(Severity::error,
                                   label + " has " + exported + ", but " + file.path
                                       + " with the same subject has SHA-1 "
                                       + file.certificate->sha1()
                                       + ": the local file is not the certificate that was "
                                         "uploaded (re-issued CA?)",
                                   ca::property_location(view, "thumbprint"));
                }
            }
        }
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "ca.thumbprint-mismatch",
        .title = "Exported CA thumbprint disagrees with the supplied CA certificate",
        .severity = Severity::error,
        .inspects = Target::ca_record,
        .needs = {InputPart::ca_records},
        .rationale =
            "DPS identifies an uploaded CA by its SHA-1 thumbprint, 40 hex characters. A CA file "
            "in ca/ with a record's subject but a SHA-1 no record has is not the certificate DPS "
            "holds (typically a re-issued CA that was never uploaded): devices issued by it do not "
            "chain to the uploaded CA and fail with 401002, and every check dpslint runs on the "
            "file describes the wrong certificate. A thumbprint of another length is not what DPS "
            "exports; 64 hex digits is the SHA-256 thumbprint IoT Hub shows, a common mix-up (':' "
            "or ' ' separators are tolerated). Warning instead of error when the record already "
            "has its own matching file (the other file is an extra CA with the same subject).",
        .citation = std::string(citation::dps_cli_certificate),
        .fix =
            "Put the exact certificate that was uploaded into ca/, or upload (and verify) the new "
            "CA and point the enrollment groups at it; re-export certificates.json rather than "
            "editing thumbprints by hand.",
        .example =
            "record 'production' has thumbprint A1B2...; ca/production.pem has the same subject "
            "and a different SHA-1",
        .context_severities = {Severity::error, Severity::warning},
        .severity_context =
            "error when no CA file matches the record; warning when the record already has its own "
            "matching file and another file only shares its subject",
    });
};

}  // namespace

}  // namespace dpslint::rules::ca

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_ca_thumbprint_mismatch() {
    return std::make_unique<ca::ThumbprintMismatch>();
}

}  // namespace dpslint::rules
