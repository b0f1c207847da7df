#include <algorithm>

#include "batch/batch_support.hpp"
#include "rule_support.hpp"

namespace dpslint::rules::input {

namespace {

// Files reported one by one; further files are counted into one finding (a factory drop that
// puts every device's key next to its certificate must not cost a finding per device in memory).
constexpr std::size_t max_reported_files = 1000;

std::string line_list(const std::vector<std::size_t>& lines) {
    std::string out;
    for (const auto line : lines)
        out += (out.empty() ? "" : ", ") + std::to_string(line);
    return out;
}

class PrivateKeyPresentAggregator final : public lint::BatchAggregator {
public:
    void observe(std::uint64_t, const lint::DeviceSummary&) override {}

    void observe_private_keys(std::uint64_t, const std::string& file,
                              const std::vector<std::size_t>& lines) override {
        if (lines.empty())
            return;
        std::vector<std::size_t> sorted = lines;
        std::sort(sorted.begin(), sorted.end());
        if (files_.size() < max_reported_files) {
            files_.push_back(File{file, std::move(sorted)});
            return;
        }
        if (further_files_ == 0)
            first_further_ = File{file, {sorted.front()}};
        ++further_files_;
        further_blocks_ += sorted.size();
    }

    void finish(FindingSink& sink, const lint::SummaryLookup&) override {
        for (const auto& f : files_) {
            Location location;
            location.file = f.file;
            location.line = f.lines.front();
            const bool one = f.lines.size() == 1;
            sink.report(
                "file '" + f.file + "' holds " + std::to_string(f.lines.size())
                    + (one ? " PEM private key block (line " : " PEM private key blocks (lines ")
                    + line_list(f.lines)
                    + "): device key material has left the factory's HSM or secure element",
                std::move(location));
        }
        if (further_files_ > 0) {
            Location location;
            location.file = first_further_.file;
            location.line = first_further_.lines.front();
            sink.report(std::to_string(further_files_) + " further files, from '"
                            + first_further_.file + "' on, hold "
                            + std::to_string(further_blocks_)
                            + " more PEM private key blocks: device key material has left the "
                              "factory's HSM or secure element",
                        std::move(location));
        }
    }

private:
    struct File {
        std::string file;
        std::vector<std::size_t> lines;
    };
    std::vector<File> files_;
    File first_further_;
    std::size_t further_files_ = 0;
    std::size_t further_blocks_ = 0;
};

class PrivateKeyPresent final : public lint::BatchRule {
public:
    const RuleMetadata& metadata() const override { return metadata_; }

    std::unique_ptr<lint::BatchAggregator> start(const RuleOptions&) const override {
        return std::make_unique<PrivateKeyPresentAggregator>();
    }

private:
    const RuleMetadata metadata_ = lint::declare_rule({
        .id = "input.private-key-present",
        .title = "An input file holds a PEM private key",
        .severity = Severity::error,
        .inspects = Target::batch,
        .rationale =
            "A device's private key is its identity for X.509 attestation (TLS client "
            "authentication with that key); it should be generated in and never leave the "
            "device's secure element or the factory HSM. A PRIVATE KEY block (RFC 7468 §10; §11 "
            "for the encrypted form) in a certificate drop means the key was exported and copied "
            "around with the certificates: anyone who saw the files can clone the device, and DPS "
            "and IoT Hub cannot tell the clone from the real one. dpslint reads only the block's "
            "position, never the key.",
        .citation = "RFC 7468 §10",
        .fix = "Treat the keys in the files as compromised: reissue those devices with keys "
               "generated on the device, delete the key files from every copy, and change the "
               "export step so that it writes certificates only.",
        .example = "device-0042.pem holds the certificate followed by -----BEGIN PRIVATE KEY-----",
    });
};

}  // namespace

}  // namespace dpslint::rules::input

namespace dpslint::rules {

std::unique_ptr<lint::Rule> make_input_private_key_present() {
    return std::make_unique<input::PrivateKeyPresent>();
}

}  // namespace dpslint::rules
