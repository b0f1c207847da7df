// certificates.json: `az iot dps certificate list`, {"value": [...]} (or a bare array). `list`
// returns no certificate body; `certificate show` (and generate-verification-code) return the
// uploaded file in properties.certificate, which is used when its thumbprint is the record's.
// CA files are paired with the records by SHA-1 thumbprint later.

#include "dpslint/finding_catalogue.hpp"

#include "snapshot/snapshot_parts.hpp"

namespace dpslint::snapshot_detail {

namespace {

// The record's own body: base64 of the uploaded file (PEM text or DER), or PEM text. Used only
// when its SHA-1 is the record's thumbprint; otherwise reported and left out.
void read_record_body(const JsonCursor& properties, CaRecord& record, const CryptoBackend& backend,
                      std::vector<Finding>& findings) {
    const auto body = properties.optional_child("certificate");
    if (!body)
        return;
    const CertificatePtr certificate = parse_inline_certificates(*body, backend).front();
    if (same_thumbprint(record.thumbprint, certificate->sha1())) {
        record.certificate = certificate;
        record.certificate_file = body->file() + ":" + body->pointer();
        return;
    }
    Finding f = make_finding(input_finding::certificate_body_mismatch, "");
    f.message = "CA record '" + record.name + "' holds the certificate " + certificate->label()
                + " with SHA-1 " + certificate->sha1() + ", but its thumbprint is '"
                + record.thumbprint + "'; the body is not used";
    f.location.file = body->file();
    f.location.json_pointer = body->pointer();
    f.location.ca_name = record.name;
    f.location.subject = certificate->subject().text();
    f.location.sha256 = certificate->sha256();
    f.location.sha1 = certificate->sha1();
    findings.push_back(std::move(f));
}

CaRecord read_certificate_record(const JsonCursor& entry, const CryptoBackend& backend,
                                 std::vector<Finding>& findings) {
    entry.expect_object();
    CaRecord record;
    record.source = source_of(entry);
    record.name = entry.required_string("name");
    record.etag = entry.optional_string("etag").value_or(std::string());
    if (const auto properties = entry.optional_object("properties")) {
        record.subject = properties->optional_string("subject").value_or(std::string());
        record.thumbprint = properties->optional_string("thumbprint").value_or(std::string());
        record.is_verified = properties->optional_bool("isVerified").value_or(false);
        record.expiry = optional_date(*properties, "expiry");
        record.created = optional_date(*properties, "created");
        record.updated = optional_date(*properties, "updated");
        read_record_body(*properties, record, backend, findings);
    }
    return record;
}

}  // namespace

std::vector<CaRecord> read_certificates(const JsonCursor& document, const CryptoBackend& backend,
                                        std::vector<Finding>& findings) {
    JsonCursor list = document;
    if (document.is_object()) {
        if (!document.value().contains("value") && document.value().contains("name")) {
            document.fail(
                "expected the output of `az iot dps certificate list` ({\"value\": [...]}), got "
                "a single certificate");
        }
        list = document.child("value");
    } else if (!document.is_array()) {
        document.fail("expected an object with 'value' or an array, got "
                      + std::string(json_type_name(document.value())));
    }
    std::vector<CaRecord> records;
    for (const auto& entry : list.array())
        records.push_back(read_certificate_record(entry, backend, findings));
    return records;
}

}  // namespace dpslint::snapshot_detail
