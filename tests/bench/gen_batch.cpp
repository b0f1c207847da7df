// dpslint-bench-gen: writes a deterministic factory batch for the `dpslint batch` benchmark.
//
//   dpslint-bench-gen --alg p256|rsa2048 --count N --out DIR [--seed TEXT] [--threads N]
//                     [--key-cache FILE] [--pool-size N] [--per-dir N]
//
// Output (DIR must not exist or be empty):
//   DIR/root.pem                   self-signed root CA
//   DIR/intermediate.pem           intermediate CA signed by the root (pathlen 0)
//   DIR/leaves/DDDD/LLLLLLL.pem    N device certificates, one per file, --per-dir (1000) per
//                                  directory: leaf I is leaves/<I / 1000>/<I>.pem
//   DIR/COMPLETE                   written last: "alg=... count=... seed=..." (the cache key)
//
// Every certificate is valid 2025-01-01T00:00:00Z .. 2035-01-01T00:00:00Z. Leaf I has subject
// CN=bench-device-I, a 16-byte serial taken from SHA-256(seed, "serial", I) (positive, never
// counter-like), basicConstraints CA:FALSE, keyUsage digitalSignature, EKU clientAuth, SKI and
// AKI. Everything is derived from --seed, so a batch is reproducible:
//   p256     every private key (root, intermediate, each leaf) is SHA-256(seed, role, I) mod n.
//            The files are identical between runs except for the ECDSA signature bytes:
//            OpenSSL 3.0 has no deterministic (RFC 6979) ECDSA, so each signature uses a fresh
//            random nonce. Sizes, names, keys and serials do not change.
//   rsa2048  generating a million RSA keys is not feasible, so leaves take their key from a
//            pool of --pool-size (256) keys, leaf I using key I mod 256: batch.shared-key
//            fires on such a batch and the benchmark disables it. Keys are generated
//            deterministically (primes searched upwards from a seed-derived start), cached in
//            --key-cache, and PKCS#1 v1.5 signatures are deterministic: the files are
//            byte-for-byte reproducible.
//
// Uses the OpenSSL library directly (one process, --threads workers), not the openssl CLI.

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace dpslint::bench {

namespace {

using Bytes = std::vector<unsigned char>;

constexpr const char* not_before = "20250101000000Z";
constexpr const char* not_after = "20350101000000Z";
constexpr unsigned rsa_bits = 2048;

[[noreturn]] void fail(const std::string& what) {
    std::string detail;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        detail += std::string("\n  ") + text;
    }
    throw std::runtime_error(what + detail);
}

template <typename T>
T* check(T* p, const char* what) {
    if (p == nullptr)
        fail(what);
    return p;
}

void check(int ok, const char* what) {
    if (ok <= 0)
        fail(what);
}

struct Free {
    void operator()(X509* p) const { X509_free(p); }
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
    void operator()(BN_CTX* p) const { BN_CTX_free(p); }
    void operator()(EC_GROUP* p) const { EC_GROUP_free(p); }
    void operator()(EC_POINT* p) const { EC_POINT_free(p); }
    void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
    void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
    void operator()(ASN1_OCTET_STRING* p) const { ASN1_OCTET_STRING_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(FILE* p) const { std::fclose(p); }
};
template <typename T>
using Ptr = std::unique_ptr<T, Free>;

Bytes sha256(std::string_view a, std::string_view b, std::uint64_t n) {
    Bytes out(32);
    unsigned char counter[8];
    for (int i = 0; i < 8; ++i)
        counter[i] = static_cast<unsigned char>(n >> (56 - 8 * i));
    EVP_MD_CTX* ctx = check(EVP_MD_CTX_new(), "EVP_MD_CTX_new");
    const bool ok =
        EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1
        && EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 && EVP_DigestUpdate(ctx, "\0", 1) == 1
        && EVP_DigestUpdate(ctx, b.data(), b.size()) == 1 && EVP_DigestUpdate(ctx, "\0", 1) == 1
        && EVP_DigestUpdate(ctx, counter, sizeof counter) == 1
        && EVP_DigestFinal_ex(ctx, out.data(), nullptr) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        fail("SHA-256");
    return out;
}

Bytes sha1(const unsigned char* data, std::size_t size) {
    Bytes out(20);
    check(EVP_Digest(data, size, out.data(), nullptr, EVP_sha1(), nullptr), "SHA-1");
    return out;
}

// ---- keys --------------------------------------------------------------------------------

struct EcKey {
    Bytes point;  // uncompressed, 65 bytes
    Ptr<EVP_PKEY> pkey;
};

class P256 {
public:
    P256()
        : group_(check(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1), "P-256 group")),
          ctx_(check(BN_CTX_new(), "BN_CTX_new")),
          order_minus_one_(check(BN_dup(EC_GROUP_get0_order(group_.get())), "BN_dup")) {
        check(BN_sub_word(order_minus_one_.get(), 1), "BN_sub_word");
    }

    // Private scalar d = H mod (n - 1) + 1, public point d*G; `with_pkey` also builds the
    // EVP_PKEY (for keys that sign).
    EcKey derive(std::string_view seed, std::string_view role, std::uint64_t index,
                 bool with_pkey) const {
        const Bytes h = sha256(seed, role, index);
        Ptr<BIGNUM> d(check(BN_bin2bn(h.data(), static_cast<int>(h.size()), nullptr), "BN"));
        check(BN_mod(d.get(), d.get(), order_minus_one_.get(), ctx_.get()), "BN_mod");
        check(BN_add_word(d.get(), 1), "BN_add_word");
        Ptr<EC_POINT> pub(check(EC_POINT_new(group_.get()), "EC_POINT_new"));
        check(EC_POINT_mul(group_.get(), pub.get(), d.get(), nullptr, nullptr, ctx_.get()),
              "EC_POINT_mul");
        EcKey key;
        key.point.resize(65);
        if (EC_POINT_point2oct(group_.get(), pub.get(), POINT_CONVERSION_UNCOMPRESSED,
                               key.point.data(), key.point.size(), ctx_.get())
            != 65)
            fail("EC_POINT_point2oct");
        if (!with_pkey)
            return key;

        Ptr<OSSL_PARAM_BLD> bld(check(OSSL_PARAM_BLD_new(), "OSSL_PARAM_BLD_new"));
        check(OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0),
              "group param");
        check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()), "priv param");
        check(OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, key.point.data(),
                                               key.point.size()),
              "pub param");
        Ptr<OSSL_PARAM> params(check(OSSL_PARAM_BLD_to_param(bld.get()), "params"));
        Ptr<EVP_PKEY_CTX> pctx(
            check(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), "EVP_PKEY_CTX EC"));
        check(EVP_PKEY_fromdata_init(pctx.get()), "EVP_PKEY_fromdata_init");
        EVP_PKEY* pkey = nullptr;
        check(EVP_PKEY_fromdata(pctx.get(), &pkey, EVP_PKEY_KEYPAIR, params.get()),
              "EVP_PKEY_fromdata EC");
        key.pkey.reset(pkey);
        return key;
    }

private:
    Ptr<EC_GROUP> group_;
    Ptr<BN_CTX> ctx_;
    Ptr<BIGNUM> order_minus_one_;
};

// A prime of `bits` bits: the first probable prime at or above a seed-derived odd start with the
// top two bits set (so p*q has exactly 2 * bits bits), with gcd(p - 1, e) = 1.
Ptr<BIGNUM> derive_prime(std::string_view seed, const std::string& role, unsigned bits,
                         const BIGNUM* e, BN_CTX* ctx) {
    Bytes start;
    for (std::uint64_t block = 0; start.size() < bits / 8; ++block) {
        const Bytes h = sha256(seed, role, block);
        start.insert(start.end(), h.begin(), h.end());
    }
    start.resize(bits / 8);
    start.front() |= 0xC0;
    start.back() |= 0x01;
    Ptr<BIGNUM> p(check(BN_bin2bn(start.data(), static_cast<int>(start.size()), nullptr), "BN"));
    Ptr<BIGNUM> pm1(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> g(check(BN_new(), "BN_new"));
    for (;;) {
        check(BN_sub(pm1.get(), p.get(), BN_value_one()), "BN_sub");
        check(BN_gcd(g.get(), pm1.get(), e, ctx), "BN_gcd");
        if (BN_is_one(g.get())) {
            const int prime = BN_check_prime(p.get(), ctx, nullptr);
            if (prime < 0)
                fail("BN_check_prime");
            if (prime == 1)
                return p;
        }
        check(BN_add_word(p.get(), 2), "BN_add_word");
        if (BN_num_bits(p.get()) != static_cast<int>(bits))
            fail("prime search ran past " + std::to_string(bits) + " bits");
    }
}

Ptr<EVP_PKEY> derive_rsa(std::string_view seed, const std::string& role) {
    Ptr<BN_CTX> ctx(check(BN_CTX_new(), "BN_CTX_new"));
    Ptr<BIGNUM> e(check(BN_new(), "BN_new"));
    check(BN_set_word(e.get(), 65537), "BN_set_word");
    Ptr<BIGNUM> p = derive_prime(seed, role + "/p", rsa_bits / 2, e.get(), ctx.get());
    Ptr<BIGNUM> q = derive_prime(seed, role + "/q", rsa_bits / 2, e.get(), ctx.get());
    if (BN_cmp(p.get(), q.get()) == 0)
        fail("p == q");
    if (BN_cmp(p.get(), q.get()) < 0)
        std::swap(p, q);  // p > q, as OpenSSL keeps them

    Ptr<BIGNUM> n(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> pm1(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> qm1(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> phi(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> d(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> dp(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> dq(check(BN_new(), "BN_new"));
    Ptr<BIGNUM> qinv(check(BN_new(), "BN_new"));
    check(BN_mul(n.get(), p.get(), q.get(), ctx.get()), "BN_mul");
    if (BN_num_bits(n.get()) != static_cast<int>(rsa_bits))
        fail("modulus is not 2048 bits");
    check(BN_sub(pm1.get(), p.get(), BN_value_one()), "BN_sub");
    check(BN_sub(qm1.get(), q.get(), BN_value_one()), "BN_sub");
    check(BN_mul(phi.get(), pm1.get(), qm1.get(), ctx.get()), "BN_mul");
    check(BN_mod_inverse(d.get(), e.get(), phi.get(), ctx.get()) != nullptr, "d");
    check(BN_mod(dp.get(), d.get(), pm1.get(), ctx.get()), "dp");
    check(BN_mod(dq.get(), d.get(), qm1.get(), ctx.get()), "dq");
    check(BN_mod_inverse(qinv.get(), q.get(), p.get(), ctx.get()) != nullptr, "qinv");

    Ptr<OSSL_PARAM_BLD> bld(check(OSSL_PARAM_BLD_new(), "OSSL_PARAM_BLD_new"));
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()), "n");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()), "e");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, d.get()), "d");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR1, p.get()), "p");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR2, q.get()), "q");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT1, dp.get()), "dp");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT2, dq.get()), "dq");
    check(OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1, qinv.get()), "qi");
    Ptr<OSSL_PARAM> params(check(OSSL_PARAM_BLD_to_param(bld.get()), "params"));
    Ptr<EVP_PKEY_CTX> pctx(
        check(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), "EVP_PKEY_CTX RSA"));
    check(EVP_PKEY_fromdata_init(pctx.get()), "EVP_PKEY_fromdata_init");
    EVP_PKEY* pkey = nullptr;
    check(EVP_PKEY_fromdata(pctx.get(), &pkey, EVP_PKEY_KEYPAIR, params.get()),
          "EVP_PKEY_fromdata RSA");
    Ptr<EVP_PKEY> key(pkey);
    Ptr<EVP_PKEY_CTX> check_ctx(
        check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr), "EVP_PKEY_CTX"));
    check(EVP_PKEY_pairwise_check(check_ctx.get()), "RSA pairwise check");
    return key;
}

// ---- certificates ------------------------------------------------------------------------

void set_serial(X509* x, std::string_view seed, std::string_view role, std::uint64_t index) {
    Bytes h = sha256(seed, std::string(role) + "/serial", index);
    h.resize(16);
    h[0] = static_cast<unsigned char>((h[0] & 0x7F) | 0x40);  // positive, exactly 16 bytes
    check(ASN1_STRING_set(X509_get_serialNumber(x), h.data(), static_cast<int>(h.size())),
          "serial");
}

void set_common(X509* x, std::string_view seed, std::string_view role, std::uint64_t index,
                const std::string& cn, X509_NAME* issuer) {
    check(X509_set_version(x, X509_VERSION_3), "X509_set_version");
    set_serial(x, seed, role, index);
    check(ASN1_TIME_set_string_X509(X509_getm_notBefore(x), not_before), "notBefore");
    check(ASN1_TIME_set_string_X509(X509_getm_notAfter(x), not_after), "notAfter");
    X509_NAME* subject = X509_get_subject_name(x);
    check(X509_NAME_add_entry_by_NID(subject, NID_commonName, MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(cn.data()),
                                     static_cast<int>(cn.size()), -1, 0),
          "CN");
    check(X509_set_issuer_name(x, issuer != nullptr ? issuer : subject), "issuer");
}

void add_ext(X509* x, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer != nullptr ? issuer : x, x, nullptr, nullptr, 0);
    Ptr<X509_EXTENSION> ext(check(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value), value));
    check(X509_add_ext(x, ext.get(), -1), "X509_add_ext");
}

Ptr<X509> make_ca(std::string_view seed, std::string_view role, const std::string& cn,
                  EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key) {
    Ptr<X509> x(check(X509_new(), "X509_new"));
    set_common(x.get(), seed, role, 0, cn,
               issuer != nullptr ? X509_get_subject_name(issuer) : nullptr);
    check(X509_set_pubkey(x.get(), key), "X509_set_pubkey");
    add_ext(x.get(), issuer, NID_basic_constraints,
            issuer != nullptr ? "critical,CA:TRUE,pathlen:0" : "critical,CA:TRUE");
    add_ext(x.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
    add_ext(x.get(), issuer, NID_subject_key_identifier, "hash");
    if (issuer != nullptr)
        add_ext(x.get(), issuer, NID_authority_key_identifier, "keyid:always");
    check(X509_sign(x.get(), issuer_key != nullptr ? issuer_key : key, EVP_sha256()),
          "X509_sign CA");
    return x;
}

std::string to_pem(X509* x) {
    unsigned char* der = nullptr;
    const int size = i2d_X509(x, &der);
    if (size <= 0)
        fail("i2d_X509");
    std::string b64(4 * ((static_cast<std::size_t>(size) + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), der, size);
    OPENSSL_free(der);
    b64.resize(static_cast<std::size_t>(n));
    std::string pem = "-----BEGIN CERTIFICATE-----\n";
    for (std::size_t i = 0; i < b64.size(); i += 64) {
        pem.append(b64, i, 64);
        pem += '\n';
    }
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

void write_file(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error(path + ": " + std::strerror(errno));
    const ssize_t n = ::write(fd, text.data(), text.size());
    const int error = errno;
    ::close(fd);
    if (n != static_cast<ssize_t>(text.size()))
        throw std::runtime_error(path + ": short write: " + std::strerror(error));
}

void make_dir(const std::string& path) {
    if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
        throw std::runtime_error(path + ": mkdir: " + std::strerror(errno));
}

// What every leaf shares: issuer name and key, and the constant extensions.
struct LeafProfile {
    X509* issuer = nullptr;
    EVP_PKEY* issuer_key = nullptr;
    std::vector<Ptr<X509_EXTENSION>> extensions;  // BC, KU, EKU, AKI
};

LeafProfile leaf_profile(X509* issuer, EVP_PKEY* issuer_key) {
    LeafProfile profile{issuer, issuer_key, {}};
    Ptr<X509> scratch(check(X509_new(), "X509_new"));
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, scratch.get(), nullptr, nullptr, 0);
    const std::pair<int, const char*> specs[] = {
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage, "critical,digitalSignature"},
        {NID_ext_key_usage, "clientAuth"},
        {NID_authority_key_identifier, "keyid:always"},
    };
    for (const auto& [nid, value] : specs) {
        profile.extensions.emplace_back(
            check(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value), value));
    }
    return profile;
}

// The leaf's public key is set either from its encoded point (EC: no EVP_PKEY needed) or from a
// pool key (RSA).
std::string make_leaf(const LeafProfile& profile, std::string_view seed, std::uint64_t index,
                      const Bytes* ec_point, EVP_PKEY* rsa_key) {
    Ptr<X509> x(check(X509_new(), "X509_new"));
    set_common(x.get(), seed, "leaf", index, "bench-device-" + std::to_string(index),
               X509_get_subject_name(profile.issuer));
    Bytes key_bits;
    if (ec_point != nullptr) {
        auto* enc = static_cast<unsigned char*>(OPENSSL_memdup(ec_point->data(), ec_point->size()));
        check(enc, "OPENSSL_memdup");
        if (X509_PUBKEY_set0_param(
                X509_get_X509_PUBKEY(x.get()), OBJ_nid2obj(NID_X9_62_id_ecPublicKey), V_ASN1_OBJECT,
                OBJ_nid2obj(NID_X9_62_prime256v1), enc, static_cast<int>(ec_point->size()))
            != 1) {
            OPENSSL_free(enc);
            fail("X509_PUBKEY_set0_param");
        }
        key_bits = *ec_point;
    } else {
        check(X509_set_pubkey(x.get(), rsa_key), "X509_set_pubkey");
        const unsigned char* bits = nullptr;
        int size = 0;
        check(X509_PUBKEY_get0_param(nullptr, &bits, &size, nullptr, X509_get_X509_PUBKEY(x.get())),
              "X509_PUBKEY_get0_param");
        key_bits.assign(bits, bits + size);
    }
    for (const auto& ext : profile.extensions)
        check(X509_add_ext(x.get(), ext.get(), -1), "X509_add_ext");
    const Bytes ski = sha1(key_bits.data(), key_bits.size());  // RFC 5280 §4.2.1.2 method (1)
    Ptr<ASN1_OCTET_STRING> ski_value(check(ASN1_OCTET_STRING_new(), "ASN1_OCTET_STRING_new"));
    check(ASN1_OCTET_STRING_set(ski_value.get(), ski.data(), static_cast<int>(ski.size())), "SKI");
    check(X509_add1_ext_i2d(x.get(), NID_subject_key_identifier, ski_value.get(), 0,
                            X509V3_ADD_APPEND),
          "SKI ext");
    check(X509_sign(x.get(), profile.issuer_key, EVP_sha256()), "X509_sign leaf");
    return to_pem(x.get());
}

// ---- RSA key pool cache ------------------------------------------------------------------

// root, intermediate, then the pool, as PEM private keys; read back when the file exists.
std::vector<Ptr<EVP_PKEY>> rsa_keys(std::string_view seed, std::size_t pool_size,
                                    const std::string& cache, unsigned threads) {
    const std::size_t total = pool_size + 2;
    std::vector<Ptr<EVP_PKEY>> keys;
    if (!cache.empty()) {
        if (Ptr<FILE> f{std::fopen(cache.c_str(), "rb")}) {
            while (EVP_PKEY* k = PEM_read_PrivateKey(f.get(), nullptr, nullptr, nullptr))
                keys.emplace_back(k);
            ERR_clear_error();
            if (keys.size() == total) {
                std::fprintf(stderr, "dpslint-bench-gen: %zu RSA keys read from %s\n", total,
                             cache.c_str());
                return keys;
            }
            std::fprintf(stderr, "dpslint-bench-gen: %s holds %zu keys, not %zu: regenerating\n",
                         cache.c_str(), keys.size(), total);
            keys.clear();
        }
    }
    std::fprintf(stderr, "dpslint-bench-gen: deriving %zu RSA-2048 keys on %u threads...\n", total,
                 threads);
    keys.resize(total);
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    std::atomic<bool> failed{false};
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            try {
                for (std::size_t i; (i = next++) < total;) {
                    const std::string role = i == 0   ? std::string("root")
                                             : i == 1 ? std::string("intermediate")
                                                      : "leaf-pool/" + std::to_string(i - 2);
                    keys[i] = derive_rsa(seed, role);
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "dpslint-bench-gen: %s\n", e.what());
                failed = true;
            }
        });
    }
    for (auto& w : workers)
        w.join();
    if (failed)
        throw std::runtime_error("RSA key derivation failed");
    if (!cache.empty()) {
        const std::string tmp = cache + ".tmp";
        {
            Ptr<FILE> f{std::fopen(tmp.c_str(), "wb")};
            if (!f)
                throw std::runtime_error(tmp + ": " + std::strerror(errno));
            for (const auto& k : keys) {
                check(PEM_write_PrivateKey(f.get(), k.get(), nullptr, nullptr, 0, nullptr, nullptr),
                      "PEM_write_PrivateKey");
            }
        }
        if (std::rename(tmp.c_str(), cache.c_str()) != 0)
            throw std::runtime_error(cache + ": " + std::strerror(errno));
    }
    return keys;
}

// ---- main --------------------------------------------------------------------------------

struct Options {
    std::string alg;
    std::uint64_t count = 0;
    std::string out;
    std::string seed = "dpslint-bench";
    unsigned threads = 0;
    std::string key_cache;
    std::size_t pool_size = 256;
    std::uint64_t per_dir = 1000;
};

constexpr const char* usage =
    "usage: dpslint-bench-gen --alg p256|rsa2048 --count N --out DIR [--seed TEXT]\n"
    "                         [--threads N] [--key-cache FILE] [--pool-size N] [--per-dir N]\n"
    "Writes DIR/root.pem, DIR/intermediate.pem, DIR/leaves/DDDD/I.pem (N leaves) and\n"
    "DIR/COMPLETE. Deterministic from --seed (default dpslint-bench); see the source header.\n";

Options parse(int argc, char** argv) {
    Options o;
    const std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::fputs(usage, stdout);
            std::exit(0);
        }
        if (i + 1 == args.size())
            throw std::invalid_argument("missing value after " + a);
        const std::string& v = args[++i];
        if (a == "--alg") {
            o.alg = v;
        } else if (a == "--count") {
            o.count = std::stoull(v);
        } else if (a == "--out") {
            o.out = v;
        } else if (a == "--seed") {
            o.seed = v;
        } else if (a == "--threads") {
            o.threads = static_cast<unsigned>(std::stoul(v));
        } else if (a == "--key-cache") {
            o.key_cache = v;
        } else if (a == "--pool-size") {
            o.pool_size = std::stoull(v);
        } else if (a == "--per-dir") {
            o.per_dir = std::stoull(v);
        } else {
            throw std::invalid_argument("unknown option " + a);
        }
    }
    if ((o.alg != "p256" && o.alg != "rsa2048") || o.count == 0 || o.out.empty() || o.pool_size == 0
        || o.per_dir == 0)
        throw std::invalid_argument("need --alg p256|rsa2048, --count N > 0 and --out DIR");
    if (o.count > 10000 * o.per_dir)
        throw std::invalid_argument("--count is over 10000 directories of --per-dir files");
    if (o.threads == 0)
        o.threads = std::max(1u, std::thread::hardware_concurrency());
    return o;
}

int run(const Options& o) {
    const auto started = std::chrono::steady_clock::now();
    make_dir(o.out);
    make_dir(o.out + "/leaves");
    const std::string complete = o.out + "/COMPLETE";
    ::unlink(complete.c_str());

    const bool ec = o.alg == "p256";
    Ptr<EVP_PKEY> root_key;
    Ptr<EVP_PKEY> int_key;
    std::vector<Ptr<EVP_PKEY>> pool;
    if (ec) {
        const P256 curve;
        root_key = std::move(curve.derive(o.seed, "root", 0, true).pkey);
        int_key = std::move(curve.derive(o.seed, "intermediate", 0, true).pkey);
    } else {
        pool = rsa_keys(o.seed, o.pool_size, o.key_cache, o.threads);
        root_key = std::move(pool[0]);
        int_key = std::move(pool[1]);
        pool.erase(pool.begin(), pool.begin() + 2);
    }
    const std::string label = ec ? "P-256" : "RSA-2048";
    const Ptr<X509> root =
        make_ca(o.seed, "root", "dpslint bench root " + label, root_key.get(), nullptr, nullptr);
    const Ptr<X509> intermediate =
        make_ca(o.seed, "intermediate", "dpslint bench intermediate " + label, int_key.get(),
                root.get(), root_key.get());
    write_file(o.out + "/root.pem", to_pem(root.get()));
    write_file(o.out + "/intermediate.pem", to_pem(intermediate.get()));
    const LeafProfile profile = leaf_profile(intermediate.get(), int_key.get());

    const std::uint64_t dirs = (o.count + o.per_dir - 1) / o.per_dir;
    const auto dir_name = [&](std::uint64_t d) {
        char name[32];
        std::snprintf(name, sizeof name, "%04llu", static_cast<unsigned long long>(d));
        return o.out + "/leaves/" + name;
    };
    for (std::uint64_t d = 0; d < dirs; ++d)
        make_dir(dir_name(d));

    // Work is handed out one directory at a time.
    std::atomic<std::uint64_t> next_dir{0};
    std::atomic<std::uint64_t> written{0};
    std::atomic<bool> failed{false};
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < o.threads; ++t) {
        workers.emplace_back([&] {
            try {
                const P256 curve;
                for (std::uint64_t d; !failed && (d = next_dir++) < dirs;) {
                    const std::string dir = dir_name(d);
                    const std::uint64_t end = std::min(o.count, (d + 1) * o.per_dir);
                    for (std::uint64_t i = d * o.per_dir; i < end; ++i) {
                        std::string pem;
                        if (ec) {
                            const EcKey key = curve.derive(o.seed, "leaf", i, false);
                            pem = make_leaf(profile, o.seed, i, &key.point, nullptr);
                        } else {
                            pem =
                                make_leaf(profile, o.seed, i, nullptr, pool[i % pool.size()].get());
                        }
                        char name[32];
                        std::snprintf(name, sizeof name, "/%07llu.pem",
                                      static_cast<unsigned long long>(i));
                        write_file(dir + name, pem);
                    }
                    const std::uint64_t before = written.fetch_add(end - d * o.per_dir);
                    const std::uint64_t tenth = std::max<std::uint64_t>(1, o.count / 10);
                    if ((before + end - d * o.per_dir) / tenth != before / tenth) {
                        std::fprintf(stderr, "dpslint-bench-gen: %llu/%llu\n",
                                     static_cast<unsigned long long>(before + end - d * o.per_dir),
                                     static_cast<unsigned long long>(o.count));
                    }
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "dpslint-bench-gen: %s\n", e.what());
                failed = true;
            }
        });
    }
    for (auto& w : workers)
        w.join();
    if (failed)
        return 1;

    write_file(complete,
               "alg=" + o.alg + " count=" + std::to_string(o.count) + " seed=" + o.seed + "\n");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "dpslint-bench-gen: %llu %s leaves in %s in %.1f s (%.0f/s)\n",
                 static_cast<unsigned long long>(o.count), o.alg.c_str(), o.out.c_str(), seconds,
                 static_cast<double>(o.count) / seconds);
    return 0;
}

}  // namespace

}  // namespace dpslint::bench

int main(int argc, char** argv) {
    try {
        return dpslint::bench::run(dpslint::bench::parse(argc, argv));
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "dpslint-bench-gen: %s\n%s", e.what(), dpslint::bench::usage);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dpslint-bench-gen: %s\n", e.what());
        return 1;
    }
}
