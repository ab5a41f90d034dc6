// SPDX-License-Identifier: Apache-2.0
// The pages of `complaints serve` that read every case: today, the cases,
// the report, the clinicians; and the leaflet.
#include "serve_pages.hpp"
#include "agenda_text.hpp"
#include "decision_scan.hpp"
#include "report_output.hpp"

#include "complaints/base/text.hpp"
#include "complaints/render/agenda.hpp"
#include "complaints/render/leaflet.hpp"
#include "complaints/render/report.hpp"
#include "complaints/workflow/clinicians.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

// "Due in the next 5 working days", as `agenda` says.
constexpr int k_horizon_days = 5;
// A page lists this many cases at most; a filter narrows the rest.
constexpr std::size_t k_cases_shown = 500;

std::string status_badge(AgendaWhen when) {
    static constexpr std::array<std::string_view, 5> k_words{"Overdue", "Due today", "Due soon",
                                                             "Later", "Pending"};
    return fmt::format("<span class=\"status {}\">{}</span>", name_of(when),
                       k_words[static_cast<std::size_t>(when)]);
}

std::vector<std::string> agenda_row(const View& view, const AgendaItem& item) {
    std::vector<std::string> row{status_badge(item.when),
                                 case_link(item.case_id),
                                 esc(item.what),
                                 esc(item.person.empty() ? "(unassigned)" : item.person),
                                 esc(agenda_due_cell(item, view.store.zone())),
                                 esc(agenda_standing_cell(item))};
    if (view.include_names)
        row.insert(row.begin() + 2, esc(item.complainant));
    return row;
}

std::string agenda_section(const View& view, std::string_view title,
                           const std::vector<AgendaItem>& items, AgendaWhen when) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : items)
        if (item.when == when)
            rows.push_back(agenda_row(view, item));
    if (rows.empty())
        return fmt::format("<h2>{}</h2>\n<p class=\"note\">Nothing.</p>\n", esc(title));
    std::vector<std::string> header{"Status", "Case", "What", "Who", "Due", "Standing"};
    if (view.include_names)
        header.insert(header.begin() + 2, "Complainant");
    // The heading says what the caption says: the caption is for a screen
    // reader moving from table to table, not to be read twice.
    return fmt::format("<h2>{}</h2>\n<div class=\"agenda\">", esc(title)) +
           page_table(title, header, rows) + "</div>\n";
}

// The value of a case a filter compares, as the select lists it.
bool matches_text(const std::string& haystack, const std::string& needle) {
    return folded(haystack).find(folded(needle)) != std::string::npos;
}

bool about_person(const Case& c, const std::string& person) {
    if (matches_text(c.about, person) || matches_text(c.treated_by, person))
        return true;
    return std::any_of(c.practitioners.begin(), c.practitioners.end(),
                       [&](const std::string& p) { return matches_text(p, person); });
}

bool text_matches(const Case& c, const std::string& q, bool include_names) {
    if (matches_text(c.id, q) || matches_text(c.summary, q) || matches_text(c.type, q) ||
        matches_text(c.about, q) || (include_names && matches_text(c.complainant, q)))
        return true;
    for (const auto& point : c.points)
        if (matches_text(point.text, q))
            return true;
    return std::any_of(c.events.begin(), c.events.end(),
                       [&](const Event& e) { return matches_text(e.text, q); });
}

std::string parameter(const Query& query, const std::string& key) {
    const auto found = query.find(key);
    return found == query.end() ? "" : found->second;
}

bool case_matches(const View& view, const Case& c, const Query& query) {
    const auto wanted = [&](const char* key) { return parameter(query, key); };
    return (wanted("status").empty() || name_of(c.status) == wanted("status")) &&
           (wanted("kind").empty() || name_of(c.kind) == wanted("kind")) &&
           (wanted("category").empty() ||
            (c.category && name_of(*c.category) == wanted("category"))) &&
           (wanted("person").empty() || about_person(c, wanted("person"))) &&
           (wanted("agent").empty() || matches_text(c.agent, wanted("agent"))) &&
           (wanted("month").empty() || format_date(local_date(c.received.utc, view.store.zone()))
                                           .starts_with(wanted("month"))) &&
           (wanted("q").empty() || text_matches(c, wanted("q"), view.include_names));
}

template <class E> std::string enum_select(const char* key, const char* label, const Query& query) {
    const std::string chosen = parameter(query, key);
    std::string out =
        fmt::format("<label>{}<select name=\"{}\"><option value=\"\">any</option>", label, key);
    for (const auto& [value, name] : EnumNames<E>::names)
        out += fmt::format("<option{}>{}</option>", name == chosen ? " selected" : "", esc(name));
    return out + "</select></label>";
}

std::string text_input(const char* key, const char* label, const Query& query,
                       const char* type = "text") {
    return fmt::format("<label>{}<input type=\"{}\" name=\"{}\" value=\"{}\"></label>", label, type,
                       key, esc(parameter(query, key)));
}

std::string filter_form(const Query& query) {
    return "<form class=\"filters\" method=\"get\" action=\"/cases\">" +
           enum_select<Status>("status", "Status", query) +
           enum_select<Kind>("kind", "Kind", query) +
           enum_select<Category>("category", "Category", query) +
           text_input("person", "Practitioner or clinician", query) +
           text_input("agent", "Agent", query) + text_input("month", "Month", query, "month") +
           text_input("q", "Search", query, "search") +
           "<button type=\"submit\">Show</button></form>\n";
}

std::vector<std::string> case_row(const View& view, const Case& c) {
    const std::string summary = view.include_names ? c.summary : without_names(c, c.summary);
    std::vector<std::string> row{case_link(c.id),
                                 esc(format_date(local_date(c.received.utc, view.store.zone()))),
                                 esc(name_of(c.status)),
                                 esc(name_of(c.kind)),
                                 esc(c.category ? std::string(name_of(*c.category)) : ""),
                                 esc(c.about),
                                 esc(headline(summary, 90))};
    if (view.include_names)
        row.insert(row.begin() + 2, esc(c.complainant));
    return row;
}

// ?period= as `report` takes it: 2026-11, 2026-Q4 (or 2026-27-Q4), 2026.
Period asked_period(const View& view, const std::string& text) {
    if (text.empty())
        return last_complete_month(local_date(view.now, view.store.zone()));
    if (text.find('Q') != std::string::npos)
        return parse_quarter(text, "period");
    if (text.size() == 7)
        return parse_month(text, "period");
    return parse_year(text, "period");
}

std::string period_picker(const View& view, const std::string& chosen) {
    const date::year_month_day today = local_date(view.now, view.store.zone());
    date::year_month month = today.year() / today.month();
    std::string options;
    for (int i = 0; i < 13; ++i, month -= date::months(1)) {
        const std::string value =
            fmt::format("{:04}-{:02}", int(month.year()), unsigned(month.month()));
        options += fmt::format("<option{}>{}</option>", value == chosen ? " selected" : "", value);
    }
    return "<form class=\"filters\" method=\"get\" action=\"/report\"><label>Month"
           "<select name=\"month\">" +
           options + "</select></label>" + text_input("period", "or a quarter or year", {}) +
           "<button type=\"submit\">Show</button></form>\n";
}

} // namespace

Page today_page(const View& view) {
    const ClockContext clocks{view.store.config().policy, view.store.calendar(), view.store.zone(),
                              view.now};
    std::vector<AgendaItem> items;
    const DecisionRecord decisions = every_decision(view.store, false);
    view.context.scan(view.store, false, [&](Case& c) {
        for (auto& item :
             case_agenda(c, clocks, k_horizon_days, &decisions, view.store.config().agents_left))
            if (item.when != AgendaWhen::later) {
                if (!view.include_names)
                    item.what = without_names(c, item.what);
                items.push_back(std::move(item));
            }
    });
    sort_agenda(items);
    std::string body = fmt::format("<p>{} to act on, as of {}.</p>\n",
                                   plural(static_cast<long long>(items.size()), "item"),
                                   esc(uk_time(in_zone(view.now, view.store.zone()))));
    body += agenda_section(view, "Overdue", items, AgendaWhen::overdue);
    body += agenda_section(view, "Due today", items, AgendaWhen::today);
    body += agenda_section(view, "Due in the next 5 working days", items, AgendaWhen::soon);
    body += agenda_section(view, "Pending", items, AgendaWhen::pending);
    return {200, "text/html; charset=utf-8", page_frame(view.site, Nav::today, "Today", body), {}};
}

Page cases_page(const View& view, const Query& query) {
    std::vector<std::vector<std::string>> rows;
    std::size_t matched = 0;
    view.context.scan(view.store, false, [&](Case& c) {
        if (!case_matches(view, c, query))
            return;
        if (++matched <= k_cases_shown)
            rows.push_back(case_row(view, c));
    });
    std::vector<std::string> header{"Case",     "Received", "Status", "Kind",
                                    "Category", "About",    "Summary"};
    if (view.include_names)
        header.insert(header.begin() + 2, "Complainant");
    std::string body = filter_form(query);
    body += matched > k_cases_shown
                ? fmt::format("<p>{} match; the first {} are shown: narrow the filter.</p>\n",
                              matched, k_cases_shown)
                : fmt::format("<p>{} match.</p>\n", plural(matched, "case"));
    body += page_table("Cases", header, rows);
    return {200, "text/html; charset=utf-8", page_frame(view.site, Nav::cases, "Cases", body), {}};
}

Page report_page(const View& view, const Query& query) {
    // The free field, when filled, over the month list: both are sent.
    const std::string typed = parameter(query, "period");
    const std::string chosen = typed.empty() ? parameter(query, "month") : typed;
    const Period period = asked_period(view, chosen);
    ReportBuilder builder(
        period, ReportContext{view.store.config().policy, view.store.calendar(), view.store.zone(),
                              view.now, view.store.config().organisation, view.include_names});
    view.context.scan(view.store, false, [&](Case& c) { builder.add(c); });
    std::string html = render_html(report_document(builder.finish()));
    // The report as `report --format html` writes it, with the site's
    // header and the period picker above it.
    const std::string head = "<link rel=\"stylesheet\" href=\"/style.css\">\n</head>";
    html.replace(html.find("</head>"), 7, head);
    const std::string top =
        "<body>\n" + site_header(view.site, Nav::report) + period_picker(view, chosen);
    html.replace(html.find("<body>\n"), 7, top);
    return {200, "text/html; charset=utf-8", html, {}};
}

Page clinicians_page(const View& view) {
    const Policy& policy = view.store.config().policy;
    const date::year_month_day day = local_date(view.now, view.store.zone());
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : clinicians(view.context.load_all(view.store), policy, view.store.zone())) {
        if (policy.warnings.needs_gmc && c.gmc.empty())
            continue;
        const Standing standing = standing_on(c, policy, day);
        std::string cases;
        for (const auto& id : c.case_ids)
            cases += (cases.empty() ? "" : ", ") + case_link(id);
        rows.push_back({esc(c.name), esc(c.gmc), esc(name_of(standing.status)),
                        std::to_string(standing.active.size()), cases});
    }
    const std::string body =
        page_table("Clinicians", {"Clinician", "GMC", "Status", "Active warnings", "Cases"}, rows);
    return {200,
            "text/html; charset=utf-8",
            page_frame(view.site, Nav::clinicians, "Clinicians", body),
            {}};
}

Page leaflet_page(const View& view) {
    return {
        200, "text/html; charset=utf-8", leaflet_html(complaints_leaflet(view.store.config())), {}};
}

Page error_page(const Site& site, int status, std::string_view message) {
    return {status,
            "text/html; charset=utf-8",
            page_frame(site, Nav::none, status == 404 ? "Not found" : "Cannot show this",
                       "<p>" + esc(message) + "</p>\n"),
            {}};
}

} // namespace complaints::cli
