#pragma once

#include <cstddef>
#include <string>

#include "formats/report_model.hpp"

namespace dpslint::cli::formats {

// GitHub shows at most this many error and this many warning annotations per step.
inline constexpr std::size_t github_max_per_level = 10;

// GitHub Actions workflow commands (::error file=...,line=...,col=...,endLine=...,endColumn=...,
// title=RULE::message, ::warning, ::notice), most severe first, at most github_max_per_level of
// each level, then one ::notice with the count of the rest. Baselined findings are not annotated.
std::string github_commands(const ReportModel& model);

// Azure Pipelines logging commands: ##vso[task.logissue type=error|warning;sourcepath=...;
// linenumber=...;columnnumber=...;code=RULE]message for every error and warning that is not
// baselined (Azure has no notice issue: notices are counted in a plain line), and a final
// ##vso[task.complete result=...;] that matches the exit status: Failed when it is not 0,
// SucceededWithIssues when there are findings, else Succeeded.
std::string azure_commands(const ReportModel& model);

}  // namespace dpslint::cli::formats
