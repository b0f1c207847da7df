// The escaping of each CI format (lint/src/formats/escape.hpp) on hostile strings, byte for byte,
// and the writers on a model holding them.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/annotations.hpp"
#include "formats/escape.hpp"
#include "formats/junit.hpp"
#include "formats/markdown.hpp"
#include "formats/sarif.hpp"

namespace ci_escape_test {

using namespace dpslint::cli::formats;

TEST_CASE("GitHub workflow command escaping follows the runner", "[ci-formats][escape]") {
    CHECK(github_data("50% a\r\nb::c,d:e") == "50%25 a%0D%0Ab::c,d:e");
    CHECK(github_property("50% a\r\nb::c,d:e") == "50%25 a%0D%0Ab%3A%3Ac%2Cd%3Ae");
    CHECK(github_property("bad \xff byte") == "bad \\xFF byte");
}

TEST_CASE("Azure Pipelines logging command escaping follows the agent", "[ci-formats][escape]") {
    CHECK(azure_data("50%; a]\r\n") == "50%AZP25; a]%0D%0A");
    CHECK(azure_property("50%; a]\r\n") == "50%AZP25%3B a%5D%0D%0A");
}

TEST_CASE("XML escaping replaces what XML 1.0 cannot hold", "[ci-formats][escape]") {
    CHECK(xml_escape("<a href=\"x\">&'</a>", false)
          == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    CHECK(xml_escape("a\x01"
                     "b\x1b"
                     "c\xff"
                     "d",
                     false)
          == "a\\x01b\\x1Bc\\xFFd");
    CHECK(xml_escape("line\nnext\ttab\r", true) == "line&#10;next&#9;tab&#13;");
    CHECK(xml_escape("line\nnext", false) == "line\nnext");
    CHECK(xml_escape("\xef\xbf\xbe", false) == "\\uFFFE");  // U+FFFE is not an XML character
    CHECK(xml_escape("caf\xc3\xa9", false) == "caf\xc3\xa9");
}

TEST_CASE("Markdown and Mermaid escaping", "[ci-formats][escape]") {
    CHECK(markdown_text("a|b*c_[d](e)<f>&@g\nh")
          == "a\\|b\\*c\\_\\[d\\]\\(e\\)&lt;f&gt;&amp;&#64;g\\\\nh");
    CHECK(mermaid_label("a\"b;c]`d#e") == "a#34;b#59;c#93;#96;d#35;e");
    CHECK(mermaid_label("line\nbreak").find('\n') == std::string::npos);
}

TEST_CASE("writers keep hostile model strings inside their syntax", "[ci-formats][escape]") {
    ReportModel model;
    model.tool_version = "0.0.0";
    model.command = "lint";
    model.source_root = "/src";
    model.fail_level = dpslint::Severity::error;
    model.verdict = "fail";
    model.exit_status = 1;
    RuleDescriptor rule;
    rule.id = "enrollment.x";
    rule.name = "EnrollmentX";
    model.rules.push_back(rule);
    ReportFinding rf;
    rf.finding.id = "enrollment.x";
    rf.finding.message = "bad ]] ;; :: ,, %% \r\n \x01 \xff </failure> ```";
    rf.finding.citation = "RFC 5280";
    rf.finding.location.file = "a,b:c;d]e%.json";
    rf.finding.location.line = 3;
    rf.finding.location.column = 5;
    rf.finding.location.enrollment_kind = "group";
    rf.finding.location.enrollment_id = "g\"]\n";
    rf.artifact = rf.finding.location.file;
    rf.fingerprint = "00";
    rf.entity = "enrollment-group:g\"]\n";
    model.findings.push_back(rf);
    model.entities.push_back({rf.entity, "", "enrollment group", "g\"]\n", {"enrollment.x"}, {}});
    model.trust.groups.push_back({"g\"]\n", true, {"ca;]"}, {"hub`"}});

    const std::string gh = github_commands(model);
    CHECK(gh
          == "::error file=a%2Cb%3Ac;d]e%25.json,line=3,col=5,title=enrollment.x::bad ]] ;; :: ,, "
             "%25%25 \\r\\n \\x01 \\xFF </failure> ``` (RFC 5280)\n");
    const std::string az = azure_commands(model);
    CHECK(az.rfind("##vso[task.logissue type=error;sourcepath=a,b:c%3Bd%5De%AZP25.json;"
                   "linenumber=3;columnnumber=5;code=enrollment.x]enrollment.x: bad ]] ;; :: ,, "
                   "%AZP25%AZP25 ",
                   0)
          == 0);
    CHECK(az.find("##vso[task.complete result=Failed;]") != std::string::npos);
    const std::string xml = junit_xml(model);
    CHECK(xml.find("</failure> ```") == std::string::npos);
    CHECK(xml.find("&lt;/failure&gt;") != std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    const auto sarif = sarif_log(model);
    CHECK(sarif.at("runs")[0]
              .at("results")[0]
              .at("locations")[0]
              .at("physicalLocation")
              .at("artifactLocation")
              .at("uri")
          == "a%2Cb%3Ac%3Bd%5De%25.json");
    const std::string md = markdown_summary(model);
    CHECK(md.find("```\n") == md.rfind("```\n"));  // the only fence end is the diagram's
}

TEST_CASE("SARIF past GitHub's result limit keeps the most severe and says so", "[ci-formats]") {
    ReportModel model;
    model.tool_version = "0.0.0";
    model.command = "lint";
    model.source_root = "/src";
    for (int i = 0; i < 5; ++i) {
        ReportFinding rf;
        rf.finding.id = "x.y";
        rf.finding.message = "m";
        rf.finding.severity = i == 3 ? dpslint::Severity::error : dpslint::Severity::notice;
        rf.fingerprint = std::to_string(i);
        model.findings.push_back(rf);
    }
    const auto log = sarif_log(model, 2);
    const auto& run = log.at("runs")[0];
    REQUIRE(run.at("results").size() == 2);
    CHECK(run.at("results")[0].at("level") == "error");
    CHECK(run.at("invocations")[0]
              .at("toolExecutionNotifications")[0]
              .at("message")
              .at("text")
              .get<std::string>()
              .rfind("3 of 5 results left out", 0)
          == 0);
}

}  // namespace ci_escape_test
