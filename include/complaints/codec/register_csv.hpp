// SPDX-License-Identifier: Apache-2.0
#pragma once
// A complaints register kept in a spreadsheet, as Excel or LibreOffice save
// it to CSV: the bytes to a table of cells, which column holds which fact,
// and how the register's words translate into the tool's. What a row
// becomes is register_import.hpp.
#include "complaints/base/enum_names.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// The facts a register's column can hold. `ignore` is a column the map
// sets aside on purpose (notes, a running total).
enum class RegisterField {
    reference,
    received,
    complainant,
    channel,
    category,
    type,
    about,
    summary,
    acknowledged,
    responded,
    outcome,
    closed,
    learning,
    ignore,
};
template <> struct EnumNames<RegisterField> {
    static constexpr std::string_view what = "register field";
    static constexpr std::array<std::pair<RegisterField, std::string_view>, 14> names{{
        {RegisterField::reference, "reference"},
        {RegisterField::received, "received"},
        {RegisterField::complainant, "complainant"},
        {RegisterField::channel, "channel"},
        {RegisterField::category, "category"},
        {RegisterField::type, "type"},
        {RegisterField::about, "about"},
        {RegisterField::summary, "summary"},
        {RegisterField::acknowledged, "acknowledged"},
        {RegisterField::responded, "responded"},
        {RegisterField::outcome, "outcome"},
        {RegisterField::closed, "closed"},
        {RegisterField::learning, "learning"},
        {RegisterField::ignore, "ignore"},
    }};
};

// The two encodings a spreadsheet saves CSV in: "CSV UTF-8", and Excel's
// plain "CSV" on Windows.
enum class RegisterEncoding { utf_8, windows_1252 };
template <> struct EnumNames<RegisterEncoding> {
    static constexpr std::string_view what = "encoding";
    static constexpr std::array<std::pair<RegisterEncoding, std::string_view>, 2> names{
        {{RegisterEncoding::utf_8, "utf-8"}, {RegisterEncoding::windows_1252, "windows-1252"}}};
};

// One row as the spreadsheet numbers it: the header is row 1, so the first
// complaint is row 2 however many lines a quoted cell spans.
struct RegisterRow {
    int number = 0;
    std::vector<std::string> cells; // UTF-8, one per header column
};

struct RegisterTable {
    std::vector<std::string> header;
    std::vector<RegisterRow> rows;
    char delimiter = ',';
    RegisterEncoding encoding = RegisterEncoding::utf_8; // as given, or as guessed
    bool byte_order_mark = false;                        // UTF-8's, dropped
};

// "UTF-8", "UTF-8 with BOM" or "windows-1252", for people.
std::string encoding_label(const RegisterTable& table);

// Reads a register's CSV: a UTF-8 byte-order mark is dropped; text that is
// not UTF-8 is read as windows-1252 (what Excel saves as "CSV" on Windows);
// the separator is `;` when the header line holds more of them than commas
// (Excel's CSV where the decimal mark is a comma), else `,`. Quoted cells
// may span lines. Blank rows are skipped. Throws bad_data naming `shown` and
// the row for a file with no header, a cell left open at the end, a row
// longer than the header, or UTF-16 (saved as "Unicode text").
//
// `encoding`, when given, is not guessed: UTF-8 refuses a byte that breaks
// it, at its line and column; windows-1252 reads every byte as that code
// page (a UTF-8 byte-order mark then is refused, as a contradiction).
// Guessed, text that breaks UTF-8 in one place but holds well-formed UTF-8
// letters in another (a UTF-8 file with a pasted windows-1252 quote, or
// windows-1252 text that happens to look like UTF-8) cannot be told either
// way, and is refused naming both places: read as windows-1252, its UTF-8
// letters would turn silently into two or three wrong ones each.
RegisterTable read_register(std::string_view bytes, const std::string& shown,
                            std::optional<RegisterEncoding> encoding = std::nullopt);

// Which column is which fact, and the register's words for the tool's.
struct RegisterMap {
    // By column, in the header's order; a column no fact claims is
    // `ignore`d.
    std::vector<RegisterField> columns;
    // Per field, the register's value (folded: case and blanks aside) and
    // the tool's word for it ("phone call" → "phone"). Looked up before the
    // words every register is read with (see register_import.cpp).
    std::map<RegisterField, std::map<std::string, std::string>> values;
};

// The columns the common headers name ("Ref", "Date received", "How
// received", "Outcome", ...), each claimed once, the rest ignored.
RegisterMap recognised_map(const std::vector<std::string>& header);

// A map file (YAML): `columns:` header → field, and `values:` field →
// {register value: word}. A header the map does not name is read as
// recognised_map reads it. Throws bad_data naming `shown`, line and column,
// for a header the register lacks, a field that is not one, or one field
// named by two columns.
RegisterMap read_register_map(std::string_view yaml, const std::string& shown,
                              const std::vector<std::string>& header);

// A map file for the register, commented, to edit: every column with the
// fact recognised_map gives it, and every value of the channel, category
// and outcome columns with the word it reads as (a value none is known for
// left for the map's author to fill in).
std::string register_map_template(const RegisterTable& table);

} // namespace complaints
