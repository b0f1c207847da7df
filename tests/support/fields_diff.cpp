#include "support/fields_diff.hpp"

namespace dpslint::test {

std::string first_difference(const CertificateFields& a, const CertificateFields& b) {
    if (a.version != b.version)
        return "version";
    if (a.serial_hex != b.serial_hex || a.serial_negative != b.serial_negative
        || a.serial_octets != b.serial_octets) {
        return "serial";
    }
    if (!(a.subject.rdns() == b.subject.rdns()))
        return "subject " + a.subject.text() + " vs " + b.subject.text();
    if (!(a.issuer.rdns() == b.issuer.rdns()))
        return "issuer";
    if (a.not_before != b.not_before || a.not_after != b.not_after)
        return "validity";
    if (!(a.public_key == b.public_key))
        return "public key";
    if (!(a.signature_algorithm == b.signature_algorithm))
        return "signature algorithm";
    if (a.sha1 != b.sha1 || a.sha256 != b.sha256)
        return "thumbprints";
    const auto& x = a.extensions;
    const auto& y = b.extensions;
    if (!(x.basic_constraints == y.basic_constraints))
        return "basicConstraints";
    if (!(x.key_usage == y.key_usage))
        return "keyUsage";
    if (!(x.extended_key_usage == y.extended_key_usage))
        return "extendedKeyUsage";
    if (!(x.subject_key_identifier == y.subject_key_identifier))
        return "SKI";
    if (!(x.authority_key_identifier == y.authority_key_identifier))
        return "AKI";
    if (!(x.subject_alt_name == y.subject_alt_name))
        return "subjectAltName";
    if (!(x.name_constraints == y.name_constraints))
        return "nameConstraints";
    if (!(x.certificate_policies == y.certificate_policies))
        return "certificatePolicies";
    if (!(x.all == y.all) || !(x.unrecognized == y.unrecognized))
        return "extension list";
    return a == b ? "" : "other";
}

}  // namespace dpslint::test
