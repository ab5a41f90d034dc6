// SPDX-License-Identifier: Apache-2.0
// complaints report: the governance report for a month, quarter, year or
// any span, and the CQC summary of the complaints in it.
#include "commands.hpp"
#include "complaints/base/text.hpp"
#include "report_annual.hpp"
#include "report_output.hpp"
#include "xlsx_output.hpp"

namespace complaints::cli {

namespace {

struct ReportOptions {
    std::string month;
    std::string quarter;
    std::string year;
    std::string from;
    std::string to;
    Format format = Format::text;
    std::string out;
    bool cqc_summary = false;
    bool annual = false; // regulation 18's annual report
    bool ko41b = false;  // the KO41b return
    bool include_names = false;
    bool no_cache = false;
};

Period chosen_period(const ReportOptions& o, date::year_month_day today) {
    const int chosen = !o.month.empty() + !o.quarter.empty() + !o.year.empty() +
                       (!o.from.empty() || !o.to.empty());
    if (chosen > 1)
        throw Error(ErrorKind::usage,
                    "choose one period: --month, --quarter, --year, or --from with --to");
    if (!o.month.empty())
        return parse_month(o.month, "--month");
    if (!o.quarter.empty())
        return parse_quarter(o.quarter, "--quarter");
    if (!o.year.empty())
        return parse_year(o.year, "--year");
    if (o.from.empty() != o.to.empty())
        throw Error(ErrorKind::usage, "--from and --to go together");
    if (o.from.empty())
        return last_complete_month(today);
    Period period{date_flag(o.from, "--from"), date_flag(o.to, "--to"),
                  fmt::format("{} to {}", o.from, o.to)};
    if (period.to < period.from)
        throw Error(ErrorKind::usage, fmt::format("--to {} is before --from {}", o.to, o.from));
    return period;
}

// The document's texts with their controls made visible: a report printed,
// piped or saved is read on a terminal sooner or later.
Document made_visible(Document document) {
    document.title = visible_controls(document.title);
    document.subtitle = visible_controls(document.subtitle);
    for (auto& section : document.sections) {
        section.title = visible_controls(section.title);
        for (auto& note : section.notes)
            note = visible_controls(note);
        for (auto& table : section.tables)
            make_visible(table.rows);
    }
    return document;
}

void print_document(const Document& given, Format format, const Context& context) {
    const Document document = made_visible(given);
    switch (format) {
    case Format::markdown:
        fmt::print("{}", render_markdown(document));
        return;
    case Format::html:
        fmt::print("{}", render_html(document));
        return;
    default:
        fmt::print("{}", render_text(document, context.colour(stdout)));
    }
}

// The yearly statutory outputs ask for a year, and have their own forms.
void check_yearly(const ReportOptions& o) {
    if (o.annual && o.ko41b)
        throw Error(ErrorKind::usage, "choose one: --annual or --ko41b");
    if (!o.annual && !o.ko41b)
        return;
    const std::string_view flag = o.annual ? "--annual" : "--ko41b";
    if (o.cqc_summary)
        throw Error(ErrorKind::usage, fmt::format("{} and --cqc-summary are two documents: "
                                                  "choose one",
                                                  flag));
    if (o.year.empty())
        throw Error(ErrorKind::usage,
                    fmt::format("{} is for a year: give --year, such as --year 2026-27 (the "
                                "NHS financial year, April to March)",
                                flag));
    if (o.ko41b && o.format != Format::text && o.format != Format::csv)
        throw Error(ErrorKind::usage, "--ko41b is the return's CSV: leave --format out, or give "
                                      "--format csv");
    if (o.annual && o.format != Format::text && o.format != Format::markdown &&
        o.format != Format::html)
        throw Error(ErrorKind::usage,
                    "--annual is a document: choose --format text, markdown or html");
}

// The KO41b as CSV, then its failed validations as a refusal: the figures
// are printed whatever they are, and a script sees they cannot go in yet.
void run_ko41b(const Period& period, const ReportContext& report_context,
               const std::vector<Case>& cases) {
    if (period.from.month() != date::April || period.from.day() != date::day{1} ||
        period.to != date::year_month_day{(period.from.year() + date::years{1}) / date::March / 31})
        throw Error(ErrorKind::usage,
                    fmt::format("--ko41b: the return is for an NHS financial year, April to "
                                "March: give --year such as 2026-27, not {}",
                                period.label));
    const Ko41bReturn figures = ko41b_return(cases, period, report_context);
    print_ko41b_csv(stdout, figures);
    if (!figures.problems.empty())
        throw Error(ErrorKind::refused,
                    fmt::format("the KO41b return for {} fails its validation", period.label),
                    figures.problems);
}

bool run_yearly(const ReportOptions& o, const Period& period, const Reader& repo) {
    if (!o.annual && !o.ko41b)
        return false;
    const auto& [context, store] = repo;
    const ReportContext report_context{
        store.config().policy,       store.calendar(), store.zone(), context.now,
        store.config().organisation, o.include_names};
    const std::vector<Case> cases = context.load_all(store);
    if (o.ko41b)
        run_ko41b(period, report_context, cases);
    else
        print_document(annual_document(annual_report(cases, period, report_context)), o.format,
                       context);
    return true;
}

void run_report(const ReportOptions& o, const Reader& repo) {
    const auto& [context, store] = repo;
    check_yearly(o);
    const Period period = chosen_period(o, local_date(context.now, store.zone()));
    if (run_yearly(o, period, repo))
        return;
    if ((o.format == Format::xlsx) != !o.out.empty())
        throw Error(ErrorKind::usage, "--format xlsx and --out FILE go together: a workbook is "
                                      "written to a file");
    if (o.cqc_summary &&
        (o.format == Format::json || o.format == Format::csv || o.format == Format::xlsx))
        throw Error(ErrorKind::usage,
                    "--cqc-summary is a document: choose --format text, markdown or html");
    if (o.cqc_summary && !store.config().policy.cqc_summary)
        throw Error(ErrorKind::usage,
                    "--cqc-summary: this repository's policy is not a CQC-registered provider's, "
                    "which keeps that summary; the report (without --cqc-summary) gives its "
                    "figures, and 'show ID' each case's record with its letters");
    if (o.cqc_summary) {
        print_document(cqc_summary(context.load_all(store), period, store.zone(),
                                   store.config().organisation, o.include_names),
                       o.format, context);
        return;
    }
    ReportBuilder builder(period,
                          ReportContext{store.config().policy, store.calendar(), store.zone(),
                                        context.now, store.config().organisation, o.include_names});
    context.scan(store, o.no_cache, [&](Case& c) { builder.add(c); });
    const Report report = builder.finish();
    if (o.format == Format::json)
        print_json(stdout, report_json(report));
    else if (o.format == Format::csv)
        print_report_csv(stdout, report);
    else if (o.format == Format::xlsx)
        write_report_xlsx(o.out, report, report_document(report));
    else
        print_document(report_document(report), o.format, context);
}

} // namespace

void setup_report(CLI::App& app, Context& context) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand(
        "report", "the governance report for a period (default: last complete month)");
    command->add_option("--month", options->month, "a calendar month, such as 2026-10")
        ->option_text("YYYY-MM");
    command
        ->add_option("--quarter", options->quarter,
                     "a calendar quarter, such as 2026Q3, or an NHS financial quarter, such as "
                     "2026-27-Q4 (Q1 is April to June)")
        ->option_text("QUARTER");
    command
        ->add_option("--year", options->year,
                     "a calendar year, such as 2026, or an NHS financial year, April to March, "
                     "such as 2026-27")
        ->option_text("YEAR");
    command->add_option("--from", options->from, "the first day of a span of your choosing")
        ->option_text("DATE");
    command->add_option("--to", options->to, "its last day, included")->option_text("DATE");
    command->add_flag(
        "--cqc-summary", options->cqc_summary,
        "the complaints received in the period with their responses and correspondence, in time "
        "order per case, as CQC may ask under Regulation 16(3)");
    command->add_flag("--annual", options->annual,
                      "with --year: the annual report regulation 18 of the NHS Complaints "
                      "Regulations 2009 asks for");
    command->add_flag("--ko41b", options->ko41b,
                      "with --year 2026-27: the KO41b return of written complaints to NHS "
                      "England, as CSV, its validations checked");
    command->add_flag(
        "--include-names", options->include_names,
        "show complainants' and patients' names (withheld by default: reports go to boards)");
    command->add_flag("--no-cache", options->no_cache,
                      "read every case file, neither using nor updating .complaints-cache");
    add_format_option(
        *command, options->format,
        {Format::text, Format::markdown, Format::html, Format::json, Format::csv, Format::xlsx});
    command->add_option("--out", options->out, "with --format xlsx: the workbook to write")
        ->option_text("FILE");
    reads(*command, context, [options](const Reader& repo) { run_report(*options, repo); });
}

} // namespace complaints::cli
