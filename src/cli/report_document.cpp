// SPDX-License-Identifier: Apache-2.0
// The report as a document: sections of notes and tables that text,
// Markdown and HTML each render.
#include "report_output.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

// An enum's spelling as a sentence says it: "partly-upheld" reads
// "partly upheld" on a page (JSON keeps the spelling scripts match).
std::string readable(std::string name) {
    std::replace(name.begin(), name.end(), '-', ' ');
    return name;
}

std::vector<Count> readable(std::vector<Count> counts) {
    for (auto& count : counts)
        count.name = readable(std::move(count.name));
    return counts;
}

std::string percent(const std::optional<double>& rate) {
    return rate ? fmt::format("{:.0f}%", *rate) : "-";
}

std::string number(const std::optional<double>& value) {
    return value ? fmt::format("{:g}", *value) : "-";
}

Table counts_table(std::string what, const std::vector<Count>& counts) {
    Table table{{std::move(what), "received"}, {}};
    for (const auto& count : counts)
        table.rows.push_back({count.name, std::to_string(count.count)});
    return table;
}

// By clinician: a GMC number's cases under the name on file, with the number
// where the preset knows clinicians by it (the platform), not on the clinic.
Table practitioners_table(const std::vector<Count>& counts, bool by_gmc) {
    Table table{{"practitioner or clinician", "received"}, {}};
    if (by_gmc)
        table.header.insert(table.header.begin() + 1, "GMC");
    for (const auto& count : counts) {
        table.rows.push_back({count.name, std::to_string(count.count)});
        if (by_gmc)
            table.rows.back().insert(table.rows.back().begin() + 1, count.gmc);
    }
    return table;
}

Section received_section(const Report& report) {
    Section section{
        "Received",
        {fmt::format("{} received in the period, of every kind.", report.received_total)},
        {},
        {}};
    section.tables.push_back(counts_table("kind", report.by_kind));
    section.tables.push_back(counts_table("channel", readable(report.by_channel)));
    section.tables.push_back(counts_table("category", report.by_category));
    if (!report.by_type.empty())
        section.tables.push_back(counts_table("type", report.by_type));
    if (!report.by_practitioner.empty())
        section.tables.push_back(
            practitioners_table(report.by_practitioner, report.clinicians_by_gmc));
    section.chart = category_chart(report);
    return section;
}

// What was done in the period whenever it fell due: a response sent late in
// December is late in December's report, though November's counted it due.
void completed_in_period(Section& section, const Report& report, const AnswerWords& words) {
    if (report.completed.empty())
        return;
    const CompletedFigures& answer = report.completed.front();
    std::string note = fmt::format("In the period, whenever due: {} {}, {} {} late", answer.done,
                                   words.done, answer.late, words.done);
    if (report.responses.explains_delay && answer.late_explained > 0)
        note += fmt::format(" ({} of them by the new date of a delay explained in time)",
                            answer.late_explained);
    section.notes.push_back(note + ".");
    Table table{{"done in the period, whenever due", "done", "of which late"}, {}};
    for (const auto& c : report.completed)
        table.rows.push_back({c.rule, std::to_string(c.done), std::to_string(c.late)});
    section.tables.push_back(std::move(table));
}

Section responses_section(const Report& report) {
    const ResponseFigures& r = report.responses;
    const AnswerWords words = answer_words(r.rule);
    Section section{words.title, {}, {}, {}};
    if (r.rule.empty()) {
        section.notes.push_back(
            "This repository's policy sets no response or resolution deadline.");
        return section;
    }
    section.notes.push_back(fmt::format(
        "Formal complaints whose {} deadline fell in the period, as they stood at its end.",
        r.rule));
    Table table{
        {"how it went", "complaints"},
        {{"due", std::to_string(r.due)},
         {"on time", std::to_string(r.on_time)},
         {"  of which entered after the deadline", std::to_string(r.on_time_entered_late)}}};
    // A policy with no explanation of delay has no late-but-explained case.
    if (r.explains_delay) {
        table.rows.push_back({"late, delay explained in time, sent by the new date",
                              std::to_string(r.late_explained)});
        table.rows.push_back({"late, delay explained in time, sent after the new date",
                              std::to_string(r.late_after_new_date)});
    }
    table.rows.push_back(
        {r.explains_delay ? "late, no explanation in time" : "late", std::to_string(r.late)});
    table.rows.push_back({"not yet " + words.done, std::to_string(r.still_open)});
    if (r.explains_delay)
        table.rows.push_back({"  of which delay explained, new date to come",
                              std::to_string(r.still_open_explained)});
    table.rows.push_back({"  of which overdue", std::to_string(r.still_open_overdue)});
    if (r.explains_delay)
        table.rows.push_back({"delay explained in time, entered after the deadline",
                              std::to_string(r.explained_entered_late)});
    table.rows.push_back(
        {fmt::format("{} within {}", words.done, r.span), percent(on_time_rate(r))});
    if (r.explains_delay)
        table.rows.push_back(
            {"met the policy (sent, or delay explained, in time)", percent(policy_met_rate(r))});
    section.tables.push_back(std::move(table));
    const auto spread_row = [](std::string what, const Spread& s) {
        return Row{std::move(what), std::to_string(s.count), number(s.median),
                   s.p90 ? std::to_string(*s.p90) : "-"};
    };
    section.tables.push_back(Table{{"working days", "cases", "median", "90th percentile"},
                                   {spread_row(fmt::format("to {}", r.rule), report.to_answer),
                                    spread_row("to closing", report.to_closing)}});
    completed_in_period(section, report, words);
    section.chart = on_time_chart(report);
    return section;
}

// The policy's other deadlines ("assigns the complaint to a support agent
// within 48 hours"; "This may take between 5-10 working days") and the
// mediation meetings; left out where there are neither.
std::optional<Section> steps_section(const Report& report) {
    const MediationFigures& m = report.mediations;
    if (report.steps.empty() && m.booked == 0 && m.held == 0)
        return std::nullopt;
    Section section{"Steps and mediation", {}, {}, {}};
    if (!report.steps.empty()) {
        section.notes.push_back("Formal complaints whose step fell due in the period, as they "
                                "stood at its end.");
        Table table{{"step", "due", "in time", "late", "not yet done", "in-time rate"}, {}};
        for (const auto& step : report.steps)
            table.rows.push_back(
                {fmt::format("{} (within {})", step.rule, format_duration(step.span)),
                 std::to_string(step.due), std::to_string(step.in_time), std::to_string(step.late),
                 std::to_string(step.not_yet), percent(in_time_rate(step))});
        section.tables.push_back(std::move(table));
    }
    section.tables.push_back(
        Table{{"mediation meetings", "in the period"},
              {{"booked", std::to_string(m.booked)}, {"held", std::to_string(m.held)}}});
    return section;
}

// Left out where the policy runs no acknowledgement clock.
std::optional<Section> acknowledgements_section(const Report& report) {
    const AcknowledgementFigures& a = report.acknowledgements;
    if (!a.span)
        return std::nullopt;
    const std::string within = format_duration(*a.span);
    Section section{"Acknowledgements",
                    {fmt::format("Formal complaints whose acknowledgement (due within {} of "
                                 "receipt) fell due in the period, as they stood at its end.",
                                 within)},
                    {},
                    {}};
    section.tables.push_back(Table{{"how it went", "complaints"},
                                   {{"due", std::to_string(a.due)},
                                    {"acknowledged within " + within, std::to_string(a.in_time)},
                                    {"acknowledged late", std::to_string(a.late)},
                                    {"not yet acknowledged", std::to_string(a.not_yet)}}});
    return section;
}

Section outcomes_section(const Report& report) {
    Section section{"Outcomes", {"Cases closed in the period, by outcome."}, {}, {}};
    Table table{{"outcome", "cases"}, {}};
    for (const auto& count : report.outcomes)
        table.rows.push_back({readable(count.name), std::to_string(count.count)});
    section.tables.push_back(table);
    Table satisfied{{"the complainant", "complaints"}, {}};
    for (const auto& count : report.satisfaction)
        satisfied.rows.push_back({readable(count.name), std::to_string(count.count)});
    section.tables.push_back(satisfied);
    return section;
}

Section escalations_section(const Report& report) {
    Section section{"Escalations", {}, {}, {}};
    if (report.escalations.empty()) {
        section.notes.push_back("No referral was made, decided or pending in the period.");
        return section;
    }
    Table bodies{{"body", "referred", "outcomes recorded", "pending at end"}, {}};
    for (const auto& e : report.escalations)
        bodies.rows.push_back({e.body, std::to_string(e.referred),
                               std::to_string(e.outcomes_recorded),
                               std::to_string(e.pending_at_end)});
    section.tables.push_back(bodies);
    if (!report.escalation_outcomes.empty()) {
        Table outcomes{{"case", "body", "on", "outcome"}, {}};
        for (const auto& o : report.escalation_outcomes)
            outcomes.rows.push_back({o.case_id, o.body, format_date(o.on), o.outcome});
        section.tables.push_back(outcomes);
    }
    return section;
}

// "Lantum then assigns the complaint to a support agent within 48 hours":
// each agent's complaints, counted to the agent each case has now.
Section agents_section(const Report& report) {
    Section section{"Support agents", {}, {}, {}};
    section.notes.push_back("Complaints by the support agent handling them: assigned in the "
                            "period, resolutions agreed in it, and open at its end; "
                            "(unassigned): those with no agent at its end.");
    Table table{{"agent", "assigned", "within the assignment clock", "resolved",
                 "within the resolution clock", "open at end"},
                {}};
    for (const auto& a : report.agents)
        table.rows.push_back({a.agent.empty() ? "(unassigned)" : a.agent,
                              std::to_string(a.assigned), std::to_string(a.assigned_in_time),
                              std::to_string(a.resolved), std::to_string(a.resolved_in_time),
                              std::to_string(a.open_at_end)});
    section.tables.push_back(table);
    return section;
}

Section being_open_section(const Report& report) {
    const BeingOpenFigures& b = report.being_open;
    Section section{"Being Open", {}, {}, {}};
    section.notes.push_back(
        "Patient safety incidents, and the Being Open conversation (an apology, what happened, "
        "the remedial actions) each owes the patient.");
    section.tables.push_back(
        Table{{"patient safety incidents", "cases"},
              {{"marked in the period", std::to_string(b.incidents)},
               {"Being Open conversations held", std::to_string(b.conversations)},
               {"no conversation yet at the end", std::to_string(b.pending_at_end)},
               {"conversation held, written follow-up owed", std::to_string(b.follow_ups_owed)},
               {"indemnity insurer told", std::to_string(b.insurer_told)},
               {"insurer not yet told at the end", std::to_string(b.insurer_owed)},
               {"working days to the conversation, median", number(b.to_conversation.median)}}});
    return section;
}

Section clinicians_section(const Report& report) {
    Section section{"Warnings and suspension reviews", {}, {}, {}};
    section.notes.push_back(plural(report.warnings.size(), "warning") + " issued in the period.");
    if (!report.warnings.empty()) {
        Table table{{"case", "clinician", "GMC", "issued", "reason"}, {}};
        for (const auto& w : report.warnings)
            table.rows.push_back({w.case_id, w.clinician, w.gmc, format_date(w.on), w.reason});
        section.tables.push_back(table);
    }
    if (!report.warnings_rescinded.empty()) {
        section.notes.push_back(plural(report.warnings_rescinded.size(), "warning") +
                                " rescinded on appeal in the period.");
        Table table{{"case", "clinician", "GMC", "rescinded", "appeal's outcome"}, {}};
        for (const auto& w : report.warnings_rescinded)
            table.rows.push_back({w.case_id, w.clinician, w.gmc, format_date(w.on), w.reason});
        section.tables.push_back(table);
    }
    section.notes.push_back(plural(report.reviews_due, "suspension review") +
                            " made due in the period; " +
                            plural(report.review_decisions.size(), "decision") + " recorded.");
    if (!report.review_decisions.empty()) {
        Table held{{"case", "clinician", "decided", "decision", "by", "reason"}, {}};
        for (const auto& d : report.review_decisions)
            held.rows.push_back({d.case_id, d.clinician, format_date(d.on),
                                 d.decision + (d.until ? " until " + format_date(*d.until) : ""),
                                 d.by, d.reason});
        section.tables.push_back(held);
    }
    if (report.under_review.empty())
        section.notes.push_back("No clinician in suspension review at the end of the period.");
    Table review{{"clinician", "GMC", "status", "active warnings"}, {}};
    for (const auto& r : report.under_review)
        review.rows.push_back(
            {r.clinician, r.gmc,
             r.status + (r.since ? " since " + format_date(*r.since) : std::string()),
             std::to_string(r.active_warnings)});
    // One warning short of a review: the ones to watch.
    for (const auto& r : report.near_review)
        review.rows.push_back({r.clinician, r.gmc, "one warning short of a review",
                               std::to_string(r.active_warnings)});
    if (!review.rows.empty())
        section.tables.push_back(review);
    return section;
}

Section actions_section(const Report& report) {
    Section section{"Action plans", {}, {}, {}};
    section.tables.push_back(
        Table{{"actions", "count"},
              {{"opened", std::to_string(report.actions_opened)},
               {"completed", std::to_string(report.actions_completed)},
               {"overdue at end", std::to_string(report.actions_overdue.size())}}});
    if (!report.actions_overdue.empty()) {
        Table overdue{{"case", "action", "lead", "due"}, {}};
        for (const auto& a : report.actions_overdue)
            overdue.rows.push_back(
                {a.case_id, fmt::format("{}. {}", a.number, a.text), a.lead, format_date(a.due)});
        section.tables.push_back(overdue);
    }
    return section;
}

Section lessons_section(const Report& report) {
    Section section{"Lessons learnt", {}, {}, {}};
    for (const auto& lesson : report.lessons)
        section.notes.push_back(fmt::format("{} (closed {}): {}", lesson.case_id,
                                            format_date(lesson.closed), lesson.learning));
    if (report.lessons.empty())
        section.notes.push_back("No case closed in the period recorded lessons.");
    if (report.closed_without_learning > 0)
        section.notes.push_back(
            plural(report.closed_without_learning, "case") +
            " closed with no learning identified, each with its reason on file.");
    return section;
}

Section open_section(const Report& report) {
    Section section{
        "Open at the end of the period", {plural(report.open_at_end, "case") + " open."}, {}, {}};
    if (report.oldest_open.empty())
        return section;
    const bool names = std::any_of(report.oldest_open.begin(), report.oldest_open.end(),
                                   [](const OpenCase& o) { return !o.complainant.empty(); });
    Table table{{"oldest", "received", "kind", "about", "working days open"}, {}};
    if (names)
        table.header.push_back("complainant");
    for (const auto& o : report.oldest_open) {
        table.rows.push_back({o.case_id, format_date(o.received), std::string(name_of(o.kind)),
                              o.about, std::to_string(o.working_days_open)});
        if (names)
            table.rows.back().push_back(o.complainant);
    }
    section.tables.push_back(table);
    return section;
}

Section trend_section(const Report& report) {
    Section section{std::string(k_trend_title), {}, {}, trend_chart(report)};
    const std::string due =
        report.responses.rule.empty() ? "responses due" : report.responses.rule + "s due";
    const std::string went_late = answer_words(report.responses.rule).done + " late";
    Table table{{"month", "received", due, "on time", "not yet due", "on-time rate", went_late},
                {}};
    for (const auto& m : report.trend)
        table.rows.push_back(
            {fmt::format("{:04}-{:02}", int(m.month.year()), unsigned(m.month.month())),
             std::to_string(m.received), std::to_string(m.responses_due), std::to_string(m.on_time),
             std::to_string(m.pending),
             percent(on_time_rate(m.on_time, m.responses_due, m.pending)),
             std::to_string(m.completed_late)});
    section.tables.push_back(table);
    return section;
}

// Over the twelve months: what complaints were about most, and whom or what
// they were about more than once.
Section themes_section(const Report& report) {
    const Themes& t = report.themes;
    Section section{"Themes over twelve months",
                    {fmt::format("{} received in the twelve months to {} (complaints and "
                                 "concerns; not feedback, not those excluded).",
                                 t.received, format_date(report.period.to))},
                    {},
                    {}};
    if (!t.types.empty())
        section.tables.push_back(counts_table("most common types", t.types));
    if (!t.categories.empty())
        section.tables.push_back(counts_table("category", t.categories));
    if (!t.practitioners.empty())
        section.tables.push_back(practitioners_table(t.practitioners, report.clinicians_by_gmc));
    if (t.repeats.empty()) {
        section.notes.push_back("No person or service was complained about more than once.");
        return section;
    }
    section.notes.push_back(
        "Repeat complaints: each person or service complained about more than once.");
    Table repeats{{"complained about more than once", "received"}, {}};
    for (const auto& r : t.repeats)
        repeats.rows.push_back({r.name, std::to_string(r.count)});
    section.tables.push_back(std::move(repeats));
    return section;
}

// Each status line on the section that shows its figures.
void add_status(std::vector<Section>& sections, const Report& report) {
    const auto title_of = [&](const std::string& key) -> std::string {
        if (key == "responses")
            return answer_words(report.responses.rule).title;
        if (key == "acknowledgements")
            return "Acknowledgements";
        if (key == "steps")
            return "Steps and mediation";
        if (key == "being_open")
            return "Being Open";
        return "Action plans";
    };
    for (const auto& line : report_status(report))
        for (auto& section : sections)
            if (section.title == title_of(line.section)) {
                section.status = std::string(rag_name(line.rag));
                section.status_words = line.words;
            }
}

} // namespace

AnswerWords answer_words(const std::string& rule) {
    if (rule == "resolution")
        return {"Resolutions", "resolutions", "agreed"};
    return {"Responses", "responses", "sent"};
}

Document report_document(const Report& report) {
    Document document;
    document.title =
        fmt::format("Complaints report {}: {}", report.period.label, report.organisation);
    document.subtitle = fmt::format("{} to {}, figures as at {}", format_date(report.period.from),
                                    format_date(report.period.to), format_minute(report.as_of));
    document.sections = {received_section(report), responses_section(report),
                         outcomes_section(report), escalations_section(report),
                         actions_section(report),  lessons_section(report),
                         open_section(report),     trend_section(report)};
    // Warnings and suspension reviews are the platform's: the clinic has none.
    if (report.warns_clinicians)
        document.sections.insert(document.sections.begin() + 4, clinicians_section(report));
    if (report.being_open.applies)
        document.sections.insert(document.sections.begin() + 4, being_open_section(report));
    if (auto acknowledgements = acknowledgements_section(report))
        document.sections.insert(document.sections.begin() + 1, std::move(*acknowledgements));
    const std::string answers = answer_words(report.responses.rule).title;
    auto after = std::find_if(document.sections.begin(), document.sections.end(),
                              [&](const Section& section) { return section.title == answers; });
    if (after != document.sections.end())
        ++after;
    if (auto steps = steps_section(report))
        after = document.sections.insert(after, std::move(*steps)) + 1;
    if (!report.agents.empty())
        document.sections.insert(after, agents_section(report));
    // Before the trend, which stays last (the workbook charts it).
    document.sections.insert(document.sections.end() - 1, themes_section(report));
    add_status(document.sections, report);
    document.summary = report_narrative(report);
    return document;
}

} // namespace complaints::cli
