// SPDX-License-Identifier: Apache-2.0
// The NHS Complaints Regulations' yearly figures as people and NHS England
// read them: regulation 18's annual report as a document, and the KO41b
// return as CSV in the return's own sections and order.
#include "report_annual.hpp"

#include "complaints/render/annual_return.hpp"

namespace complaints::cli {

namespace {

std::string period_text(const Period& period) {
    return fmt::format("{} ({} to {})", period.label, format_date(period.from),
                       format_date(period.to));
}

Table count_table(std::string_view what, const std::vector<Count>& counts) {
    Table table{{std::string(what), "complaints"}, {}};
    for (const auto& count : counts)
        table.rows.push_back({count.name, std::to_string(count.count)});
    return table;
}

Section figures_section(const AnnualReport& report) {
    Section section{"Complaints received, well-founded and referred", {}, {}, {}};
    section.tables.push_back(
        Table{{"regulation 18(1)", "figure"},
              {{"(a) complaints received", std::to_string(report.received)},
               {"complaints decided (upheld, partly upheld or not upheld)",
                std::to_string(report.decided)},
               {"(b) decided well-founded (upheld or partly upheld)",
                std::to_string(report.well_founded)},
               {"(c) referred to the Ombudsman", std::to_string(report.referred)}}});
    return section;
}

Section subjects_section(const AnnualReport& report) {
    Section section{"The subject matter of the complaints", {}, {}, {}};
    if (report.subjects.empty())
        section.notes.push_back("No subject matter recorded.");
    else
        section.tables.push_back(count_table("subject", report.subjects));
    if (report.subjects_unrecorded > 0)
        section.notes.push_back(fmt::format("{} complaint{} with no subject recorded.",
                                            report.subjects_unrecorded,
                                            report.subjects_unrecorded == 1 ? "" : "s"));
    return section;
}

Section learning_section(const AnnualReport& report) {
    Section section{"Matters of general importance", {}, {}, {}};
    if (report.learning.empty())
        section.notes.push_back("No lessons were recorded on the complaints decided this year.");
    Table table{{"case", "closed", "what was learnt"}, {}};
    for (const auto& lesson : report.learning)
        table.rows.push_back({lesson.case_id, format_date(lesson.closed), lesson.learning});
    if (!table.rows.empty())
        section.tables.push_back(std::move(table));
    return section;
}

Section actions_section(const AnnualReport& report) {
    Section section{"Action taken to improve services", {}, {}, {}};
    if (report.actions.empty())
        section.notes.push_back("No actions were added to an action plan this year.");
    Table table{{"case", "added", "action", "done"}, {}};
    for (const auto& action : report.actions)
        table.rows.push_back({action.case_id, format_date(action.added), action.text,
                              action.done ? format_date(*action.done) : "in progress"});
    if (!table.rows.empty())
        section.tables.push_back(std::move(table));
    return section;
}

void csv_rows(std::vector<Row>& rows, std::string_view section, const std::vector<Count>& counts) {
    int total = 0;
    for (const auto& count : counts) {
        rows.push_back({std::string(section), count.name, std::to_string(count.count)});
        total += count.count;
    }
    rows.push_back({std::string(section), "Total", std::to_string(total)});
}

} // namespace

Document annual_document(const AnnualReport& report) {
    Document document;
    document.title =
        fmt::format("Annual complaints report {}: {}", report.period.label, report.organisation);
    document.subtitle = fmt::format(
        "Regulation 18 of the Local Authority Social Services and National Health Service "
        "Complaints (England) Regulations 2009, for {}",
        period_text(report.period));
    document.sections = {figures_section(report), subjects_section(report),
                         learning_section(report), actions_section(report)};
    return document;
}

void print_ko41b_csv(std::FILE* out, const Ko41bReturn& figures) {
    std::vector<Row> rows{
        {"Return", "Organisation", figures.organisation},
        {"Return", "Period", period_text(figures.period)},
        {"Summary information", "Total brought forward", std::to_string(figures.brought_forward)},
        {"Summary information", "Total new complaints", std::to_string(figures.new_complaints)},
        {"Summary information", "Number upheld", std::to_string(figures.upheld)},
        {"Summary information", "Number partially upheld", std::to_string(figures.partly_upheld)},
        {"Summary information", "Number not upheld", std::to_string(figures.not_upheld)},
        {"Summary information", "Total resolved", std::to_string(figures.resolved())},
        {"Summary information", "Total carried forward",
         std::to_string(figures.carried_forward())}};
    csv_rows(rows, "Age of patient", figures.age_bands);
    csv_rows(rows, "Status of complainant", figures.complainant_statuses);
    csv_rows(rows, "Subject area", figures.subject_areas);
    csv_rows(rows, "Staff group", figures.staff_groups);
    print_csv(out, {"section", "item", "value"}, rows);
}

} // namespace complaints::cli
