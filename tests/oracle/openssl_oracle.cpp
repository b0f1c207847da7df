#include <memory>
#include <stdexcept>
#include <vector>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "oracles.hpp"
#include "support/testdata.hpp"

namespace dpslint::test {

namespace {

struct X509Deleter {
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

// Every certificate of a PEM or DER file, in order.
std::vector<X509Ptr> read_all(const std::string& relative) {
    const auto path = testdata("pki/" + relative).string();
    std::vector<X509Ptr> out;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(path.c_str(), "rb"), BIO_free);
    if (!bio)
        throw std::runtime_error("cannot open " + path);
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        out.emplace_back(x);
    ERR_clear_error();
    if (out.empty()) {
        std::unique_ptr<BIO, decltype(&BIO_free)> der(BIO_new_file(path.c_str(), "rb"), BIO_free);
        if (X509* x = d2i_X509_bio(der.get(), nullptr))
            out.emplace_back(x);
        ERR_clear_error();
    }
    if (out.empty())
        throw std::runtime_error("no certificate in " + path);
    return out;
}

}  // namespace

OracleResult openssl_oracle(const ManifestCase& c, TimePoint at) {
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(),
                                                                  X509_STORE_free);
    std::vector<X509Ptr> keep;
    for (const auto& t : c.trust) {
        for (auto& x : read_all(t)) {
            X509_STORE_add_cert(store.get(), x.get());
            keep.push_back(std::move(x));
        }
    }
    struct StackDeleter {
        void operator()(STACK_OF(X509) * s) const { sk_X509_free(s); }
    };
    std::unique_ptr<STACK_OF(X509), StackDeleter> untrusted(sk_X509_new_null());
    auto leaf_file = read_all(c.leaf);
    for (std::size_t i = 1; i < leaf_file.size(); ++i)
        sk_X509_push(untrusted.get(), leaf_file[i].get());
    for (const auto& u : c.untrusted) {
        for (auto& x : read_all(u)) {
            sk_X509_push(untrusted.get(), x.get());
            keep.push_back(std::move(x));
        }
    }
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(),
                                                                        X509_STORE_CTX_free);
    X509_STORE_CTX_init(ctx.get(), store.get(), leaf_file.front().get(), untrusted.get());
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
    X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(at.time_since_epoch().count()));
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
    X509_VERIFY_PARAM_set_auth_level(param, 2);
    X509_STORE_CTX_set_purpose(ctx.get(),
                               c.purpose == "any" ? X509_PURPOSE_ANY : X509_PURPOSE_SSL_CLIENT);
    const int ok = X509_verify_cert(ctx.get());
    OracleResult result;
    result.valid = ok == 1;
    if (!result.valid) {
        const int error = X509_STORE_CTX_get_error(ctx.get());
        result.detail = std::string(X509_verify_cert_error_string(error)) + " at depth "
                        + std::to_string(X509_STORE_CTX_get_error_depth(ctx.get()));
    }
    ERR_clear_error();
    return result;
}

}  // namespace dpslint::test
