#include "dpslint/batch/batch_processor.hpp"

#include <algorithm>

#include "dpslint/certificate_file.hpp"
#include "dpslint/error.hpp"
#include "dpslint/finding_catalogue.hpp"
#include "dpslint/input_file.hpp"
#include "dpslint/output_text.hpp"

namespace dpslint::batch {

namespace {

using Clock = std::chrono::steady_clock;

void reject(FileRecord& record, const FindingKind& kind, const std::string& message) {
    record.error_id = std::string(kind.id);
    record.error = one_line(message);
}

// Reads the whole file unless it is over the cap; false with `record` rejected otherwise.
bool read_input(const std::string& path, std::uint64_t cap, Bytes& out, FileRecord& record) {
    try {
        out = read_input_file(path, cap, "batch input file (--max-file-size)");
        return true;
    } catch (const InputTooLarge& e) {
        reject(record, input_finding::too_large, e.what());
    } catch (const InputError& e) {
        reject(record, input_finding::unreadable, e.what());
    }
    return false;
}

}  // namespace

StageTimes& StageTimes::operator+=(const StageTimes& other) {
    read += other.read;
    parse += other.parse;
    decide += other.decide;
    rules += other.rules;
    return *this;
}

BatchProcessor::BatchProcessor(const CryptoBackend& backend, const lint::LintContext& context,
                               const lint::Linter& linter, const Verifier* verifier,
                               BatchSettings settings)
    : backend_(backend),
      context_(context),
      linter_(linter),
      verifier_(verifier),
      settings_(std::move(settings)) {}

bool read_input_devices(const InputItem& item, const CryptoBackend& backend,
                        const BatchSettings& settings, FileRecord& record, InputDevices& out,
                        StageTimes& times) {
    record.sequence = item.sequence;
    record.path = item.path;
    if (!item.problem.empty()) {
        reject(record, input_finding::unreadable, item.path + ": " + item.problem);
        return false;
    }

    auto start = Clock::now();
    Bytes bytes;
    const bool read = read_input(item.path, settings.max_file_bytes, bytes, record);
    times.read += Clock::now() - start;
    if (!read)
        return false;

    start = Clock::now();
    CertificateFile file;
    try {
        file = parse_certificate_file(item.path, bytes, backend);
    } catch (const InputError& e) {
        times.parse += Clock::now() - start;
        reject(record, input_finding::not_a_certificate, e.what());
        return false;
    }
    times.parse += Clock::now() - start;
    for (const auto& key : file.private_keys)
        record.private_key_lines.push_back(key.line);
    // Taken here, in the worker that read the file: a finding about one of its certificates
    // points at that certificate's BEGIN line without the file being read again.
    if (file.pem) {
        for (std::size_t i = 0; i < file.certificates.size(); ++i)
            out.pem_blocks.emplace_back(file.certificates[i]->sha256(), file.lines.at(i));
    }

    // A file holds device certificates and the CA certificates they present; a factory bundle
    // may hold several devices.
    std::vector<CertificatePtr> cas;
    std::vector<std::size_t> leaves;
    for (std::size_t i = 0; i < file.certificates.size(); ++i) {
        if (file.certificates[i]->is_ca()) {
            cas.push_back(file.certificates[i]);
        } else {
            leaves.push_back(i);
        }
    }
    if (leaves.empty()) {
        reject(record, input_finding::no_device_certificate,
               item.path + ": "
                   + (file.certificates.empty()
                          ? std::string("only private key blocks, no certificate")
                          : "only CA certificates (" + std::to_string(cas.size())
                                + "), no device certificate"));
        return false;
    }
    cas.insert(cas.end(), settings.presented.begin(), settings.presented.end());
    for (const auto index : leaves) {
        out.devices.push_back(Device{item.path, file.certificates[index], cas});
        out.indexes.push_back(index);
    }
    return true;
}

FileRecord BatchProcessor::process(const InputItem& item, StageTimes& times) const {
    FileRecord record;
    InputDevices input;
    if (!read_input_devices(item, backend_, settings_, record, input, times))
        return record;
    // Every device of the file presents the same certificates: pool them once, not per device.
    CertificatePool presented;
    if (verifier_ != nullptr) {
        for (const auto& c : input.devices.front().presented)
            presented.add_untrusted(c);
    }
    for (std::size_t i = 0; i < input.devices.size(); ++i)
        check_device(record, input.devices[i], input.indexes[i], input.pem_blocks, presented,
                     times);
    return record;
}

void BatchProcessor::check_device(FileRecord& record, const Device& device, std::size_t index,
                                  const PemBlocks& pem_blocks, const CertificatePool& presented,
                                  StageTimes& times) const {
    DeviceRecord out;
    out.summary = lint::DeviceSummary::of(device.file, index, *device.leaf);
    std::vector<Finding> findings;

    auto start = Clock::now();
    lint::DeviceContext device_context;
    if (verifier_ != nullptr) {
        device_context.device = device;
        device_context.certificate_index = index;
        device_context.context = &context_;
        device_context.verification =
            verifier_->verify(device.leaf, presented.size() == 0 ? nullptr : &presented);
        const auto& v = *device_context.verification;
        out.decision = v.valid() ? "valid" : "invalid";
        out.reason =
            v.valid() ? "path validates" : (v.findings.empty() ? "" : v.findings.front().message);
        findings = v.findings;
        if (context_.revocation_checker() != nullptr && v.chosen)
            device_context.revocation = RevocationCheck{v.chosen->revocation, {}};
    } else {
        device_context = context_.make_device_context(device, index);
        const auto& a = *device_context.attestation;
        out.decision = std::string(to_string(a.decision));
        out.reason = a.reason;
        out.reason_code = a.reason_code;
        out.enrollment = a.enrollment;
        findings = a.findings;
    }
    if (context_.revocation_checker() != nullptr) {
        out.revocation = device_context.revocation
                             ? overall_state(device_context.revocation->certificates)
                             : RevocationState::unknown;
    }
    times.decide += Clock::now() - start;

    start = Clock::now();
    for (auto& f : findings) {
        // Decision findings locate the chain position; the device is what the report is about.
        f.location.file = device.file;
        f.location.certificate_index = index;
        f.location.registration_id = out.summary.registration_id;
    }
    auto rule_findings = linter_.check_device(context_, device_context);
    // A device rule that restates the decision (device.no-enrollment for
    // attestation.no-enrollment) replaces it: one cause, counted once in the summary.
    const auto restated = linter_.restated_decisions(rule_findings);
    std::erase_if(findings, [&](const Finding& f) {
        return std::find(restated.begin(), restated.end(), f.id) != restated.end();
    });
    findings.insert(findings.end(), std::make_move_iterator(rule_findings.begin()),
                    std::make_move_iterator(rule_findings.end()));
    for (auto& f : findings) {
        if (linter_.suppressions().suppresses(f)) {
            ++out.suppressed;
        } else {
            if (f.location.file == device.file)
                add_pem_line(f.location, pem_blocks);
            out.findings.push_back(std::move(f));
        }
    }
    sort_findings(out.findings);
    times.rules += Clock::now() - start;
    record.devices.push_back(std::move(out));
}

std::optional<lint::DeviceSummary> BatchProcessor::summary_of(const std::string& path,
                                                              std::size_t index) const {
    try {
        const CertificateFile file =
            read_certificate_file(path, backend_, settings_.max_file_bytes);
        if (index >= file.certificates.size())
            return std::nullopt;
        return lint::DeviceSummary::of(path, index, *file.certificates[index]);
    } catch (const InputError&) {
        return std::nullopt;  // changed since the run: the finding keeps what it knows
    }
}

}  // namespace dpslint::batch
