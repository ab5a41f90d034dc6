// SPDX-License-Identifier: Apache-2.0
#pragma once
// The report's formats. JSON is the contract for scripts (docs/report.md);
// CSV flattens its figures; text, Markdown and HTML render one document
// model, so the three always hold the same sections.
#include "json_output.hpp"
#include "output.hpp"

#include "complaints/base/text.hpp"
#include "complaints/render/report.hpp"
#include "complaints/render/report_summary.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

Json report_json(const Report& report);
// One row per figure: `metric,value`, metric a dotted path into the JSON.
void print_report_csv(std::FILE* out, const Report& report);

struct Table {
    Row header;
    std::vector<Row> rows;
};

struct Section {
    std::string title;
    std::vector<std::string> notes;
    std::vector<Table> tables;
    std::string chart; // inline SVG, shown by HTML only
    // Against the policy's deadlines: "green", "amber" or "red" (none for a
    // section without one), and why in words, so no reader needs the colour.
    std::string status = {};
    std::string status_words = {};
};

struct Document {
    std::string title;
    std::string subtitle;
    std::vector<Section> sections;
    std::string summary = {}; // the period in a sentence, read first
};

Document report_document(const Report& report);
// The title of the document's last section, the twelve months to the
// period's end: the workbook charts it.
inline constexpr std::string_view k_trend_title = "Twelve-month trend";

// How the answer the policy's main clock waits for is spoken of: the clinic
// sends a response; the platform agrees a resolution ("A resolution is then
// agreed between the relevant parties").
struct AnswerWords {
    std::string title;  // "Responses", "Resolutions"
    std::string things; // "responses", "resolutions"
    std::string done;   // "sent", "agreed"
};
AnswerWords answer_words(const std::string& rule);

std::string render_text(const Document& document, bool colour);
std::string render_markdown(const Document& document);
// One self-contained page: styles inline, charts as SVG, no external files.
std::string render_html(const Document& document);

// The charts, as SVG elements sized to print on A4.
std::string trend_chart(const Report& report);
std::string category_chart(const Report& report);
std::string on_time_chart(const Report& report);

// What CQC Regulation 16(3) can ask for: each complaint received in the
// period with its response and correspondence, in time order.
Document cqc_summary(const std::vector<Case>& cases, const Period& period,
                     const date::time_zone& zone, const std::string& organisation,
                     bool include_names);

} // namespace complaints::cli
