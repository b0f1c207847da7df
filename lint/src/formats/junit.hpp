#pragma once

#include <string>

#include "formats/report_model.hpp"

namespace dpslint::cli::formats {

// JUnit XML as Azure Pipelines' PublishTestResults@2, GitLab and Jenkins read it: one test suite
// per kind of checked entity, one test case per entity (named so a person recognises it); a
// <failure> per finding that fails the run (message: rule and message; body: location and
// citation), the entity's other findings in <system-out>; and a suite of the rules that could
// not apply, each test case <skipped>. Baselined findings never fail a test case.
std::string junit_xml(const ReportModel& model);

}  // namespace dpslint::cli::formats
