// SPDX-License-Identifier: Apache-2.0
#include "output.hpp"

#include "choices.hpp"

#include "complaints/base/text.hpp"
#include "complaints/base/utf8.hpp"
#include "complaints/model/case_fields.hpp"
#include "complaints/render/letters.hpp"
#include "complaints/workflow/being_open.hpp"
#include "complaints/workflow/workflow.hpp"
#include "problem_text.hpp"
#include <CLI/CLI.hpp>

#include <array>
#include <cstdio>

namespace complaints::cli {

namespace {

std::string_view format_name(Format format) {
    switch (format) {
    case Format::table:
        return "table";
    case Format::json:
        return "json";
    case Format::csv:
        return "csv";
    case Format::yaml:
        return "yaml";
    case Format::text:
        return "text";
    case Format::markdown:
        return "markdown";
    case Format::html:
        return "html";
    case Format::ics:
        return "ics";
    case Format::email:
        return "email";
    case Format::xlsx:
        return "xlsx";
    }
    return "table";
}

// A number, signed or not ("-3", "+1.5"): a spreadsheet must keep reading it
// as one, so the formula guard leaves it alone.
bool is_number(std::string_view field) {
    if (!field.empty() && (field[0] == '-' || field[0] == '+'))
        field.remove_prefix(1);
    return !field.empty() && field.find_first_not_of("0123456789.") == std::string_view::npos;
}

// A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR
// before one): OWASP's advice, a leading ' inside quotes, so it shows as text.
bool looks_like_formula(std::string_view field) {
    return !field.empty() &&
           std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos &&
           !is_number(field);
}

std::string csv_field(const std::string& field) {
    const bool formula = looks_like_formula(field);
    if (!formula && field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string quoted = formula ? "\"'" : "\"";
    for (const char c : field) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

std::string either(const std::vector<std::string>& names) {
    if (names.size() < 2)
        return util::join(names, "");
    std::vector<std::string> first(names.begin(), names.end() - 1);
    return util::join(first, ", ") + " or " + names.back();
}

void add_format_option(CLI::App& app, Format& format, const std::vector<Format>& allowed) {
    std::map<std::string, Format> choices;
    std::vector<std::string> names;
    for (const Format f : allowed) {
        choices.emplace(std::string(format_name(f)), f);
        names.emplace_back(format_name(f));
    }
    format = allowed.front();
    // Our own words, not CLI11's "Check ... FAILED": which formats there are.
    const auto check = [choices, names](std::string& value) -> std::string {
        const auto found = choices.find(value);
        if (found == choices.end())
            return fmt::format("unknown format '{}'{}; choose {}", value,
                               did_you_mean(value, names), either(names));
        value = std::to_string(static_cast<int>(found->second));
        return {};
    };
    cli::choices(app.add_option("--format", format, "output format: " + util::join(names, "|"))
                     ->transform(CLI::Validator(check, "FORMAT")),
                 names)
        ->option_text("FORMAT");
}

namespace {

// A date written day first, as people in the UK write one ("01/09/2026",
// "1.9.2026", "1-9-2026"): the day it names, to suggest in YYYY-MM-DD.
std::optional<date::year_month_day> day_first(const std::string& value) {
    unsigned day = 0;
    unsigned month = 0;
    int year = 0;
    char first = 0;
    char second = 0;
    char rest = 0;
    if (std::sscanf(value.c_str(), "%2u%c%2u%c%4d%c", &day, &first, &month, &second, &year,
                    &rest) != 5 ||
        first != second || std::string_view("/.-").find(first) == std::string_view::npos ||
        year < 1000)
        return std::nullopt;
    const date::year_month_day named{date::year{year}, date::month{month}, date::day{day}};
    return named.ok() ? std::optional(named) : std::nullopt;
}

} // namespace

std::string date_problem(const std::string& value) {
    // Shaped right but no such day (2026-02-30): the calendar is at fault.
    const bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-';
    if (shaped)
        return fmt::format("'{}' is not a date on the calendar (write YYYY-MM-DD)", value);
    if (const auto named = day_first(value))
        return fmt::format("'{}' is not written YYYY-MM-DD: for {}, write {}", value,
                           long_date(*named), format_date(*named));
    return fmt::format("'{}' is not a date: write YYYY-MM-DD, such as 2026-09-01", value);
}

Timestamp time_flag(const std::string& value, const date::time_zone& zone, std::string_view flag) {
    try {
        return parse_user_time(value, zone, flag);
    } catch (const Error&) {
        const auto space = value.find(' ');
        const auto named = day_first(value.substr(0, space));
        if (!named)
            throw;
        const std::string time = space == std::string::npos ? "" : value.substr(space);
        throw Error(ErrorKind::usage,
                    fmt::format("{}: '{}' is not written YYYY-MM-DD: for {}, write '{}{}'", flag,
                                value, long_date(*named), format_date(*named), time));
    }
}

date::year_month_day date_flag(const std::string& value, std::string_view flag) {
    if (const auto day = parse_date(value))
        return *day;
    throw Error(ErrorKind::usage, fmt::format("{}: {}", flag, date_problem(value)));
}

// Line by line: a long listing is printed without a second copy in memory.
namespace {

// Makes every text field of a case visible_controls.
struct ControlsMadeVisible {
    void field(const fields::Key&, std::string& v) { v = visible_controls(v); }
    template <class T> void field(const fields::Key&, T&) {}
    template <fields::Record R> void field(const fields::Key&, R& record) {
        fields::describe(*this, record);
    }
    template <class T> void field(const fields::Key& key, std::optional<T>& v) {
        if (v)
            field(key, *v);
    }
    template <class T> void field(const fields::Key& key, std::vector<T>& items) {
        for (auto& item : items)
            field(key, item);
    }
    void extras(std::vector<Extra>& unknown) {
        for (auto& extra : unknown) {
            extra.key = visible_controls(extra.key);
            extra.yaml = visible_controls(extra.yaml);
        }
    }
    void no_extras() {}
};

} // namespace

void make_visible(Case& c) {
    ControlsMadeVisible visitor;
    fields::describe(visitor, c);
}

void make_visible(std::vector<Row>& rows) {
    for (auto& row : rows)
        for (auto& cell : row)
            cell = visible_controls(cell);
}

void print_table(std::FILE* out, const Row& header, const std::vector<Row>& rows, bool colour,
                 const std::vector<Shade>& shades) {
    const TextTable table(header, rows);
    const auto put = [out](const std::string& line) {
        std::fwrite(line.data(), 1, line.size(), out);
    };
    put(table.line(header, colour));
    for (std::size_t i = 0; i < rows.size(); ++i)
        put(table.line(rows[i], colour && i < shades.size() ? shades[i] : Shade::none));
}

namespace {

void drop_column(Row& header, std::vector<Row>& rows, std::size_t column) {
    header.erase(header.begin() + static_cast<std::ptrdiff_t>(column));
    for (auto& row : rows)
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(column));
}

} // namespace

void fit_to_width(Row& header, std::vector<Row>& rows, std::size_t width,
                  const std::vector<std::string_view>& droppable, std::string_view cut,
                  std::size_t enough) {
    if (header.empty())
        return;
    const auto column_of = [&](std::string_view name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) -
                                        header.begin());
    };
    std::size_t cut_at = cut.empty() ? header.size() - 1 : column_of(cut);
    if (cut_at == header.size())
        return;
    // Every column but the one cut, with the two blanks between columns:
    // measured once, and a dropped column's share taken off.
    std::vector<std::size_t> widths = TextTable(header, rows).widths();
    std::size_t others = 2 * (widths.size() - 1);
    for (std::size_t c = 0; c < widths.size(); ++c)
        others += c == cut_at ? 0 : widths[c];
    // Past `enough` characters the column is read well enough cut.
    std::size_t wanted = display_width(header[cut_at]);
    for (const auto& row : rows)
        wanted = std::max(wanted, std::min(display_width(row[cut_at]), enough));
    for (const auto name : droppable) {
        if (others + wanted <= width)
            break;
        const std::size_t column = column_of(name);
        if (column == header.size() || column == cut_at)
            continue;
        others -= widths[column] + 2;
        widths.erase(widths.begin() + static_cast<std::ptrdiff_t>(column));
        drop_column(header, rows, column);
        cut_at -= column < cut_at ? 1 : 0;
    }
    const std::size_t room = width > others + 2 ? width - others : 2;
    header[cut_at] = headline(header[cut_at], room);
    for (auto& row : rows)
        row[cut_at] = headline(row[cut_at], room);
}

std::string csv_line(const Row& row) {
    std::string text;
    for (std::size_t c = 0; c < row.size(); ++c)
        text += (c ? "," : "") + csv_field(visible_controls(row[c]));
    return text + "\r\n";
}

void print_csv(std::FILE* out, const Row& header, const std::vector<Row>& rows) {
    std::fputs(csv_line(header).c_str(), out);
    for (const auto& row : rows)
        std::fputs(csv_line(row).c_str(), out);
}

std::string uk_time(const Timestamp& at) {
    static constexpr std::array<std::string_view, 7> k_days{"Sun", "Mon", "Tue", "Wed",
                                                            "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> k_months{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto local = at.utc + std::chrono::minutes(at.offset_minutes);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss time{local - day};
    return fmt::format("{} {} {} {} {:02}:{:02}", k_days[date::weekday{day}.c_encoding()],
                       unsigned(ymd.day()), k_months[unsigned(ymd.month()) - 1], int(ymd.year()),
                       time.hours().count(), time.minutes().count());
}

std::string plural(long long n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string headline(const std::string& text, std::size_t width) {
    std::string first = text.substr(0, text.find_first_of("\r\n"));
    if (display_width(first) <= width)
        return first;
    return first.substr(0, util::utf8_prefix(first, width - 1)) + "…";
}

void say_cautions(const std::vector<std::string>& cautions) {
    for (const std::string& caution : cautions)
        fmt::print(stderr, "complaints: warning: {}\n", caution);
}

void print_insurer_prompt(const Case& c, const Policy& policy) {
    for (const auto& owed : insurer_owed(c, policy))
        fmt::print(stderr,
                   "complaints: note: {}; tell them, then 'complaints log {} --type "
                   "insurer-notified --reference REF'\n",
                   owed.message, c.id);
}

} // namespace complaints::cli
