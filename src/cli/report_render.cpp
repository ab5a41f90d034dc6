// SPDX-License-Identifier: Apache-2.0
// Text, Markdown and HTML renderings of a Document.
#include "report_output.hpp"

#include "complaints/base/text.hpp"
#include "complaints/render/markdown.hpp"

#include <algorithm>
#include <cctype>

namespace complaints::cli {

namespace {

std::string text_table(const Table& table, bool colour) {
    const TextTable text(table.header, table.rows, "  ");
    std::string out = text.line(table.header, colour);
    for (const auto& row : table.rows)
        out += text.line(row);
    return out;
}

// A cell may hold any text: pipes and line breaks would break the table.
std::string markdown_cell(const std::string& cell) {
    std::string out;
    for (const char c : markdown_text(cell)) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += "<br>";
        else if (c != '\r')
            out += c;
    }
    return out;
}

std::string markdown_row(const Row& row) {
    std::string line = "|";
    for (const auto& cell : row)
        line += " " + markdown_cell(cell) + " |";
    return line + "\n";
}

bool numeric(const std::string& cell) {
    return cell == "-" ||
           (!cell.empty() && cell.find_first_not_of("0123456789.%") == std::string::npos);
}

// Short cells (IDs, dates, names) stay on one line; prose wraps.
std::string_view cell_class(const std::string& cell) {
    if (numeric(cell))
        return " class=\"n\"";
    return cell.size() > 40 ? "" : " class=\"k\"";
}

// A caption and scopes so a screen reader says what each table and cell is:
// the section and the table's first heading, each row headed by its first cell.
std::string html_table(const Table& table, const std::string& section) {
    std::string out = "<table>\n<caption>" + html_escaped(section);
    if (!table.header.empty())
        out += ": " + html_escaped(table.header.front());
    out += "</caption>\n<thead><tr>";
    for (const auto& cell : table.header)
        out += "<th scope=\"col\">" + html_escaped(cell) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            out += i == 0
                       ? "<th scope=\"row\"" + std::string(cell_class(row[i])) + ">" +
                             html_escaped(row[i]) + "</th>"
                       : fmt::format("<td{}>", cell_class(row[i])) + html_escaped(row[i]) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

// A CSS string: quotes and backslashes escaped, and '<' too, so that no text
// can close the style element.
std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += std::string("\\") + c;
        else if (c == '<')
            out += "\\3C ";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

// A4, with the document's title (organisation and period) at the head of
// every printed page and the page's number at its foot.
std::string page_style(const Document& document) {
    return fmt::format(
        "@page {{ size: A4; margin: 18mm 15mm 16mm;\n"
        "  @top-left {{ content: {}; font: 9pt system-ui, sans-serif; color: #57606a; }}\n"
        "  @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); "
        "font: 9pt system-ui, sans-serif; color: #57606a; }} }}\n",
        css_string(document.title));
}

constexpr std::string_view k_style = R"(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.subtitle { color: #57606a; margin-top: 0; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
section { break-inside: avoid-page; }
.tables { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border-bottom: 1px solid #d8dee4; padding: .25rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; font-weight: 600; }
tbody th { font-weight: normal; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.k, th.k { white-space: nowrap; }
figure { margin: .8rem 0; }
.summary { font-size: 1.05rem; border-left: 4px solid #3b6ea5; padding: .3rem .7rem; }
.status { border-left: 8px solid; padding: .25rem .6rem; }
.status-green { border-color: #1a7f37; background: #e6f4ea; }
.status-amber { border-color: #9a6700; background: #fff4d6; }
.status-red { border-color: #c0392b; background: #fdecea; }
svg text { font-family: system-ui, sans-serif; }
@media print { body { margin: 0; max-width: none; } h2 { margin-top: 1.2rem; } }
)";

// "Status: RED. 2 of the 5 responses due missed ...": the colour's word first,
// so a page printed in black and white says it too.
std::string text_status(const Section& section, bool colour) {
    std::string word = section.status;
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const std::string_view code = section.status == "red"     ? "\x1b[1;31m"
                                  : section.status == "amber" ? "\x1b[1;33m"
                                                              : "\x1b[1;32m";
    return "Status: " + (colour ? std::string(code) + word + "\x1b[0m" : word) + ". " +
           section.status_words + "\n";
}

std::string html_status(const Section& section) {
    std::string word = section.status;
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return fmt::format("<p class=\"status status-{}\"><strong>Status: {}.</strong> {}</p>\n",
                       section.status, word, html_escaped(section.status_words));
}

} // namespace

std::string render_text(const Document& document, bool colour) {
    std::string out = (colour ? "\x1b[1m" + document.title + "\x1b[0m" : document.title) + "\n";
    out += document.subtitle + "\n";
    if (!document.summary.empty())
        out += "\n" + document.summary + "\n";
    for (const auto& section : document.sections) {
        out += "\n" + (colour ? "\x1b[1m" + section.title + "\x1b[0m" : section.title) + "\n";
        out += std::string(display_width(section.title), '-') + "\n";
        if (!section.status.empty())
            out += text_status(section, colour);
        for (const auto& note : section.notes)
            out += note + "\n";
        for (const auto& table : section.tables)
            out += "\n" + text_table(table, colour);
    }
    return out;
}

std::string render_markdown(const Document& document) {
    std::string out =
        "# " + markdown_text(document.title) + "\n\n" + markdown_text(document.subtitle) + "\n";
    if (!document.summary.empty())
        out += "\n" + markdown_text(document.summary) + "\n";
    for (const auto& section : document.sections) {
        out += "\n## " + markdown_text(section.title) + "\n";
        if (!section.status.empty())
            out += "\n**Status: " + section.status + ".** " + markdown_text(section.status_words) +
                   "\n";
        for (const auto& note : section.notes)
            out += "\n" + markdown_text(note) + "\n";
        for (const auto& table : section.tables) {
            out += "\n" + markdown_row(table.header);
            out += markdown_row(Row(table.header.size(), "---"));
            for (const auto& row : table.rows)
                out += markdown_row(row);
        }
    }
    return out;
}

std::string render_html(const Document& document) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        html_escaped(document.title) + "</title>\n<style>" + page_style(document) +
        std::string(k_style) + "</style>\n</head>\n<body>\n";
    out += "<h1>" + html_escaped(document.title) + "</h1>\n<p class=\"subtitle\">" +
           html_escaped(document.subtitle) + "</p>\n";
    if (!document.summary.empty())
        out += "<p class=\"summary\">" + html_escaped(document.summary) + "</p>\n";
    for (const auto& section : document.sections) {
        out += "<section>\n<h2>" + html_escaped(section.title) + "</h2>\n";
        if (!section.status.empty())
            out += html_status(section);
        for (const auto& note : section.notes)
            out += "<p>" + html_escaped(note) + "</p>\n";
        if (!section.chart.empty())
            out += "<figure>" + section.chart + "</figure>\n";
        out += "<div class=\"tables\">\n";
        for (const auto& table : section.tables)
            out += html_table(table, section.title);
        out += "</div>\n</section>\n";
    }
    return out + "</body>\n</html>\n";
}

} // namespace complaints::cli
