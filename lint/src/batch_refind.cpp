#include "batch_refind.hpp"

#include <algorithm>
#include <map>

#include "dpslint/batch/input_walker.hpp"

namespace dpslint::cli {

BatchRefinder::BatchRefinder(const std::vector<std::string>& inputs,
                             const batch::BatchProcessor& processor)
    : inputs_(inputs),
      processor_(processor),
      reads_stdin_(std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {}

void BatchRefinder::remember(const batch::FileRecord& record) {
    if (reads_stdin_)
        stdin_paths_.emplace_back(record.sequence, record.path);
}

std::vector<lint::DeviceSummary> BatchRefinder::operator()(
    const std::vector<batch::DevicePlace>& places) const {
    std::map<std::uint64_t, std::vector<std::size_t>> wanted;  // file sequence -> positions
    for (std::size_t i = 0; i < places.size(); ++i)
        wanted[places[i].file_sequence].push_back(i);
    std::vector<lint::DeviceSummary> found(places.size());
    const auto resolve = [&](std::uint64_t sequence, const std::string& path) {
        const auto it = wanted.find(sequence);
        if (it == wanted.end())
            return;
        for (const auto position : it->second) {
            if (auto s = processor_.summary_of(path, places[position].certificate_index))
                found[position] = *s;
        }
        wanted.erase(it);
    };
    if (reads_stdin_) {
        for (const auto& [sequence, path] : stdin_paths_)
            resolve(sequence, path);
        return found;
    }
    batch::InputWalker again(inputs_);
    batch::InputItem item;
    while (!wanted.empty() && again.next(item))
        resolve(item.sequence, item.path);
    return found;
}

}  // namespace dpslint::cli
