// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/register_csv.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/base/utf8.hpp"
#include "register_words.hpp"
#include "yaml_tree.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

namespace complaints {

namespace {

// Windows-1252's bytes 0x80-0x9F; the five it leaves undefined read as the
// C1 controls Latin-1 gives them, which the clean-text check then refuses
// with the cell that holds one.
constexpr char32_t k_cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::string from_windows_1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        append_utf8(out, b >= 0x80 && b < 0xA0 ? k_cp1252_high[b - 0x80] : char32_t{b});
    }
    return out;
}

void refuse_utf16(std::string_view bytes, const std::string& shown) {
    const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 64));
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
        head.find('\0') != std::string_view::npos)
        throw Error(ErrorKind::bad_data,
                    "the register is UTF-16 (\"Unicode text\"): save it as CSV (UTF-8) instead",
                    {shown, 1, 1});
}

// The offset of the first letter past ASCII written as well-formed UTF-8.
std::optional<std::size_t> first_utf8_letter(std::string_view bytes) {
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        if (static_cast<unsigned char>(bytes[at]) < 0x80)
            continue;
        std::size_t pos = at;
        if (util::decode_utf8(bytes, pos))
            return at;
    }
    return std::nullopt;
}

std::string byte_at(std::string_view bytes, std::size_t offset) {
    return fmt::format("0x{:02X}", static_cast<unsigned char>(bytes[offset]));
}

// Text that is not UTF-8, read as windows-1252 unless it holds UTF-8's
// letters elsewhere: then neither reading can be trusted.
std::string guessed_windows_1252(std::string_view bytes, std::size_t bad,
                                 const std::string& shown) {
    if (const auto letter = first_utf8_letter(bytes)) {
        const auto [line, column] = line_column_at(bytes, bad);
        const auto where = line_column_at(bytes, *letter);
        throw Error(ErrorKind::bad_data,
                    fmt::format("byte {} is not UTF-8, yet line {} column {} is UTF-8: the "
                                "register's encoding cannot be told; give its {{encoding}} "
                                "(utf-8 or windows-1252), or save it again as CSV UTF-8",
                                byte_at(bytes, bad), where.line, where.column),
                    {shown, line, column});
    }
    return from_windows_1252(bytes);
}

struct Decoded {
    std::string text;
    RegisterEncoding encoding;
    bool byte_order_mark;
};

// The text as UTF-8, and what it was.
Decoded as_utf8(std::string_view bytes, const std::string& shown,
                std::optional<RegisterEncoding> encoding) {
    refuse_utf16(bytes, shown);
    const bool bom = bytes.starts_with("\xEF\xBB\xBF");
    if (encoding == RegisterEncoding::windows_1252) {
        if (bom)
            throw Error(ErrorKind::bad_data,
                        "the register starts with UTF-8's byte-order mark, so it is UTF-8, not "
                        "windows-1252",
                        {shown, 1, 1});
        return {from_windows_1252(bytes), RegisterEncoding::windows_1252, false};
    }
    const std::string_view text = bom ? bytes.substr(3) : bytes;
    const auto bad = first_invalid_byte(text);
    if (!bad)
        return {std::string(text), RegisterEncoding::utf_8, bom};
    if (encoding == RegisterEncoding::utf_8 || bom) {
        const auto [line, column] = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data,
                    fmt::format("byte {} is not UTF-8{}", byte_at(text, *bad),
                                bom ? " (the file starts with UTF-8's byte-order mark)" : ""),
                    {shown, line, column});
    }
    return {guessed_windows_1252(bytes, *bad, shown), RegisterEncoding::windows_1252, false};
}

// `;` when the header line holds more of them than commas, outside quotes.
char sniff_delimiter(std::string_view text) {
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (const char ch : text) {
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && (ch == '\n' || ch == '\r'))
            break;
        else if (!quoted)
            commas += ch == ',', semicolons += ch == ';';
    }
    return semicolons > commas ? ';' : ',';
}

struct Collect {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> current;
};

extern "C" void on_cell(void* cell, std::size_t length, void* data) {
    auto* collect = static_cast<Collect*>(data);
    collect->current.emplace_back(static_cast<const char*>(cell), length);
}

extern "C" void on_row_end(int, void* data) {
    auto* collect = static_cast<Collect*>(data);
    collect->records.push_back(std::move(collect->current));
    collect->current.clear();
}

std::vector<std::vector<std::string>> parse_records(const std::string& text, char delimiter,
                                                    const std::string& shown) {
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        throw Error(ErrorKind::io, "cannot start the CSV reader");
    const std::unique_ptr<csv_parser, void (*)(csv_parser*)> owned(&parser, csv_free);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    Collect collect;
    const std::size_t read =
        csv_parse(&parser, text.data(), text.size(), on_cell, on_row_end, &collect);
    if (read != text.size() || csv_fini(&parser, on_cell, on_row_end, &collect) != 0)
        throw Error(ErrorKind::bad_data,
                    fmt::format("row {}: {} (a quote in a cell must be doubled, and a quoted "
                                "cell closed)",
                                collect.records.size() + 1, csv_strerror(csv_error(&parser))),
                    {shown, 0, 0});
    return std::move(collect.records);
}

bool blank(const std::vector<std::string>& record) {
    return std::all_of(record.begin(), record.end(),
                       [](const std::string& cell) { return folded(cell).empty(); });
}

} // namespace

RegisterTable read_register(std::string_view bytes, const std::string& shown,
                            std::optional<RegisterEncoding> given) {
    RegisterTable table;
    auto [text, encoding, byte_order_mark] = as_utf8(bytes, shown, given);
    table.encoding = encoding;
    table.byte_order_mark = byte_order_mark;
    table.delimiter = sniff_delimiter(text);
    auto records = parse_records(text, table.delimiter, shown);
    if (records.empty() || blank(records.front()))
        throw Error(ErrorKind::bad_data, "the register has no header row", {shown, 1, 1});
    table.header = std::move(records.front());
    for (std::size_t i = 1; i < records.size(); ++i) {
        auto& record = records[i];
        const int number = static_cast<int>(i) + 1;
        if (blank(record))
            continue;
        // Excel pads a row to the widest; trailing empty cells past the
        // header are that padding, anything else a cell with no column.
        while (record.size() > table.header.size() && folded(record.back()).empty())
            record.pop_back();
        if (record.size() > table.header.size())
            throw Error(ErrorKind::bad_data,
                        fmt::format("row {} has {} cells, the header {} columns", number,
                                    record.size(), table.header.size()),
                        {shown, 0, 0});
        record.resize(table.header.size());
        table.rows.push_back({number, std::move(record)});
    }
    return table;
}

std::string encoding_label(const RegisterTable& table) {
    if (table.encoding == RegisterEncoding::windows_1252)
        return "windows-1252";
    return table.byte_order_mark ? "UTF-8 with BOM" : "UTF-8";
}

RegisterMap recognised_map(const std::vector<std::string>& header) {
    RegisterMap map;
    std::set<RegisterField> claimed;
    for (const auto& name : header) {
        const auto field = recognised_column(name);
        const bool free = field && claimed.insert(*field).second;
        map.columns.push_back(free ? *field : RegisterField::ignore);
    }
    return map;
}

namespace {

Location at(const YamlNode& node, const std::string& shown) {
    return {shown, node.line() + 1, node.column() + 1};
}

RegisterField field_named(const YamlNode& node, const std::string& shown) {
    const auto field = enum_from<RegisterField>(node.scalar());
    if (!node.is_scalar() || !field)
        throw Error(ErrorKind::bad_data,
                    fmt::format("'{}' is not a fact a column can hold{}", node.scalar(),
                                did_you_mean(node.scalar(), enum_names<RegisterField>())),
                    at(node, shown));
    return *field;
}

void read_columns(const YamlNode& columns, const std::string& shown,
                  const std::vector<std::string>& header, RegisterMap& map) {
    std::vector<bool> named(header.size(), false);
    for (const auto& [key, value] : columns.entries()) {
        const auto column = std::find(header.begin(), header.end(), key.scalar());
        if (column == header.end())
            throw Error(ErrorKind::bad_data,
                        fmt::format("the register has no column '{}'{}", key.scalar(),
                                    did_you_mean(key.scalar(), header)),
                        at(key, shown));
        const auto index = static_cast<std::size_t>(column - header.begin());
        map.columns[index] = field_named(value, shown);
        named[index] = true;
    }
    // A field the map gives one column is taken from the columns it did
    // not name; a field two named columns hold is the map's mistake.
    std::set<RegisterField> claimed;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (named[i] && map.columns[i] != RegisterField::ignore &&
            !claimed.insert(map.columns[i]).second)
            throw Error(ErrorKind::bad_data,
                        fmt::format("two columns are mapped to {}", name_of(map.columns[i])),
                        at(columns, shown));
    for (std::size_t i = 0; i < header.size(); ++i)
        if (!named[i] && claimed.count(map.columns[i]))
            map.columns[i] = RegisterField::ignore;
}

void read_values(const YamlNode& values, const std::string& shown, RegisterMap& map) {
    for (const auto& [key, words] : values.entries()) {
        const RegisterField field = field_named(key, shown);
        if (words.is_null())
            continue;
        if (!words.is_map())
            throw Error(
                ErrorKind::bad_data,
                fmt::format("values of {}: give each as \"In the register\": word", name_of(field)),
                at(words, shown));
        for (const auto& [from, to] : words.entries()) {
            if (!check_register_word(field, to.scalar()))
                throw Error(ErrorKind::bad_data,
                            fmt::format("'{}' is not a {} the tool knows{}", to.scalar(),
                                        name_of(field), register_words_hint(field)),
                            at(to, shown));
            map.values[field][folded(from.scalar())] = to.scalar();
        }
    }
}

} // namespace

RegisterMap read_register_map(std::string_view yaml, const std::string& shown,
                              const std::vector<std::string>& header) {
    const YamlDocument document = parse_yaml(yaml, shown);
    const YamlNode root = document.root();
    RegisterMap map = recognised_map(header);
    if (root.is_null())
        return map;
    if (!root.is_map())
        throw Error(ErrorKind::bad_data, "a map file holds columns: and values:", at(root, shown));
    for (const auto& [key, value] : root.entries()) {
        if (key.scalar() == "columns" && value.is_map())
            read_columns(value, shown, header, map);
        else if (key.scalar() == "values" && value.is_map())
            read_values(value, shown, map);
        else if (!value.is_null() || (key.scalar() != "columns" && key.scalar() != "values"))
            throw Error(ErrorKind::bad_data,
                        fmt::format("'{}': a map file holds columns: and values:, each a mapping",
                                    key.scalar()),
                        at(key, shown));
    }
    return map;
}

} // namespace complaints

namespace complaints {

namespace {

std::string map_quoted(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        out += ch == '\n' ? ' ' : ch;
    }
    return out + '"';
}

void template_columns(const RegisterTable& table, const RegisterMap& map, std::string& out) {
    out += "# Each column of the register and the fact it holds: one of\n# ";
    out += util::join(enum_names<RegisterField>(), ", ");
    out += ".\ncolumns:\n";
    for (std::size_t i = 0; i < table.header.size(); ++i)
        out += fmt::format("  {}: {}{}\n", map_quoted(table.header[i]), name_of(map.columns[i]),
                           map.columns[i] == RegisterField::ignore ? "  # not recognised" : "");
}

// Each distinct value of the column holding `field`, with its word: one a
// line, commented out when recognised (the import reads it so already).
void template_values(const RegisterTable& table, const RegisterMap& map, RegisterField field,
                     std::string& out) {
    const auto column = std::find(map.columns.begin(), map.columns.end(), field);
    out += fmt::format("  {}:  # the tool's words{}\n", name_of(field), register_words_hint(field));
    if (column == map.columns.end())
        return;
    const auto index = static_cast<std::size_t>(column - map.columns.begin());
    std::set<std::string> seen;
    for (const auto& row : table.rows) {
        const std::string& value = row.cells[index];
        if (folded(value).empty() || !seen.insert(folded(value)).second)
            continue;
        const auto word = recognised_word(field, value);
        out += word ? fmt::format("    # {}: {}\n", map_quoted(value), *word)
                    : fmt::format("    {}: \"\"  # row {}: give its word\n", map_quoted(value),
                                  row.number);
    }
}

} // namespace

std::string register_map_template(const RegisterTable& table) {
    const RegisterMap map = recognised_map(table.header);
    std::string out = "# How this register's columns and words are read.\n";
    template_columns(table, map, out);
    out += "# The register's words for the tool's. A commented line is read so already.\n"
           "values:\n";
    for (const auto field :
         {RegisterField::channel, RegisterField::category, RegisterField::outcome})
        template_values(table, map, field, out);
    return out;
}

} // namespace complaints
