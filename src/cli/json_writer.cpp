// SPDX-License-Identifier: Apache-2.0
#include "json_writer.hpp"

#include <fmt/format.h>

namespace complaints::cli {

void JsonWriter::newline() {
    m_out += '\n';
    m_out.append(static_cast<std::size_t>(2 * m_depth), ' ');
}

// A value opens a line of its own inside a container, except after a key.
void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_empty.empty())
        return;
    if (!m_empty.back())
        m_out += ',';
    m_empty.back() = false;
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    m_out += '{';
    m_empty.push_back(true);
    ++m_depth;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    --m_depth;
    if (!m_empty.back())
        newline();
    m_empty.pop_back();
    m_out += '}';
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    m_out += '[';
    m_empty.push_back(true);
    ++m_depth;
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    --m_depth;
    if (!m_empty.back())
        newline();
    m_empty.pop_back();
    m_out += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    quoted(name);
    m_out += ": ";
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::text(std::string_view value) {
    before_value();
    quoted(value);
    return *this;
}

// Escapes as nlohmann does by default: the two that must be, the short
// forms, \u00xx for other control characters, UTF-8 as it is.
void JsonWriter::quoted(std::string_view value) {
    m_out += '"';
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(value, plain_from, i - plain_from); // the run needing no escape, at once
        plain_from = i + 1;
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            m_out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        }
    }
    m_out.append(value, plain_from, value.size() - plain_from);
    m_out += '"';
}

JsonWriter& JsonWriter::number(long long value) {
    before_value();
    m_out += fmt::format("{}", value);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    before_value();
    m_out += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::text_or_null(bool present, std::string_view value) {
    return present ? text(value) : null();
}

} // namespace complaints::cli
