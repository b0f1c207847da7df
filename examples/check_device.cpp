// check_device: one device certificate, two questions, through dpslint's public API.
//   1. Is its chain valid (RFC 5280 path validation up to a trust anchor you give)?
//   2. What would Azure IoT Hub DPS decide for it, given an exported DPS snapshot?
//
//   check_device ROOT_CA_FILE DEVICE_FILE SNAPSHOT AT
//
// DEVICE_FILE: PEM or DER; its first certificate is the device's, the others the chain it
// presents. SNAPSHOT: a directory or JSON file as `az iot dps ...` exports it (see the README).
// AT: the evaluation time (RFC 3339); the library never reads the clock.
// Exit status: 0 valid and provisioned, 1 otherwise, 2 bad input.

#include <dpslint/attestation.hpp>
#include <dpslint/backend.hpp>
#include <dpslint/certificate_file.hpp>
#include <dpslint/certificate_pool.hpp>
#include <dpslint/error.hpp>
#include <dpslint/snapshot.hpp>
#include <dpslint/time.hpp>
#include <dpslint/verifier.hpp>
#include <dpslint/version.hpp>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: check_device ROOT_CA_FILE DEVICE_FILE SNAPSHOT AT\n";
        return 2;
    }
    const auto at = dpslint::parse_rfc3339(argv[4]);
    if (!at) {
        std::cerr << "check_device: not an RFC 3339 time: " << argv[4] << '\n';
        return 2;
    }
    try {
        std::cout << "dpslint library " << dpslint::library_version() << " ("
                  << dpslint::crypto_library_version(dpslint::BackendKind::openssl) << ")\n";
        const auto backend = dpslint::make_backend(dpslint::BackendKind::openssl);

        // 1. Path validation: the root as trust anchor, the device's own chain as untrusted
        //    certificates it presents.
        dpslint::CertificatePool pool;
        for (const auto& root : dpslint::read_certificate_file(argv[1], *backend).certificates)
            pool.add_trust_anchor(root);
        const dpslint::CertificateFile device_file =
            dpslint::read_certificate_file(argv[2], *backend);
        if (device_file.certificates.empty()) {
            std::cerr << "check_device: " << argv[2] << ": no certificate\n";
            return 2;
        }
        dpslint::Device device{
            argv[2],
            device_file.certificates.front(),
            {device_file.certificates.begin() + 1, device_file.certificates.end()}};
        dpslint::ValidationPolicy policy;
        policy.at = *at;
        const dpslint::Verifier verifier(*backend, pool, policy);
        const dpslint::LeafVerification verification =
            verifier.verify(device.leaf, device.presented);
        std::cout << device.leaf->subject().text() << ": chain "
                  << (verification.valid() ? "valid" : "INVALID") << '\n';
        if (verification.chosen) {
            for (const auto& certificate : verification.chosen->path.certificates)
                std::cout << "  " << certificate->subject().text() << '\n';
        }
        for (const auto& finding : verification.findings)
            std::cout << "  " << finding.id << ": " << finding.message << '\n';

        // 2. The DPS decision against the exported snapshot.
        const dpslint::Snapshot snapshot = dpslint::load_snapshot(argv[3], *backend);
        dpslint::AttestationOptions options;
        options.at = *at;
        const dpslint::AttestationSimulator simulator(snapshot, *backend, options);
        const dpslint::AttestationResult result = simulator.decide(device);
        std::cout << "DPS decision: " << dpslint::to_string(result.decision) << " ("
                  << result.reason_code << "): " << result.reason << '\n';
        if (result.decision == dpslint::Decision::provisioned) {
            std::cout << "  device ID " << result.device_id << "; candidate hubs:";
            for (const auto& hub : result.hubs)
                std::cout << ' ' << hub.name;
            std::cout << '\n';
        }
        for (const auto& finding : result.findings)
            std::cout << "  " << finding.id << ": " << finding.message << '\n';
        return verification.valid() && result.decision == dpslint::Decision::provisioned ? 0 : 1;
    } catch (const dpslint::InputError& e) {
        std::cerr << "check_device: " << e.what() << '\n';
        return 2;
    }
}
