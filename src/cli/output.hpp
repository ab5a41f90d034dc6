// SPDX-License-Identifier: Apache-2.0
#pragma once
// Everything that turns records into text: table, CSV, JSON, and the enum
// parsing every command shares.
#include "text_table.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/store/store.hpp"
#include "complaints/workflow/clocks.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace complaints::cli {

enum class Format { table, json, csv, yaml, text, markdown, html, ics, email, xlsx };

// "a, b or c".
std::string either(const std::vector<std::string>& names);

// Each caution on standard error as "complaints: warning: ...": what went
// through, but deserves a second look.
void say_cautions(const std::vector<std::string>& cautions);

// Where a patient safety incident is told to the indemnity insurer (the
// clinic's "Insurance"), a note on standard error saying so and how to log
// it, when the case has just been marked one.
void print_insurer_prompt(const Case& c, const Policy& policy);

// Adds --format with the given choices; the first is the default.
// A workbook (xlsx) goes to the file --out names, never standard output.
void add_format_option(CLI::App& app, Format& format, const std::vector<Format>& allowed);

// Parses a command-line value for `flag` into an enum, or a usage error with
// the valid values and a suggestion.
template <class E> E parse_enum(const std::string& value, std::string_view flag) {
    if (const auto parsed = enum_from<E>(value))
        return *parsed;
    const auto names = enum_names<E>();
    throw Error(ErrorKind::usage,
                fmt::format("{}: unknown {} '{}'{}; choose one of: {}", flag, EnumNames<E>::what,
                            value, did_you_mean(value, names), util::join(names, ", ")));
}

// What is wrong with `value` as a date: no such day, or written another way
// (a day-first date is read back as the YYYY-MM-DD to write instead).
std::string date_problem(const std::string& value);

// The local date a flag names (YYYY-MM-DD), or a usage error naming `flag`.
date::year_month_day date_flag(const std::string& value, std::string_view flag);

// The instant a flag names in the organisation's zone (parse_user_time), a
// day-first date ("07/10/2026 14:30") read back as the form to write.
Timestamp time_flag(const std::string& value, const date::time_zone& zone, std::string_view flag);

// For a terminal: every text of the case, or every cell, with its control
// characters made visible (visible_controls), so that text typed or pasted
// into a case (ESC, OSC, CR ...) cannot drive the terminal showing it.
void make_visible(Case& c);
void make_visible(std::vector<Row>& rows);

// The header line in bold when coloured, and each row in the colour of its
// shade (`shades` parallel to `rows`, or empty for none).
void print_table(std::FILE* out, const Row& header, const std::vector<Row>& rows, bool colour,
                 const std::vector<Shade>& shades = {});

// Makes the table fit `width` columns without wrapping a row: drops the
// columns named in `droppable` (least needed first) while the column named
// `cut` (the last when empty: the summary) would be cut short of its widest
// or of `enough`, then cuts that column's cells with "…" to what the line
// leaves.
void fit_to_width(Row& header, std::vector<Row>& rows, std::size_t width,
                  const std::vector<std::string_view>& droppable, std::string_view cut = {},
                  std::size_t enough = 60);
// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or
// LF. A field a spreadsheet would take for a formula (=, +, -, @ first, and
// not a number) is quoted with a ' before it, so it is shown as text.
std::string csv_line(const Row& row);
void print_csv(std::FILE* out, const Row& header, const std::vector<Row>& rows);
// "Mon 7 Dec 2026 10:20", in the timestamp's own offset: a time as a
// manager in the UK reads it, for what people read (JSON keeps RFC 3339).
std::string uk_time(const Timestamp& at);

// "1 warning", "3 warnings": a count with its noun.
std::string plural(long long n, std::string_view word);

// The first line of a text, cut to `width` code points with an ellipsis.
std::string headline(const std::string& text, std::size_t width);

} // namespace complaints::cli
