// Every option of every dpslint command takes one value per occurrence: CLI11 2.1 would let an
// option bound to a vector take every argument after it, inputs included.
#include <catch2/catch.hpp>

#include "app.hpp"
#include "option_values.hpp"

using namespace dpslint::cli;

TEST_CASE("no option of any command takes more than one value per occurrence", "[cli][options]") {
    CLI::App app;
    const Commands commands(app);
    INFO("options still taking several values: " << [&] {
        std::string out;
        for (const auto& o : options_taking_several_values(app))
            out += o + "; ";
        return out;
    }());
    CHECK(options_taking_several_values(app).empty());
}

TEST_CASE("the option audit sees CLI11's default for vectors", "[cli][options]") {
    CLI::App app;
    std::vector<std::string> values;
    auto* command = app.add_subcommand("cmd");
    command->add_option("--file", values);
    CHECK(options_taking_several_values(app) == std::vector<std::string>{"cmd --file"});
    one_value_per_occurrence(app);
    CHECK(options_taking_several_values(app).empty());
}

TEST_CASE("a repeated option collects one value per occurrence, the rest are positionals",
          "[cli][options]") {
    CLI::App app;
    std::vector<std::string> files, inputs;
    app.add_option("--file", files);
    app.add_option("inputs", inputs)->required();
    one_value_per_occurrence(app);
    app.parse("--file a b --file=c d e", false);
    CHECK(files == std::vector<std::string>{"a", "c"});
    CHECK(inputs == std::vector<std::string>{"b", "d", "e"});
}
