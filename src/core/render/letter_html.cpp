// SPDX-License-Identifier: Apache-2.0
// A letter's Markdown as a self-contained HTML page to print to PDF. The
// letters are written in a small part of Markdown (headings, paragraphs,
// lists, quotes, a rule, bold, code and hard line breaks), so that part is
// all this reads; every character of the text is escaped.
#include "complaints/base/text.hpp"
#include "complaints/render/letters.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

namespace {

constexpr std::string_view k_letter_style =
    "@page{size:A4;margin:2cm}"
    "body{font-family:Georgia,'Times New Roman',serif;font-size:11.5pt;line-height:1.45;"
    "max-width:40em;margin:2em auto;padding:0 1em;color:#111}"
    "h1{font-size:1.5em;margin:0 0 1em}h2{font-size:1.15em;margin:1.5em 0 .5em}"
    "h3{font-size:1em;margin:1.2em 0 .4em}"
    "blockquote{margin:.8em 0;padding:.2em 1em;border-left:3px solid #999;color:#333}"
    "hr{border:0;border-top:1px dashed #666;margin:2em 0;page-break-after:always}"
    "code{font-family:inherit;font-weight:bold}"
    "@media print{body{margin:0;max-width:none}}";

// `**bold**` and `code` in a line already escaped: neither `*` nor a
// backtick is changed by escaping. An unpaired marker stays as typed.
std::string inline_marks(std::string text) {
    struct Mark {
        std::string_view mark;
        std::string_view open;
        std::string_view close;
    };
    constexpr Mark k_marks[] = {{"**", "<strong>", "</strong>"}, {"`", "<code>", "</code>"}};
    for (const auto& [mark, open, close] : k_marks) {
        std::size_t from = 0;
        while (true) {
            const std::size_t start = text.find(mark, from);
            const std::size_t end =
                start == std::string::npos ? start : text.find(mark, start + mark.size());
            if (end == std::string::npos)
                break;
            const std::string inner = text.substr(start + mark.size(), end - start - mark.size());
            const std::string done = std::string(open) + inner + std::string(close);
            text.replace(start, end + mark.size() - start, done);
            from = start + done.size();
        }
    }
    return text;
}

// One line as HTML: escaped, marked up, a Markdown hard break (two trailing
// spaces) dropped, since every line break of a letter is kept anyway.
std::string line_html(std::string_view line) {
    while (line.ends_with(' '))
        line.remove_suffix(1);
    return inline_marks(html_escaped(line));
}

bool is_ordered_item(std::string_view line) {
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    return digits > 0 && line.substr(digits).starts_with(". ");
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

// Builds the body block by block: a block ends at a blank line or where a
// line of another kind begins.
class Blocks {
  public:
    void line(std::string_view text) {
        if (text.empty())
            return close();
        if (text == "---") {
            close();
            m_out += "<hr>\n";
            return;
        }
        constexpr std::pair<std::string_view, std::string_view> k_headings[] = {
            {"### ", "h3"}, {"## ", "h2"}, {"# ", "h1"}};
        for (const auto& heading : k_headings)
            if (text.starts_with(heading.first)) {
                close();
                m_out += fmt_tag(heading.second, line_html(text.substr(heading.first.size())));
                return;
            }
        if (text.starts_with("- "))
            return item("ul", text.substr(2));
        if (is_ordered_item(text))
            return item("ol", text.substr(text.find(". ") + 2), text.substr(0, text.find('.')));
        if (text == ">" || text.starts_with("> "))
            return quote(text.size() > 2 ? text.substr(2) : "");
        if (m_open != "p")
            open("p");
        else
            m_out += "<br>\n";
        m_out += line_html(text);
    }
    std::string finish() {
        close();
        return m_out;
    }

  private:
    static std::string fmt_tag(std::string_view tag, const std::string& inner) {
        return "<" + std::string(tag) + ">" + inner + "</" + std::string(tag) + ">\n";
    }
    void open(std::string_view tag, std::string_view attributes = "") {
        close();
        m_open = tag;
        m_out += "<" + std::string(tag) + std::string(attributes) + ">";
    }
    void close() {
        if (m_open == "p")
            m_out += "</p>\n";
        else if (m_open == "blockquote")
            m_out += "</p></blockquote>\n";
        else if (!m_open.empty())
            m_out += "</" + m_open + ">\n";
        m_open.clear();
    }
    // An ordered list keeps the numbers the letter gives (points keep theirs).
    void item(std::string_view list, std::string_view text, std::string_view number = "") {
        if (m_open != list)
            open(list, number.empty() ? "" : " start=\"" + std::string(number) + "\"");
        m_out += "\n<li>" + line_html(text) + "</li>";
    }
    // A quote's blank line (">") parts its paragraphs.
    void quote(std::string_view text) {
        if (m_open != "blockquote") {
            open("blockquote");
            m_out += "<p>";
            m_fresh = true;
        }
        if (text.empty()) {
            if (!m_fresh)
                m_out += "</p>\n<p>";
            m_fresh = true;
            return;
        }
        m_out += (m_fresh ? "" : "<br>\n") + line_html(text);
        m_fresh = false;
    }

    std::string m_out;
    std::string m_open;
    bool m_fresh = true;
};

} // namespace

std::string letter_html(std::string_view markdown, std::string_view title) {
    Blocks blocks;
    for (const std::string_view line : lines_of(markdown))
        blocks.line(line);
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           html_escaped(title) + "</title>\n<style>" + std::string(k_letter_style) +
           "</style>\n</head>\n<body>\n" + blocks.finish() + "</body>\n</html>\n";
}

} // namespace complaints
