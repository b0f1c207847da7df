#include <chrono>
#include <memory>
#include <vector>

#include <botan/certstor.h>
#include <botan/data_src.h>
#include <botan/x509path.h>

#include "oracles.hpp"
#include "support/testdata.hpp"

namespace dpslint::test {

namespace {

std::vector<Botan::X509_Certificate> read_all(const std::string& relative) {
    const auto path = testdata("pki/" + relative).string();
    Botan::DataSource_Stream in(path, true);
    std::vector<Botan::X509_Certificate> out;
    while (!in.end_of_data()) {
        try {
            out.emplace_back(in);
        } catch (const Botan::Exception&) {
            break;  // trailing text or a non-certificate block (e.g. a private key)
        }
    }
    return out;
}

}  // namespace

OracleResult botan_oracle(const ManifestCase& c, TimePoint at) {
    Botan::Certificate_Store_In_Memory store;
    for (const auto& t : c.trust) {
        for (const auto& x : read_all(t))
            store.add_certificate(x);
    }
    std::vector<Botan::X509_Certificate> end_certs = read_all(c.leaf);
    for (const auto& u : c.untrusted) {
        for (const auto& x : read_all(u))
            end_certs.push_back(x);
    }
    const Botan::Path_Validation_Restrictions restrictions(
        false, 110, false, {"SHA-256", "SHA-384", "SHA-512", "Pure"});
    const auto when = std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(at.time_since_epoch()));
    const auto usage =
        c.purpose == "any" ? Botan::Usage_Type::UNSPECIFIED : Botan::Usage_Type::TLS_CLIENT_AUTH;
    const Botan::Path_Validation_Result result =
        Botan::x509_path_validate(end_certs, restrictions, store, "", usage, when);
    return OracleResult{result.successful_validation(), result.result_string()};
}

}  // namespace dpslint::test
