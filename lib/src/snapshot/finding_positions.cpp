#include "dpslint/finding_positions.hpp"

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

}  // namespace dpslint
