#include "device_files.hpp"

#include <ostream>

#include "dpslint/error.hpp"

#include "certificate_inputs.hpp"
#include "error_line.hpp"

namespace dpslint::cli {

std::vector<DeviceFile> read_device_files(const std::vector<std::string>& paths,
                                          const std::vector<CertificatePtr>& presented,
                                          const CryptoBackend& backend, std::ostream& err) {
    std::vector<DeviceFile> out;
    out.reserve(paths.size());
    for (const auto& path : paths) {
        DeviceFile d;
        d.path = path;
        try {
            CertificateFile file = read_certificate_file(path, backend);
            if (file.certificates.empty()) {
                throw InputError(path, "", "no certificate in file (only private key blocks)");
            }
            for (const auto& key : file.private_keys) {
                d.input_findings.push_back(private_key_finding(path, key));
            }
            d.device.file = path;
            d.lines = file.lines;
            d.device.leaf = file.certificates.front();
            d.device.presented.assign(file.certificates.begin() + 1, file.certificates.end());
            d.device.presented.insert(d.device.presented.end(), presented.begin(), presented.end());
        } catch (const InputError& e) {
            print_error(err, e.what());
            d.error = e.what();
        }
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace dpslint::cli
