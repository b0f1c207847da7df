#pragma once

// How each CI format escapes the bytes it writes. Every user string (file names, ids, messages,
// subjects) reaches a CI format only through one of these, so no input can end a workflow
// command early, inject a property, break the XML or the Markdown table, or close the Mermaid
// block. Invalid UTF-8 becomes \xHH first (dpslint/output_text.hpp valid_utf8).

#include <string>
#include <string_view>

namespace dpslint::cli::formats {

// XML 1.0 character data or attribute value: & < > " ' as entities; characters XML 1.0 does not
// allow (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF) become the text \xHH
// or \uHHHH. In an attribute (`attribute` true) tab, newline and carriage return are character
// references so that attribute normalisation keeps them.
std::string xml_escape(std::string_view text, bool attribute);

// GitHub Actions workflow commands, as the runner unescapes them (@actions/core): the message
// `%`, CR, LF; a property also `:` and `,`.
std::string github_data(std::string_view text);
std::string github_property(std::string_view text);

// Azure Pipelines logging commands, as the agent unescapes them: `%` is %AZP25, CR and LF
// %0D/%0A in the message; a property also `;` (%3B) and `]` (%5D).
std::string azure_data(std::string_view text);
std::string azure_property(std::string_view text);

// Text in a Markdown paragraph or table cell: one line, HTML special characters as entities,
// Markdown punctuation backslash-escaped, `|` escaped for tables, `@` as an entity so that no
// mention is made.
std::string markdown_text(std::string_view text);

// A Mermaid node label inside ["..."]: one line; every ASCII character but letters, digits,
// space and - _ . / , ( ) as a Mermaid entity code (#NN;), so quotes, semicolons, brackets and
// backticks cannot end the label, the statement or the code fence.
std::string mermaid_label(std::string_view text);

}  // namespace dpslint::cli::formats
