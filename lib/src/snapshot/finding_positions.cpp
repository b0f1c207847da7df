#include "dpslint/finding_positions.hpp"

#include <algorithm>

namespace dpslint {

void resolve_positions(std::vector<Finding>& findings, const SourceMaps& maps) {
    for (auto& finding : findings) {
        Location& l = finding.location;
        const auto it = maps.find(l.file);
        if (it == maps.end() || !it->second)
            continue;
        const auto range = it->second->find_nearest(l.json_pointer);
        if (!range)
            continue;
        l.line = range->line;
        l.column = range->column;
        l.end_line = range->end_line;
        l.end_column = range->end_column;
    }
}

void add_pem_line(Location& l, const PemBlocks& blocks) {
    if (l.line || !l.json_pointer.empty())
        return;
    std::size_t line = 0;
    if (l.certificate_index) {
        line = *l.certificate_index < blocks.size() ? blocks[*l.certificate_index].second : 0;
    } else if (!l.sha256.empty()) {
        const auto it = std::find_if(blocks.begin(), blocks.end(),
                                     [&](const auto& block) { return block.first == l.sha256; });
        line = it != blocks.end() ? it->second : 0;
    }
    if (line > 0)
        l.line = line;
}

}  // namespace dpslint
