// SPDX-License-Identifier: Apache-2.0
// Roff by hand: the few macros man(7) has (TH, SH, SS, TP, B, I, PP).
#include "man_page.hpp"
#include "examples.hpp"
#include "text_lines.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

namespace complaints::cli {

namespace {

constexpr std::string_view k_title_line =
    "\"November 2026\" \"complaints 0.1.0\" \"User Commands\"";

// Text for roff: a backslash is \e, and a line may not start with a control
// character.
std::string roff_text(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (const char c : text) {
        if (line_start && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else
            out += c;
        line_start = c == '\n';
    }
    return out;
}

// An option's name or value as roff prints it: hyphens that are not dashes.
std::string roff_word(std::string_view word) {
    std::string out;
    for (const char c : word)
        out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// A hand-written ".TP" entry about options, and the options its tag names.
struct OptionProse {
    std::set<std::string> names; // "--channel"
    std::string roff;            // from .TP to the line before the next entry
};

// The prose split into its paragraphs (DESCRIPTION) and its option entries.
struct Prose {
    std::string description;
    std::vector<OptionProse> options;
};

// std::regex, not RE2 (which the patient-data patterns use): this fixed
// pattern is ours, runs only over the tag lines of our own man page prose
// when the page is built, and cannot backtrack far, since each '\-' fixes
// where one word ends; RE2 would be one more library for the CLI to link.
std::set<std::string> options_named(const std::string& tag) {
    static const std::regex option(R"(\\-\\-([a-z0-9]+(\\-[a-z0-9]+)*))");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(tag.begin(), tag.end(), option);
         it != std::sregex_iterator(); ++it) {
        std::string name = (*it)[0];
        std::string plain;
        for (std::size_t i = 0; i < name.size(); ++i)
            if (name[i] != '\\')
                plain += name[i];
        names.insert(plain);
    }
    return names;
}

bool is_tag_macro(const std::string& line) {
    return line.starts_with(".B ") || line.starts_with(".BI ") || line.starts_with(".BR ");
}

bool ends_entry(const std::string& line) {
    for (const std::string_view macro : {".TP", ".PP", ".SS", ".SH", ".RS", ".RE", ".IP", ".P"})
        if (line == macro || line.starts_with(std::string(macro) + " "))
            return true;
    return false;
}

Prose split_prose(std::string_view text) {
    Prose prose;
    const auto lines = lines_of(text);
    for (std::size_t i = 0; i < lines.size();) {
        const bool entry = lines[i] == ".TP" && i + 1 < lines.size() &&
                           is_tag_macro(lines[i + 1]) && !options_named(lines[i + 1]).empty();
        if (!entry) {
            prose.description += lines[i++] + "\n";
            continue;
        }
        OptionProse option{options_named(lines[i + 1]), lines[i] + "\n" + lines[i + 1] + "\n"};
        for (i += 2; i < lines.size() && !ends_entry(lines[i]); ++i)
            option.roff += lines[i] + "\n";
        prose.options.push_back(std::move(option));
    }
    return prose;
}

void collect_names(const CommandEntryTree& command, std::set<std::string>& names) {
    for (const auto& option : command.options)
        names.insert(option.names.begin(), option.names.end());
    for (const auto& sub : command.subcommands)
        collect_names(sub, names);
}

std::string generated_entry(const OptionEntry& option) {
    std::vector<std::string> names;
    for (const auto& name : option.names)
        names.push_back(roff_word(name));
    std::string tag =
        option.positional ? fmt::format(".I {}", option.names.front())
        : option.value.empty()
            ? fmt::format(".B {}", util::join(names, ", "))
            : fmt::format(".BI \"{}\" \" {}\"", util::join(names, ", "), roff_word(option.value));
    std::string text = roff_text(option.description);
    // The values, unless the description already names them.
    if (!option.choices.empty() &&
        option.description.find(option.choices.front()) == std::string::npos)
        text += ". One of: " + roff_word(util::join(option.choices, ", "));
    if (option.required)
        text += ". Required";
    return fmt::format(".TP\n{}\n{}.\n", tag, text);
}

// One command's options: each hand-written entry once, where its first
// option comes, else the --help line.
std::string options_section(const CommandEntryTree& command, const Prose& prose) {
    std::string out;
    std::set<const OptionProse*> written;
    for (const auto& option : command.options) {
        const OptionProse* entry = nullptr;
        for (const auto& candidate : prose.options)
            for (const auto& name : option.names)
                if (candidate.names.contains(name))
                    entry = &candidate;
        if (!entry)
            out += generated_entry(option);
        else if (written.insert(entry).second)
            out += entry->roff;
    }
    return out;
}

std::string synopsis_line(const CommandEntryTree& command) {
    std::string line = fmt::format(".B complaints {}\n", command.path);
    bool optional = false;
    for (const auto& option : command.options) {
        if (option.positional)
            line += option.required ? fmt::format("\\fI{}\\fR\n", option.names.front())
                                    : fmt::format("[\\fI{}\\fR]\n", option.names.front());
        else if (option.required)
            line += fmt::format("\\fB{}\\fR \\fI{}\\fR\n", roff_word(option.names.back()),
                                roff_word(option.value));
        else
            optional = true;
    }
    if (optional)
        line += "[\\fIoptions\\fR]\n";
    return line;
}

// A command that only groups its subcommands (calendar, respond) takes
// nothing of its own but --help: its subcommands' lines say how to call it.
bool takes_only_help(const CommandEntryTree& command) {
    return std::all_of(command.options.begin(), command.options.end(), [](const OptionEntry& o) {
        return std::find(o.names.begin(), o.names.end(), "--help") != o.names.end();
    });
}

void synopsis(const CommandEntryTree& command, std::string& out) {
    if (!takes_only_help(command) || command.subcommands.empty())
        out += synopsis_line(command) + ".br\n";
    for (const auto& sub : command.subcommands)
        synopsis(sub, out);
}

void options_of(const CommandEntryTree& command, const Prose& prose, bool top, std::string& out) {
    if (!top)
        out += fmt::format(".SS \"complaints {}\"\n{}\n", command.path,
                           roff_text(command.description));
    out += options_section(command, prose);
    for (const auto& sub : command.subcommands)
        options_of(sub, prose, false, out);
}

std::string sentence_case(std::string_view text) {
    std::string out(text);
    if (!out.empty())
        out.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front())));
    return out;
}

// Each example of the command and its subcommands: what to type, in bold
// as the reader types it, then what it does.
void examples_of_tree(const CommandEntryTree& command, std::string& out) {
    for (const auto& example : examples_of(command.path))
        // A text line, not .B: its quotes are the shell's, kept as typed.
        out += fmt::format(".TP\n\\fB{}\\fR\n{}.\n", roff_word(roff_text(example.line)),
                           roff_text(sentence_case(example.what)));
    for (const auto& sub : command.subcommands)
        if (sub.alias_of.empty())
            examples_of_tree(sub, out);
}

} // namespace

std::string command_man_page(const CommandEntryTree& command, std::string_view text,
                             const std::string& source) {
    const Prose prose = split_prose(text);
    std::set<std::string> names;
    collect_names(command, names);
    for (const auto& entry : prose.options)
        for (const auto& name : entry.names)
            if (!names.contains(name))
                throw Error(ErrorKind::bad_data,
                            fmt::format("{}: {} is not an option of '{}': --help does not list it",
                                        source, name, command.path));
    const std::string page = "complaints-" + command.name;
    std::string out = fmt::format(".TH {} 1 {}\n", upper(page), k_title_line);
    out += fmt::format(".SH NAME\n{} \\- {}\n", roff_word(page), roff_text(command.description));
    out += ".SH SYNOPSIS\n";
    synopsis(command, out);
    out += ".SH DESCRIPTION\n";
    out += prose.description.empty() ? roff_text(command.description) + ".\n" : prose.description;
    out += ".SH OPTIONS\n";
    options_of(command, prose, true, out);
    std::string examples;
    examples_of_tree(command, examples);
    if (!examples.empty())
        out += ".SH EXAMPLES\n" + examples;
    out += ".SH EXIT STATUS\n0 success, 1 problems found (check) or a merge conflict, 2 usage, 3 "
           "not found, 4 unreadable data, 5 refused by the process, 6 output, I/O or busy; see\n"
           ".BR complaints (1).\n";
    out += ".SH SEE ALSO\n.BR complaints (1)\n";
    return out;
}

std::string overview_man_page(const CommandEntryTree& root, std::string_view overview) {
    std::string list;
    for (const auto& command : root.subcommands)
        if (command.alias_of.empty())
            list += fmt::format(".TP\n.BR complaints\\-{} (1)\n{}.\n", roff_word(command.name),
                                roff_text(command.description));
    std::string out;
    for (const auto& line : lines_of(overview))
        out += line == ".\\\" @COMMANDS@" ? list : line + "\n";
    return out;
}

} // namespace complaints::cli
