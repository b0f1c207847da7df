#include "man_page.hpp"

#include <sstream>
#include <string_view>

namespace dpslint::docgen {

namespace {

// Text for roff: backslashes and hyphens escaped (options must be copyable as typed), a line
// never starts with a control character, the few non-ASCII characters the help texts use as
// roff glyphs so every output device renders them.
std::string roff(std::string_view text) {
    static constexpr std::pair<std::string_view, std::string_view> glyphs[] = {
        {"\u2014", "\\(em"}, {"\u2013", "\\(en"}, {"\u2192", "\\(->"}, {"\u2265", "\\(>="},
        {"\u2264", "\\(<="}, {"\u00a7", "\\(sc"}, {"\u2026", "..."},   {"\u00d7", "\\(mu"},
    };
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line_start && (c == '.' || c == '\''))
            out += "\\&";
        line_start = c == '\n';
        bool replaced = false;
        for (const auto& [from, to] : glyphs) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size() - 1;
                replaced = true;
                break;
            }
        }
        if (replaced)
            continue;
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    return out;
}

// A path under the installation prefix, which is only known at install time.
std::string installed(const std::string& relative) {
    return "\\fIPREFIX\\fR/" + roff(relative);
}

std::string sentence(std::string text) {
    if (!text.empty() && text.back() != '.')
        text += '.';
    return text;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

std::string value_text(const ArgumentDoc& argument) {
    return argument.choices.empty() ? argument.value_name : join(argument.choices, "|");
}

// "dpslint verify --trust FILE [options] LEAF_FILE..."
std::string synopsis(const CommandDoc& command) {
    std::string out = "\\fBdpslint " + roff(command.name) + "\\fR";
    bool optional_options = false;
    for (const auto& option : command.options) {
        if (option.required)
            out += " \\fB" + roff(option.names.back()) + "\\fR \\fI" + roff(value_text(option))
                   + "\\fR";
        else
            optional_options = true;
    }
    if (optional_options)
        out += " [\\fIoptions\\fR]";
    for (const auto& positional : command.positionals) {
        std::string name =
            "\\fI" + roff(positional.value_name) + "\\fR" + (positional.repeatable ? "..." : "");
        out += " " + (positional.required ? name : "[" + name + "]");
    }
    return out;
}

void argument_entry(std::ostream& out, const ArgumentDoc& argument) {
    out << ".TP\n";
    if (argument.names.empty()) {
        out << "\\fI" << roff(argument.value_name) << "\\fR" << (argument.repeatable ? "..." : "")
            << '\n';
    } else {
        std::string names;
        for (const auto& name : argument.names)
            names += (names.empty() ? "" : ", ") + ("\\fB" + roff(name) + "\\fR");
        out << names;
        if (!argument.value_name.empty())
            out << " \\fI" << roff(value_text(argument)) << "\\fR";
        out << '\n';
    }
    std::vector<std::string> notes{sentence(argument.description)};
    if (argument.required)
        notes.emplace_back(argument.names.empty() ? "At least one is required." : "Required.");
    if (argument.repeatable && !argument.names.empty()
        && argument.description.find("repeat") == std::string::npos)
        notes.emplace_back("Repeatable: one value per occurrence.");
    if (!argument.default_value.empty())
        notes.push_back("Default: " + argument.default_value + ".");
    for (const auto& constraint : argument.constraints)
        notes.push_back("Accepts " + constraint + ".");
    if (!argument.needs.empty())
        notes.push_back("Needs " + join(argument.needs, ", ") + ".");
    if (!argument.excludes.empty())
        notes.push_back("Cannot be combined with " + join(argument.excludes, ", ") + ".");
    out << roff(join(notes, " ")) << '\n';
}

// The rule every command's footer states (one value per option occurrence), shown once.
std::string shared_footer(const CliDoc& cli) {
    if (cli.commands.empty())
        return {};
    const std::string& first = cli.commands.front().footer;
    for (const auto& command : cli.commands) {
        if (command.footer != first)
            return {};
    }
    return first;
}

constexpr std::string_view configuration_text =
    R"(\fBlint\fR and \fBbatch\fR read the file given with \fB\-\-config\fR \fIFILE\fR, else
\fI./.dpslint.json\fR when it exists. It is one JSON object:
.TP
.BR enable ", " disable
arrays of rule ids or globs (\fI*\fR any run of characters, \fI?\fR one character) to switch rules
on or off;
.TP
.B severity
an object mapping a rule id or glob to \fBerror\fR, \fBwarning\fR or \fBnotice\fR;
.TP
.B options
an object mapping a rule id to its options (\fBdpslint explain\fR \fIID\fR lists them);
.TP
.B suppressions
an array of objects with \fBrule\fR (id or glob), a required \fBreason\fR, an optional
\fBtarget\fR (an enrollment id, a registration ID, a SHA\-1 or SHA\-256 thumbprint, a CA record
name or a file) and an optional \fBexpires\fR date;
.TP
.B failOn
\fBerror\fR, \fBwarning\fR, \fBnotice\fR or \fBnever\fR, as \fB\-\-fail\-on\fR.
.PP
The most specific pattern wins, and \fB\-\-enable\fR and \fB\-\-disable\fR on the command line
win over the file. An expired suppression stops suppressing and is reported
(\fBconfig.suppression\-expired\fR), as is one that matched nothing
(\fBconfig.suppression\-unused\fR). Unknown keys, unknown rules or options, wrong types and
invalid regular expressions are errors naming the JSON pointer (exit status 2).
.B dpslint rules \-\-example\-config
prints a complete file with every option and its default:
)";

}  // namespace

std::string man_page(const ManPageInput& input) {
    const CliDoc& cli = input.cli;
    std::ostringstream out;
    out << ".\\\" Generated by dpslint-docgen from the dpslint command-line definition and rule\n"
        << ".\\\" registry (lint/docgen); do not edit.\n"
        << ".TH DPSLINT 1 \"\" \"dpslint " << roff(input.version) << "\" \"User Commands\"\n";

    std::string summary = cli.program.description;
    if (summary.starts_with("dpslint: "))
        summary.erase(0, 9);
    out << ".SH NAME\ndpslint \\- " << roff(summary) << '\n';

    out << ".SH SYNOPSIS\n";
    for (const auto& command : cli.commands)
        out << synopsis(command) << "\n.br\n";
    out << "\\fBdpslint\\fR [\\fB\\-\\-help\\fR] [\\fB\\-\\-version\\fR]\n";

    out << ".SH DESCRIPTION\n"
        << "\\fBdpslint\\fR has one command per job; \\fBdpslint\\fR \\fIcommand\\fR "
           "\\fB\\-\\-help\\fR shows its options, and COMMANDS below describes them all.\n";
    for (const auto& command : cli.commands)
        out << ".TP\n.B " << roff(command.name) << '\n'
            << roff(sentence(command.description)) << '\n';
    if (const std::string footer = shared_footer(cli); !footer.empty())
        out << ".PP\n" << roff(footer) << '\n';

    out << ".SH OPTIONS\n";
    for (const auto& option : cli.program.options)
        argument_entry(out, option);

    out << ".SH COMMANDS\n";
    for (const auto& command : cli.commands) {
        out << ".SS " << roff(command.name) << '\n'
            << synopsis(command) << "\n.PP\n"
            << roff(sentence(command.description)) << '\n';
        for (const auto& option : command.options)
            argument_entry(out, option);
        for (const auto& positional : command.positionals)
            argument_entry(out, positional);
    }

    out << ".SH CONFIGURATION\n"
        << configuration_text << ".PP\n.EX\n"
        << roff(input.example_config) << "\n.EE\n";

    out << ".SH RULES\n"
        << "The rules \\fBlint\\fR and \\fBbatch\\fR run; \\fBdpslint explain\\fR \\fIID\\fR "
           "gives the rationale, citation, fix, options and an example of each, and "
        << installed(input.doc_dir + "/docs/rules.md") << " is the complete reference.\n";
    for (const auto& rule : input.rules)
        out << ".TP\n.B " << roff(rule.id) << '\n' << roff(rule.title) << '\n';
    out << ".SS Path validation checks\n"
        << "Failures of RFC 5280 path validation, reported by \\fBverify\\fR, \\fBsimulate\\fR "
           "and \\fBbatch\\fR; \\fBdpslint explain\\fR accepts them too.\n";
    for (const auto& check : input.checks)
        out << ".TP\n.B " << roff(check.id) << '\n' << roff(check.title) << '\n';

    out << ".SH EXIT STATUS\n";
    for (const auto& [code, meaning] : input.exit_statuses)
        out << ".TP\n.B " << code << '\n' << roff(sentence(meaning)) << '\n';

    out << ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\n"
        << "When set, text output is never coloured (it is coloured only on a terminal).\n";
    out << ".SH FILES\n.TP\n.I ./.dpslint.json\n"
        << "The configuration \\fBlint\\fR and \\fBbatch\\fR read when \\fB\\-\\-config\\fR is not "
           "given.\n"
        << ".TP\n"
        << installed(input.doc_dir + "/") << '\n'
        << "The README and the documents it links; \\fIPREFIX\\fR is where dpslint is installed "
           "(/usr for the Debian package).\n";
    out << ".SH SEE ALSO\n"
        << installed(input.doc_dir + "/README.md") << " (the DPS snapshot layout, how simulate "
        << "decides, the JSON output formats), " << installed(input.doc_dir + "/docs/rules.md")
        << ",\n.BR openssl\\-verify (1)\n";
    return out.str();
}

}  // namespace dpslint::docgen
