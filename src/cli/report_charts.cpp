// SPDX-License-Identifier: Apache-2.0
// The report's charts as inline SVG: no script, no external file, so the
// page prints to PDF as it shows.
#include "report_output.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

// Every label at least 4.5:1 against the white page (WCAG AA), every mark
// at least 3:1: the axis grey and the line's orange were 2.9:1.
constexpr std::string_view k_bar = "#3b6ea5";
constexpr std::string_view k_line = "#b35900";
constexpr std::string_view k_line_text = "#9a4d0b";
constexpr std::string_view k_axis = "#57606a";

std::string svg_open(int width, int height, std::string_view title) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                       "viewBox=\"0 0 {0} {1}\" "
                       "role=\"img\" aria-label=\"{2}\"><title>{2}</title>",
                       width, height, html_escaped(std::string(title)));
}

std::string label(double x, double y, const std::string& text, std::string_view anchor = "middle",
                  int size = 11, std::string_view colour = "#1b1f24") {
    return fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
        x, y, size, anchor, colour, html_escaped(text));
}

std::string rect(double x, double y, double w, double h, std::string_view fill) {
    return fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>", x, y,
        std::max(w, 0.0), std::max(h, 0.0), fill);
}

std::string month_name(date::year_month month) {
    static constexpr std::string_view names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const unsigned m = unsigned(month.month());
    return std::string(names[m - 1]) + (m == 1 ? fmt::format(" {}", int(month.year())) : "");
}

// Horizontal bars, one per row, scaled to the largest.
std::string bar_rows(const std::vector<Count>& rows, int width, std::string_view title) {
    const int row_height = 22;
    const int left = 180;
    const int height = 30 + row_height * static_cast<int>(rows.size());
    int largest = 1;
    for (const auto& row : rows)
        largest = std::max(largest, row.count);
    std::string svg =
        svg_open(width, height, title) + label(0, 14, std::string(title), "start", 13);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = 24 + row_height * static_cast<double>(i);
        const double w = (width - left - 50) * static_cast<double>(rows[i].count) / largest;
        svg += label(left - 8, y + 14, rows[i].name, "end");
        svg += rect(left, y + 3, w, row_height - 6, k_bar);
        svg += label(left + w + 6, y + 14, std::to_string(rows[i].count), "start");
    }
    return svg + "</svg>";
}

} // namespace

std::string trend_chart(const Report& report) {
    const int width = 720, height = 260, left = 40, right = 44, top = 30, bottom = 40;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    int largest = 1;
    for (const auto& m : report.trend)
        largest = std::max(largest, m.received);
    std::string svg =
        svg_open(width, height, "Received per month (bars) and on-time rate (line), twelve months");
    svg += label(left, 16, "Received per month (bars) and on-time rate (line)", "start", 13);
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\"/>", left,
                       top + plot_h, left + plot_w, k_axis);
    svg += label(left - 6, top + 4, std::to_string(largest), "end", 10, k_axis);
    svg += label(left + plot_w + 6, top + 4, "100%", "start", 10, k_line_text);
    svg += label(left + plot_w + 6, top + plot_h, "0%", "start", 10, k_line_text);
    const double slot = plot_w / static_cast<double>(report.trend.size());
    // A month with no known fate has no rate: the line breaks there rather
    // than drawing a rate across months that had none.
    std::vector<std::string> runs(1);
    for (std::size_t i = 0; i < report.trend.size(); ++i) {
        const auto& m = report.trend[i];
        const double x = left + slot * static_cast<double>(i);
        const double h = plot_h * m.received / largest;
        svg += rect(x + slot * 0.15, top + plot_h - h, slot * 0.7, h, k_bar);
        if (m.received > 0)
            svg +=
                label(x + slot / 2, top + plot_h - h - 4, std::to_string(m.received), "middle", 10);
        svg += label(x + slot / 2, top + plot_h + 16, month_name(m.month), "middle", 10);
        if (const auto rate = on_time_rate(m.on_time, m.responses_due, m.pending)) {
            const double y = top + plot_h * (1 - *rate / 100);
            runs.back() += fmt::format("{:.1f},{:.1f} ", x + slot / 2, y);
            svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"/>",
                               x + slot / 2, y, k_line);
        } else if (!runs.back().empty()) {
            runs.emplace_back();
        }
    }
    for (const auto& points : runs)
        if (std::count(points.begin(), points.end(), ' ') > 1)
            svg += fmt::format(
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", points,
                k_line);
    return svg + "</svg>";
}

// Categories and types are two ways of sorting the same complaints: one
// chart each, never bars of both on one scale.
std::string category_chart(const Report& report) {
    std::string svg = bar_rows(report.by_category, 560, "Received by category");
    if (!report.by_type.empty()) {
        std::vector<Count> types(report.by_type.begin(),
                                 report.by_type.begin() + static_cast<long>(std::min<std::size_t>(
                                                              report.by_type.size(), 8)));
        svg += bar_rows(types, 560, "Received by type (the eight most common)");
    }
    return svg;
}

std::string on_time_chart(const Report& report) {
    const ResponseFigures& r = report.responses;
    const AnswerWords words = answer_words(r.rule);
    const int width = 560, height = 84, left = 10, bar_w = width - 20;
    struct Part {
        std::string name;
        int count;
        std::string_view colour;
    };
    std::vector<Part> parts{{"on time", r.on_time, "#2e8b57"}};
    // A clock that takes no explanation of delay (the platform's resolution)
    // has no late-but-explained series, as the text report decides.
    if (r.explains_delay)
        parts.push_back({"late, explained", r.late_explained, "#b35900"});
    parts.push_back({"late", r.late + r.late_after_new_date, "#c0392b"});
    parts.push_back({"not yet " + words.done, r.still_open, "#6e7781"});
    std::string svg =
        svg_open(width, height, fmt::format("How the {} due in the period went", words.things));
    svg += label(left, 14,
                 fmt::format("{} due in the period: {} (on time {})", words.title, r.due,
                             on_time_rate(r) ? fmt::format("{:.0f}%", *on_time_rate(r)) : "-"),
                 "start", 13);
    double x = left;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Part& part = parts[i];
        const double w = r.due > 0 ? bar_w * static_cast<double>(part.count) / r.due : 0;
        svg += rect(x, 24, w, 24, part.colour);
        x += w;
        svg += rect(left + 138.0 * static_cast<double>(i), 60, 12, 12, part.colour);
        svg += label(left + 138.0 * static_cast<double>(i) + 16, 71,
                     fmt::format("{} ({})", part.name, part.count), "start", 11);
    }
    if (r.due == 0)
        svg += rect(left, 24, bar_w, 24, "#eef1f4");
    return svg + "</svg>";
}

} // namespace complaints::cli
