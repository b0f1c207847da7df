#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "common_options.hpp"
#include "json_output.hpp"
#include "text_style.hpp"

namespace dpslint::cli {

// A command's reporter: its result model written in each output format. Commands never look at
// --format themselves; they hand their model and reporter to render().
template <typename Model>
struct Reporter {
    nlohmann::json (*json)(const Model& model);
    void (*text)(const Model& model, std::ostream& out, const TextStyle& style);
};

// The --format dispatch of a command without CI outputs. A command that also writes the CI
// formats (SARIF, JUnit, annotations, Markdown) and --output files renders through
// write_run_outputs (ci_output.hpp) instead, with run_documents of the same reporter.
template <typename Model>
void render(OutputFormat format, const Reporter<Model>& reporter, const Model& model,
            std::ostream& out) {
    switch (format) {
        case OutputFormat::json:
            write_json(out, reporter.json(model));
            return;
        case OutputFormat::text:
            reporter.text(model, out, TextStyle::for_stdout());
            return;
    }
}

}  // namespace dpslint::cli
