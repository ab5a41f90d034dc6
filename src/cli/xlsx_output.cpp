// SPDX-License-Identifier: Apache-2.0
#include "xlsx_output.hpp"

#include "complaints/store/atomic_file.hpp"

#include <xlsxwriter.h>

#include <charconv>
#include <filesystem>
#include <unistd.h>

namespace complaints::cli {

namespace {

// A workbook written to a temporary file beside its target, renamed over
// the target by `commit`, removed if anything fails before.
class Workbook {
  public:
    explicit Workbook(const std::string& out) : m_out(out) {
        const auto target = std::filesystem::absolute(out);
        std::string temp =
            (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
        const int fd = ::mkstemp(temp.data());
        if (fd < 0)
            fail_on_file("create", temp);
        ::close(fd);
        m_temp = temp;
        m_book = workbook_new(m_temp.c_str());
        if (!m_book) {
            std::filesystem::remove(m_temp);
            throw Error(ErrorKind::io, fmt::format("cannot start the workbook {}", out));
        }
        m_bold = workbook_add_format(m_book);
        format_set_bold(m_bold);
        m_date = workbook_add_format(m_book);
        format_set_num_format(m_date, "yyyy-mm-dd");
        m_percent = workbook_add_format(m_book);
        format_set_num_format(m_percent, "0%");
    }
    ~Workbook() {
        if (m_book)
            workbook_close(m_book);
        if (!m_temp.empty())
            std::filesystem::remove(m_temp);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* book() const { return m_book; }
    lxw_format* bold() const { return m_bold; }
    lxw_format* date() const { return m_date; }
    lxw_format* percent() const { return m_percent; }

    void commit() {
        const lxw_error error = workbook_close(m_book);
        m_book = nullptr;
        if (error != LXW_NO_ERROR)
            throw Error(ErrorKind::io, fmt::format("cannot write the workbook {}: {}", m_out,
                                                   lxw_strerror(error)));
        std::error_code failed;
        std::filesystem::rename(m_temp, m_out, failed);
        if (failed)
            throw Error(ErrorKind::io, fmt::format("cannot write {}: {}", m_out, failed.message()));
        m_temp.clear();
    }

  private:
    std::string m_out;
    std::string m_temp;
    lxw_workbook* m_book = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_percent = nullptr;
};

void write_date(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, date::year_month_day day,
                lxw_format* format) {
    lxw_datetime when{static_cast<int>(day.year()),
                      static_cast<int>(unsigned(day.month())),
                      static_cast<int>(unsigned(day.day())),
                      0,
                      0,
                      0.0};
    worksheet_write_datetime(sheet, row, column, &when, format);
}

void write_cell(const Workbook& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column,
                const SheetCell& cell) {
    if (cell.kind == CellKind::date && cell.day)
        write_date(sheet, row, column, *cell.day, book.date());
    else if (cell.kind == CellKind::number)
        worksheet_write_number(sheet, row, column, static_cast<double>(cell.number), nullptr);
    else if (!cell.text.empty())
        worksheet_write_string(sheet, row, column, cell.text.c_str(), nullptr);
}

} // namespace

void write_list_xlsx(const std::string& out, const std::vector<SheetColumn>& columns,
                     const std::vector<std::vector<SheetCell>>& rows) {
    Workbook book(out);
    lxw_worksheet* sheet = workbook_add_worksheet(book.book(), "Cases");
    for (std::size_t c = 0; c < columns.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].name.c_str(),
                               book.bold());
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             columns[c].kind == CellKind::text ? 18 : 12, nullptr);
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            write_cell(book, sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                       rows[r][c]);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()),
                         static_cast<lxw_col_t>(columns.size() - 1));
    book.commit();
}

namespace {

// Excel's sheet names: 31 characters at most, none of []:*?/\ .
std::string sheet_name(std::string title, std::vector<std::string>& taken) {
    for (char& ch : title)
        if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos)
            ch = '-';
    std::string name = title.substr(0, 31);
    for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n)
        name = title.substr(0, 28) + " " + std::to_string(n);
    taken.push_back(name);
    return name;
}

// A figure of the document as the number it is: "12" a count, "67%" a rate,
// "2026-10-04" a date; anything else stays text.
void write_figure(const Workbook& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column,
                  const std::string& text) {
    double value = 0;
    const bool is_percent = text.size() > 1 && text.back() == '%';
    const std::string_view digits =
        is_percent ? std::string_view(text).substr(0, text.size() - 1) : std::string_view(text);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty()) {
        worksheet_write_number(sheet, row, column, is_percent ? value / 100 : value,
                               is_percent ? book.percent() : nullptr);
    } else if (const auto day = parse_date(text)) {
        write_date(sheet, row, column, *day, book.date());
    } else {
        worksheet_write_string(sheet, row, column, text.c_str(), nullptr);
    }
}

// The organisation and the period, on the first two rows of every sheet.
lxw_row_t write_heading(const Workbook& book, lxw_worksheet* sheet, const Report& report,
                        const std::string& title) {
    worksheet_write_string(sheet, 0, 0, (report.organisation + ": " + title).c_str(), book.bold());
    worksheet_write_string(sheet, 1, 0, ("Period " + report.period.label).c_str(), nullptr);
    write_date(sheet, 1, 1, report.period.from, book.date());
    write_date(sheet, 1, 2, report.period.to, book.date());
    worksheet_set_column(sheet, 0, 0, 48, nullptr);
    worksheet_set_column(sheet, 1, 6, 14, nullptr);
    return 3;
}

// Where write_section put a section: its sheet, and the rows of its last
// table's figures (the first and the one after the last), for a chart.
struct Written {
    lxw_worksheet* sheet = nullptr;
    lxw_row_t first = 0;
    lxw_row_t end = 0;
};

Written write_section(const Workbook& book, const Report& report, const Section& section,
                      const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book.book(), name.c_str());
    Written written{sheet, 0, 0};
    lxw_row_t row = write_heading(book, sheet, report, section.title);
    for (const auto& note : section.notes)
        worksheet_write_string(sheet, row++, 0, note.c_str(), nullptr);
    for (const auto& table : section.tables) {
        ++row;
        for (std::size_t c = 0; c < table.header.size(); ++c)
            worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), table.header[c].c_str(),
                                   book.bold());
        written.first = ++row;
        for (const auto& cells : table.rows) {
            for (std::size_t c = 0; c < cells.size(); ++c)
                write_figure(book, sheet, row, static_cast<lxw_col_t>(c), cells[c]);
            ++row;
        }
        written.end = row;
    }
    return written;
}

// The chart beside the twelve months' table: the complaints received each
// month (the table's first two columns).
void chart_trend(const Workbook& book, const Written& trend, const std::string& name) {
    lxw_chart* chart = workbook_add_chart(book.book(), LXW_CHART_COLUMN);
    const auto range = [&](char column) {
        return fmt::format("='{}'!${}${}:${}${}", name, column, trend.first + 1, column, trend.end);
    };
    lxw_chart_series* series = chart_add_series(chart, range('A').c_str(), range('B').c_str());
    chart_series_set_name(series, "Received");
    chart_title_set_name(chart, "Complaints received, twelve months");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(trend.sheet, 2, 7, chart);
}

} // namespace

void write_report_xlsx(const std::string& out, const Report& report, const Document& document) {
    Workbook book(out);
    std::vector<std::string> taken;
    // The document's trend is the trend's one sheet, with its chart (it
    // was once written twice: as a section, then again for the chart).
    for (const auto& section : document.sections) {
        const bool trend = section.title == k_trend_title;
        const std::string name = sheet_name(trend ? "Trend" : section.title, taken);
        const Written written = write_section(book, report, section, name);
        if (trend && written.end > written.first)
            chart_trend(book, written, name);
    }
    book.commit();
}

} // namespace complaints::cli
