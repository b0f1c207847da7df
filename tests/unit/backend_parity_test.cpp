// Both backends must decode every committed certificate into identical fields: rules and reports
// may not depend on --backend.
#include <filesystem>

#include <catch2/catch.hpp>

#include "dpslint/backend.hpp"
#include "dpslint/certificate_file.hpp"
#include "dpslint/crl.hpp"
#include "dpslint/pem.hpp"

#include "support/fields_diff.hpp"
#include "support/testdata.hpp"

using namespace dpslint;

namespace backend_parity_test {

namespace {

std::vector<Bytes> certificate_ders(const std::filesystem::path& path) {
    const Bytes content = read_input_file(path, max_certificate_file_bytes, "certificate file");
    const std::string_view text(reinterpret_cast<const char*>(content.data()), content.size());
    std::vector<Bytes> out;
    if (contains_pem(text)) {
        for (auto& block : scan_pem(path.string(), text)) {
            if (block.label == "CERTIFICATE")
                out.push_back(std::move(block.der));
        }
    } else {
        out.push_back(content);
    }
    return out;
}

}  // namespace

TEST_CASE("OpenSSL and Botan decode every committed certificate identically", "[backend][parity]") {
    const auto openssl = make_openssl_backend();
    const auto botan = make_botan_backend();
    std::size_t compared = 0;
    for (const auto& dir : {"pki", "demo", "rules", "batch", "snapshots", "pkits", "limbo"}) {
        if (!std::filesystem::exists(test::testdata(dir)))
            continue;
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(test::testdata(dir))) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".pem" && ext != ".der" && ext != ".crt"))
                continue;
            if (entry.path().string().find("malformed") != std::string::npos)
                continue;
            std::vector<Bytes> ders;
            try {
                ders = certificate_ders(entry.path());
            } catch (const std::exception&) {
                continue;  // deliberately broken inputs are covered by their own tests
            }
            for (const auto& der : ders) {
                INFO(entry.path().string());
                CertificatePtr a, b;
                try {
                    a = openssl->parse_certificate(der);
                } catch (const ParseError&) {
                }
                try {
                    b = botan->parse_certificate(der);
                } catch (const ParseError&) {
                }
                REQUIRE((a == nullptr) == (b == nullptr));
                if (!a)
                    continue;
                CHECK(test::first_difference(a->fields(), b->fields()) == "");
                // Self-signatures agree too (roots, self-signed leaves, and every failure).
                CHECK(openssl->verify_signature(*a, *a).status
                      == botan->verify_signature(*b, *b).status);
                ++compared;
            }
        }
    }
    CHECK(compared > 500);
}

TEST_CASE("OpenSSL and Botan decode every committed CRL identically", "[backend][parity][crl]") {
    const auto openssl = make_openssl_backend();
    const auto botan = make_botan_backend();
    std::size_t compared = 0;
    for (const auto& dir : {"pkits/crls", "limbo"}) {
        if (!std::filesystem::exists(test::testdata(dir)))
            continue;
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(test::testdata(dir))) {
            if (!entry.is_regular_file() || entry.path().extension() != ".crl")
                continue;
            INFO(entry.path().string());
            const Bytes der = read_input_file(entry.path(), max_crl_file_bytes, "CRL file");
            CrlPtr a, b;
            std::string a_error, b_error;
            try {
                a = openssl->parse_crl(der);
            } catch (const ParseError& e) {
                a_error = e.what();
            }
            try {
                b = botan->parse_crl(der);
            } catch (const ParseError& e) {
                b_error = e.what();
            }
            INFO(a_error << " / " << b_error);
            REQUIRE((a == nullptr) == (b == nullptr));
            if (!a)
                continue;
            CHECK(a->fields() == b->fields());
            ++compared;
        }
    }
    CHECK(compared >= 170);
}

}  // namespace backend_parity_test
