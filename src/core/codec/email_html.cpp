// SPDX-License-Identifier: Apache-2.0
// An HTML body as text, through libxml2's HTML parser, which reads the tag
// soup mail clients send as a browser would: never by regular expressions.
#include "complaints/codec/email.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <cstring>
#include <memory>

namespace complaints {

namespace {

constexpr std::array k_blocks{"p",  "div", "br", "li",      "tr",      "h1",         "h2",    "h3",
                              "h4", "h5",  "h6", "ul",      "ol",      "blockquote", "table", "pre",
                              "hr", "dd",  "dt", "section", "article", "header",     "footer"};
constexpr std::array k_hidden{"script", "style", "head", "title", "template"};

bool one_of(const xmlNode* node, const auto& names) {
    for (const char* name : names)
        if (std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0)
            return true;
    return false;
}

// Text runs with their blanks made one space, a block's edges line breaks.
class TextOut {
  public:
    void text(const char* run) {
        for (; *run; ++run) {
            const bool blank = *run == ' ' || *run == '\t' || *run == '\n' || *run == '\r';
            if (blank) {
                m_space = true;
                continue;
            }
            if (m_space && !m_text.empty() && m_text.back() != '\n')
                m_text += ' ';
            m_space = false;
            m_text += *run;
        }
    }
    void line_break(bool paragraph) {
        m_space = false;
        if (m_text.empty())
            return;
        const bool ends_blank = m_text.size() >= 2 && m_text.ends_with("\n\n");
        if (!m_text.ends_with("\n"))
            m_text += '\n';
        if (paragraph && !ends_blank)
            m_text += '\n';
    }
    std::string done() {
        while (!m_text.empty() && m_text.back() == '\n')
            m_text.pop_back();
        return std::move(m_text);
    }

  private:
    std::string m_text;
    bool m_space = false;
};

void walk(const xmlNode* node, TextOut& out) {
    for (; node; node = node->next) {
        if (node->type == XML_TEXT_NODE && node->content) {
            out.text(reinterpret_cast<const char*>(node->content));
            continue;
        }
        if (node->type != XML_ELEMENT_NODE || one_of(node, k_hidden))
            continue;
        const bool block = one_of(node, k_blocks);
        const bool paragraph = block &&
                               std::strcmp(reinterpret_cast<const char*>(node->name), "br") != 0 &&
                               std::strcmp(reinterpret_cast<const char*>(node->name), "li") != 0 &&
                               std::strcmp(reinterpret_cast<const char*>(node->name), "tr") != 0;
        if (block)
            out.line_break(paragraph);
        walk(node->children, out);
        if (block)
            out.line_break(paragraph);
    }
}

} // namespace

std::string html_to_text(std::string_view html) {
    if (html.empty())
        return {};
    const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET),
        &xmlFreeDoc);
    if (!document)
        return {};
    TextOut out;
    walk(xmlDocGetRootElement(document.get()), out);
    return out.done();
}

} // namespace complaints
