// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/codec.hpp"

#include "complaints/model/case_fields.hpp"

#include "complaints/base/utf8.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace complaints {

namespace {

// The code point at text[i] and its length in bytes. Text is checked where it
// comes in; a byte that still is not UTF-8 is copied alone (U+FFFD needs no
// escape) rather than taking the bytes after it along.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    std::size_t next = i;
    if (const auto c = util::decode_utf8(text, next))
        return {*c, next - i};
    return {U'\uFFFD', 1};
}

// Code points a YAML reader may not take literally: controls, line and
// paragraph separators that YAML 1.1 treats as breaks, and the byte-order mark.
bool needs_escape(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
           c == 0xFEFF;
}

std::string escape_code_point(char32_t c) {
    switch (c) {
    case '\0':
        return "\\0";
    case '\a':
        return "\\a";
    case '\b':
        return "\\b";
    case '\t':
        return "\\t";
    case '\n':
        return "\\n";
    case '\v':
        return "\\v";
    case '\f':
        return "\\f";
    case '\r':
        return "\\r";
    case 0x1B:
        return "\\e";
    case 0x2028:
        return "\\L";
    case 0x2029:
        return "\\P";
    default:
        break;
    }
    // \x and \N would be shorter above 0x7F, but yaml-cpp 0.7 reads them as
    // raw bytes rather than code points.
    if (c < 0x80)
        return fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    return fmt::format("\\u{:04X}", static_cast<unsigned>(c));
}

// Letters, digits and dashes, starting with a letter: what YAML reads back
// as the same string without quotes (the reader takes yes and no as text).
bool is_plain_word(std::string_view text) {
    if (text.empty() || !std::isalpha(static_cast<unsigned char>(text.front())))
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
    });
}

std::string double_quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = decode(text, i);
        if (c == '"' || c == '\\')
            out += '\\';
        if (needs_escape(c))
            out += escape_code_point(c);
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out + '"';
}

// A literal block reads back exactly only for text made of lines without
// carriage returns, escapes or leading blanks, and without blank-only lines
// (a reader folds those into the indentation).
bool literal_reads_back(std::string_view text) {
    // Text of line breaks alone reads back empty under every chomping style;
    // a first line with content that starts blank would set the indentation.
    const std::size_t first = text.find_first_not_of('\n');
    if (first == std::string_view::npos || text[first] == ' ' || text[first] == '\t' ||
        text.find('\n') == std::string_view::npos)
        return false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = decode(text, i);
        if (c != '\n' && needs_escape(c) && c != '\t')
            return false;
        i += length;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        const bool blank = !line.empty() && line.find_first_not_of(" \t") == std::string_view::npos;
        const bool leading_tab = !line.empty() && line.front() == '\t';
        if (blank || leading_tab)
            return false;
        start = end + 1;
    }
    return true;
}

std::string literal_block(std::string_view text, int indent) {
    std::size_t body_end = text.size();
    while (body_end > 0 && text[body_end - 1] == '\n')
        --body_end;
    const std::size_t trailing = text.size() - body_end;
    std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::size_t start = 0;
    const std::string_view body = text.substr(0, body_end);
    while (start <= body.size()) {
        const std::size_t end = std::min(body.find('\n', start), body.size());
        const std::string_view line = body.substr(start, end - start);
        out += '\n';
        if (!line.empty())
            out += pad + std::string(line);
        start = end + 1;
    }
    for (std::size_t k = 1; k < trailing; ++k)
        out += '\n';
    return out;
}

// Unknown keys go back out through yaml-cpp's own emitter, indented to fit.
void write_extras(std::string& out, int indent, const std::vector<Extra>& unknown) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& extra : unknown) {
        YAML::Emitter emitter;
        emitter << YAML::BeginMap << YAML::Key << extra.key << YAML::Value << YAML::Load(extra.yaml)
                << YAML::EndMap;
        std::string_view emitted = emitter.c_str();
        std::size_t start = 0;
        while (start < emitted.size()) {
            const std::size_t end = std::min(emitted.find('\n', start), emitted.size());
            out += pad;
            out.append(emitted.substr(start, end - start));
            out += '\n';
            start = end + 1;
        }
    }
}

// Writes one mapping at `indent`, following fields::describe. A list item's
// first key follows "- ", two columns to the left.
class YamlWriter {
  public:
    YamlWriter(std::string& out, int indent, bool list_item = false)
        : m_out(out), m_indent(indent), m_dash(list_item) {}

    void field(const fields::Key& key, const std::string& value) {
        if (key.always || !value.empty())
            put(key, scalar(key.style, value, m_indent + 2));
    }
    void field(const fields::Key& key, int value) { put(key, std::to_string(value)); }
    template <class E>
    requires std::is_enum_v<E>
    void field(const fields::Key& key, E value) {
        put(key, scalar(key.style == fields::Style::text ? fields::Style::word : key.style,
                        std::string(name_of(value)), 0));
    }
    void field(const fields::Key& key, const Timestamp& at) { put(key, format_timestamp(at)); }
    void field(const fields::Key& key, const date::year_month_day& day) {
        put(key, format_date(day));
    }
    template <class T> void field(const fields::Key& key, const std::optional<T>& value) {
        if (value)
            field(key, *value);
    }
    template <fields::Record R> void field(const fields::Key& key, const R& record) {
        put(key, {});
        YamlWriter inner(m_out, m_indent + 2);
        fields::describe(inner, record);
    }
    template <class T> void field(const fields::Key& key, const std::vector<T>& items) {
        if (items.empty()) {
            if (key.always)
                put(key, "[]");
            return;
        }
        put(key, {});
        for (const auto& item : items)
            write_item(key, item);
    }
    void extras(const std::vector<Extra>& unknown) { write_extras(m_out, m_indent, unknown); }
    void no_extras() {}

  private:
    void write_item(const fields::Key& key, const std::string& text) {
        m_out +=
            fmt::format("{:{}}- {}\n", "", m_indent + 2, scalar(key.style, text, m_indent + 4));
    }
    template <fields::Record R> void write_item(const fields::Key&, const R& record) {
        YamlWriter inner(m_out, m_indent + 4, true);
        fields::describe(inner, record);
    }
    static std::string scalar(fields::Style style, const std::string& value, int indent) {
        switch (style) {
        case fields::Style::word:
            if (is_plain_word(value))
                return value;
            break;
        case fields::Style::quoted:
            return double_quoted(value);
        case fields::Style::text:
            break;
        }
        return emit_text_value(value, indent);
    }
    // `key:` alone when `value` is empty: a mapping or a list follows.
    void put(const fields::Key& key, const std::string& value) {
        if (m_dash) {
            m_out += fmt::format("{:{}}- ", "", m_indent - 2);
            m_dash = false;
        } else {
            m_out += std::string(static_cast<std::size_t>(m_indent), ' ');
        }
        m_out += key.name;
        m_out += value.empty() ? ":\n" : ": " + value + "\n";
    }

    std::string& m_out;
    int m_indent;
    bool m_dash;
};

} // namespace

std::string emit_text_value(std::string_view text, int indent) {
    return literal_reads_back(text) ? literal_block(text, indent) : double_quoted(text);
}

std::string write_event_items(const std::vector<Event>& events) {
    std::string out;
    YamlWriter writer(out, 0);
    writer.field(fields::must("events"), events);
    // Without the "events:" line the writer put first.
    return events.empty() ? std::string() : out.substr(out.find('\n') + 1);
}

std::string write_case(const Case& c) {
    std::string out;
    YamlWriter writer(out, 0);
    fields::describe(writer, c);
    return out;
}

} // namespace complaints
