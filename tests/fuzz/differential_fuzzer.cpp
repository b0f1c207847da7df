// Fuzz target: the two crypto backends on the same bytes must agree, so that no verdict depends
// on --backend. As a DER certificate: both decode it or both refuse it; decoded, every field is
// the same (test::first_difference), and so is the status of every signature check: its own
// signature, its signature under the test PKI's root and production intermediate, and, as an
// issuer, the signatures of the root and of a production leaf. As a SubjectPublicKeyInfo: both
// describe it identically or both refuse it.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "dpslint/backend.hpp"
#include "dpslint/certificate_file.hpp"

#include "fuzz_support.hpp"
#include "support/fields_diff.hpp"

using namespace dpslint;

namespace {

struct Side {
    std::unique_ptr<CryptoBackend> backend;
    CertificatePtr root;
    CertificatePtr production;
    CertificatePtr leaf;
};

CertificatePtr first_certificate(const char* relative, const CryptoBackend& backend) {
    return read_certificate_file(fuzz::testdata(relative), backend).certificates.at(0);
}

Side make_side(std::unique_ptr<CryptoBackend> backend) {
    Side side;
    side.root = first_certificate("pki/ca/root.pem", *backend);
    side.production = first_certificate("pki/ca/production.pem", *backend);
    side.leaf = first_certificate("pki/leaves/valid-p256.pem", *backend);
    side.backend = std::move(backend);
    return side;
}

[[noreturn]] void disagree(const std::string& what) {
    std::fprintf(stderr, "\n*** dpslint fuzz: the backends disagree: %s\n", what.c_str());
    std::abort();
}

const char* status_text(SignatureStatus s) {
    return s == SignatureStatus::valid     ? "valid"
           : s == SignatureStatus::invalid ? "invalid"
                                           : "unsupported";
}

void same_status(const SignatureCheck& a, const SignatureCheck& b, const char* what) {
    if (a.status != b.status) {
        disagree(std::string(what) + ": openssl " + status_text(a.status) + " (" + a.detail
                 + "), botan " + status_text(b.status) + " (" + b.detail + ")");
    }
}

// The certificate or the reason it was refused.
struct Parsed {
    CertificatePtr certificate;
    std::string error;
};

Parsed parse(const CryptoBackend& backend, ByteView der) {
    try {
        return {backend.parse_certificate(der), {}};
    } catch (const ParseError& e) {
        return {nullptr, e.what()};
    }
}

std::optional<PublicKeyInfo> describe(const CryptoBackend& backend, ByteView der,
                                      std::string& error) {
    try {
        return backend.describe_public_key(der);
    } catch (const ParseError& e) {
        error = e.what();
        return std::nullopt;
    }
}

void compare_certificates(const Side& o, const Side& b, ByteView der) {
    const Parsed x = parse(*o.backend, der);
    const Parsed y = parse(*b.backend, der);
    if ((x.certificate == nullptr) != (y.certificate == nullptr)) {
        disagree("as a certificate: openssl "
                 + (x.certificate ? "accepts" : "refuses (" + x.error + ")") + ", botan "
                 + (y.certificate ? "accepts" : "refuses (" + y.error + ")"));
    }
    if (!x.certificate)
        return;
    if (const auto field = test::first_difference(x.certificate->fields(), y.certificate->fields());
        !field.empty()) {
        disagree("decoded fields differ: " + field);
    }
    const auto& xs = *o.backend;
    const auto& ys = *b.backend;
    same_status(xs.verify_signature(*x.certificate, *x.certificate),
                ys.verify_signature(*y.certificate, *y.certificate), "self-signature");
    same_status(xs.verify_signature(*x.certificate, *o.root),
                ys.verify_signature(*y.certificate, *b.root), "signature under the root");
    same_status(xs.verify_signature(*x.certificate, *o.production),
                ys.verify_signature(*y.certificate, *b.production),
                "signature under the production intermediate");
    same_status(xs.verify_signature(*o.leaf, *x.certificate),
                ys.verify_signature(*b.leaf, *y.certificate), "as the issuer of a leaf");
    same_status(xs.verify_signature(*o.root, *x.certificate),
                ys.verify_signature(*b.root, *y.certificate), "as the issuer of the root");
}

void compare_public_keys(const Side& o, const Side& b, ByteView der) {
    std::string x_error, y_error;
    const auto x = describe(*o.backend, der, x_error);
    const auto y = describe(*b.backend, der, y_error);
    if (x.has_value() != y.has_value()) {
        disagree("as a SubjectPublicKeyInfo: openssl "
                 + (x ? "accepts" : "refuses (" + x_error + ")") + ", botan "
                 + (y ? "accepts" : "refuses (" + y_error + ")"));
    }
    if (x && !(*x == *y)) {
        disagree("SubjectPublicKeyInfo described differently: openssl " + x->algorithm_oid + " "
                 + std::to_string(x->bits) + " bits " + x->curve + ", botan " + y->algorithm_oid
                 + " " + std::to_string(y->bits) + " bits " + y->curve);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Side openssl = make_side(make_openssl_backend());
    static const Side botan = make_side(make_botan_backend());
    const ByteView der(data, size);
    compare_certificates(openssl, botan, der);
    compare_public_keys(openssl, botan, der);
    return 0;
}
