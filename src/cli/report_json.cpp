// SPDX-License-Identifier: Apache-2.0
// The report as JSON (docs/report.md, docs/schemas/report.schema.json) and as metric,value CSV.
#include "report_output.hpp"

namespace complaints::cli {

namespace {

Json counts_json(const std::vector<Count>& counts) {
    Json json = Json::object();
    for (const auto& count : counts)
        json[count.name] = count.count;
    return json;
}

// The same rows as by_practitioner, each with the GMC number it groups by
// (null for a practitioner known by name alone), for scripts.
Json practitioners_json(const std::vector<Count>& counts) {
    Json list = Json::array();
    for (const auto& count : counts)
        list.push_back({{"name", count.name},
                        {"gmc", count.gmc.empty() ? Json(nullptr) : Json(count.gmc)},
                        {"received", count.count}});
    return list;
}

Json optional_json(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}
Json optional_json(const std::optional<int>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json spread_json(const Spread& spread) {
    return Json{{"count", spread.count},
                {"median", optional_json(spread.median)},
                {"p90", optional_json(spread.p90)}};
}

Json responses_json(const ResponseFigures& r) {
    return Json{{"rule", r.rule},
                {"due", r.due},
                {"on_time", r.on_time},
                {"on_time_entered_late", r.on_time_entered_late},
                {"late_explained", r.late_explained},
                {"late_after_new_date", r.late_after_new_date},
                {"explained_entered_late", r.explained_entered_late},
                {"late", r.late},
                {"still_open", r.still_open},
                {"still_open_overdue", r.still_open_overdue},
                {"still_open_explained", r.still_open_explained},
                {"on_time_rate", optional_json(on_time_rate(r))},
                {"policy_met", r.policy_met},
                {"policy_met_rate", optional_json(policy_met_rate(r))}};
}

Json being_open_json(const BeingOpenFigures& b) {
    if (!b.applies)
        return nullptr;
    return Json{{"incidents", b.incidents},
                {"conversations", b.conversations},
                {"pending_at_end", b.pending_at_end},
                {"follow_ups_owed", b.follow_ups_owed},
                {"insurer_told", b.insurer_told},
                {"insurer_owed", b.insurer_owed},
                {"to_conversation", spread_json(b.to_conversation)}};
}

Json agents_json(const Report& report) {
    Json agents = Json::array();
    for (const auto& a : report.agents)
        agents.push_back(Json{{"agent", a.agent.empty() ? Json(nullptr) : Json(a.agent)},
                              {"assigned", a.assigned},
                              {"assigned_in_time", a.assigned_in_time},
                              {"resolved", a.resolved},
                              {"resolved_in_time", a.resolved_in_time},
                              {"open_at_end", a.open_at_end}});
    return agents;
}

Json acknowledgements_json(const AcknowledgementFigures& a) {
    return Json{{"within", format_duration(*a.span)},
                {"due", a.due},
                {"in_time", a.in_time},
                {"late", a.late},
                {"not_yet", a.not_yet}};
}

Json steps_json(const Report& report) {
    Json steps = Json::object();
    for (const auto& step : report.steps)
        steps[step.rule] = Json{{"within", format_duration(step.span)},
                                {"due", step.due},
                                {"in_time", step.in_time},
                                {"late", step.late},
                                {"not_yet", step.not_yet},
                                {"in_time_rate", optional_json(in_time_rate(step))}};
    return steps;
}

Json escalations_json(const Report& report) {
    Json by_body = Json::object();
    int total = 0;
    for (const auto& e : report.escalations) {
        by_body[e.body] = Json{{"referred", e.referred},
                               {"outcomes_recorded", e.outcomes_recorded},
                               {"pending_at_end", e.pending_at_end}};
        total += e.referred;
    }
    Json outcomes = Json::array();
    for (const auto& o : report.escalation_outcomes)
        outcomes.push_back(Json{{"case", o.case_id},
                                {"body", o.body},
                                {"outcome_date", format_date(o.on)},
                                {"outcome", o.outcome}});
    return Json{{"referred", total}, {"by_body", by_body}, {"outcomes", outcomes}};
}

Json clinicians_json(const Report& report) {
    Json issued = Json::array();
    for (const auto& w : report.warnings)
        issued.push_back(Json{{"case", w.case_id},
                              {"clinician", w.clinician},
                              {"gmc", w.gmc},
                              {"issued_date", format_date(w.on)},
                              {"reason", w.reason}});
    Json review = Json::array();
    for (const auto& r : report.under_review)
        review.push_back(Json{{"clinician", r.clinician},
                              {"gmc", r.gmc},
                              {"status", r.status},
                              {"since_date", r.since ? Json(format_date(*r.since)) : Json(nullptr)},
                              {"active_warnings", r.active_warnings}});
    Json near = Json::array(), decisions = Json::array();
    for (const auto& r : report.near_review)
        near.push_back(Json{
            {"clinician", r.clinician}, {"gmc", r.gmc}, {"active_warnings", r.active_warnings}});
    for (const auto& d : report.review_decisions)
        decisions.push_back(
            Json{{"case", d.case_id},
                 {"clinician", d.clinician},
                 {"gmc", d.gmc},
                 {"decided_date", format_date(d.on)},
                 {"decision", d.decision},
                 {"until_date", d.until ? Json(format_date(*d.until)) : Json(nullptr)},
                 {"by", d.by},
                 {"reason", d.reason}});
    Json rescinded = Json::array();
    for (const auto& w : report.warnings_rescinded)
        rescinded.push_back(Json{{"case", w.case_id},
                                 {"clinician", w.clinician},
                                 {"gmc", w.gmc},
                                 {"rescinded_date", format_date(w.on)},
                                 {"reason", w.reason}});
    return Json{{"issued", issued.size()},
                {"issued_list", issued},
                {"rescinded", rescinded.size()},
                {"rescinded_list", rescinded},
                {"under_review", review},
                {"near_review", near},
                {"reviews_due", report.reviews_due},
                {"review_decisions", decisions}};
}

Json actions_json(const Report& report) {
    Json overdue = Json::array();
    for (const auto& a : report.actions_overdue)
        overdue.push_back(Json{{"case", a.case_id},
                               {"n", a.number},
                               {"text", a.text},
                               {"lead", a.lead},
                               {"due_date", format_date(a.due)}});
    return Json{{"opened", report.actions_opened},
                {"completed", report.actions_completed},
                {"overdue_at_end", report.actions_overdue.size()},
                {"overdue_list", overdue}};
}

Json lessons_json(const Report& report) {
    Json list = Json::array();
    for (const auto& l : report.lessons)
        list.push_back(Json{
            {"case", l.case_id}, {"closed_date", format_date(l.closed)}, {"learning", l.learning}});
    return Json{{"count", report.lessons.size()},
                {"closed_without_learning", report.closed_without_learning},
                {"list", list}};
}

Json open_json(const Report& report) {
    Json oldest = Json::array();
    for (const auto& o : report.oldest_open) {
        Json item{{"case", o.case_id},
                  {"received_date", format_date(o.received)},
                  {"kind", name_of(o.kind)},
                  {"about", o.about},
                  {"working_days_open", o.working_days_open}};
        if (!o.complainant.empty())
            item["complainant"] = o.complainant;
        oldest.push_back(item);
    }
    return Json{{"total", report.open_at_end}, {"oldest", oldest}};
}

Json trend_json(const Report& report) {
    Json trend = Json::array();
    for (const auto& m : report.trend)
        trend.push_back(Json{
            {"month", fmt::format("{:04}-{:02}", int(m.month.year()), unsigned(m.month.month()))},
            {"received", m.received},
            {"responses_due", m.responses_due},
            {"on_time", m.on_time},
            {"pending", m.pending},
            {"on_time_rate", optional_json(on_time_rate(m.on_time, m.responses_due, m.pending))},
            {"completed_late", m.completed_late}});
    return trend;
}

// Every number in the JSON under its dotted path; lists of records stay in
// the JSON, except the trend, keyed by month.
void flatten(const Json& value, const std::string& path, std::vector<Row>& rows);

// The lists of records a sheet needs too: the agents by name (the
// unassigned as "(unassigned)"), the warnings lists by number from 1; each
// field a row, words as they are (`agents.Priya Shah.assigned`,
// `warnings.issued_list.1.reason`).
void flatten_records(const Json& list, const std::string& path, std::vector<Row>& rows) {
    const bool agents = path == "agents";
    int number = 0;
    for (const auto& record : list) {
        ++number;
        const std::string key = !agents                     ? std::to_string(number)
                                : record["agent"].is_null() ? std::string("(unassigned)")
                                                            : record["agent"].get<std::string>();
        for (const auto& [field, item] : record.items()) {
            if (agents && field == "agent")
                continue;
            const std::string at = path + "." + key + "." + field;
            if (item.is_string())
                rows.push_back({at, item.get<std::string>()});
            else
                flatten(item, at, rows);
        }
    }
}

void flatten(const Json& value, const std::string& path, std::vector<Row>& rows) {
    if (value.is_array() && (path == "agents" || path.starts_with("warnings."))) {
        flatten_records(value, path, rows);
    } else if (value.is_object()) {
        for (const auto& [key, item] : value.items())
            flatten(item, path.empty() ? key : path + "." + key, rows);
    } else if (value.is_array() && path == "trend") {
        for (const auto& month : value)
            for (const auto& [key, item] : month.items())
                if (key != "month")
                    flatten(item, path + "." + month["month"].get<std::string>() + "." + key, rows);
    } else if (value.is_number_float()) {
        // A rate or a median to one decimal, as a spreadsheet shows it:
        // 66.7, not 66.66666666666667.
        rows.push_back({path, fmt::format("{:.1f}", value.get<double>())});
    } else if (value.is_number() || value.is_null()) {
        rows.push_back({path, value.is_null() ? "" : value.dump()});
    }
}

// Keyed by clock, so CSV reads `completed.response.late`.
Json completed_json(const Report& report) {
    Json completed = Json::object();
    for (const auto& c : report.completed)
        completed[c.rule] =
            Json{{"done", c.done}, {"late", c.late}, {"late_explained", c.late_explained}};
    return completed;
}

Json themes_json(const Themes& t) {
    return Json{{"received", t.received},
                {"types", counts_json(t.types)},
                {"categories", counts_json(t.categories)},
                {"practitioners", practitioners_json(t.practitioners)},
                {"repeats", practitioners_json(t.repeats)}};
}

Json status_json(const Report& report) {
    Json status = Json::object();
    for (const auto& line : report_status(report))
        status[line.section] = Json{{"rag", rag_name(line.rag)}, {"words", line.words}};
    return status;
}

// Named for the main clock's step (`to_response` on the clinic,
// `to_resolution` on the platform), so each key says what it measures.
Json working_days_json(const Report& report) {
    const std::string rule = report.responses.rule.empty() ? "answer" : report.responses.rule;
    return Json{{"to_" + rule, spread_json(report.to_answer)},
                {"to_closing", spread_json(report.to_closing)}};
}

} // namespace

Json report_json(const Report& report) {
    Json received{{"total", report.received_total},
                  {"by_kind", counts_json(report.by_kind)},
                  {"by_channel", counts_json(report.by_channel)},
                  {"by_category", counts_json(report.by_category)},
                  {"by_type", counts_json(report.by_type)},
                  {"by_practitioner", counts_json(report.by_practitioner)},
                  {"by_practitioner_list", practitioners_json(report.by_practitioner)}};
    Json json{{"schema_version", k_json_schema_version},
              {"organisation", report.organisation},
              {"preset", report.preset},
              {"period", Json{{"label", report.period.label},
                              {"from_date", format_date(report.period.from)},
                              {"to_date", format_date(report.period.to)},
                              {"as_of_at", format_timestamp(report.as_of)}}},
              {"received", received},
              {"responses", responses_json(report.responses)},
              {"working_days", working_days_json(report)},
              {"outcomes", counts_json(report.outcomes)},
              {"satisfaction", counts_json(report.satisfaction)},
              {"escalations", escalations_json(report)},
              {"being_open", being_open_json(report.being_open)},
              {"warnings", clinicians_json(report)},
              {"actions", actions_json(report)},
              {"lessons", lessons_json(report)},
              {"open_at_end", open_json(report)},
              {"trend", trend_json(report)}};
    // Keys added within a version come last; absent where the policy runs
    // no acknowledgement clock.
    if (report.acknowledgements.span)
        json["acknowledgements"] = acknowledgements_json(report.acknowledgements);
    // Absent where no agent is assigned.
    if (!report.agents.empty())
        json["agents"] = agents_json(report);
    // The policy's other deadlines, by clock (absent where it runs none),
    // and mediation meetings.
    if (!report.steps.empty())
        json["steps"] = steps_json(report);
    json["mediations"] =
        Json{{"booked", report.mediations.booked}, {"held", report.mediations.held}};
    // Each clock's steps done in the period, whenever they fell due.
    json["completed"] = completed_json(report);
    json["themes"] = themes_json(report.themes);
    json["status"] = status_json(report);
    json["narrative"] = report_narrative(report);
    return json;
}

void print_report_csv(std::FILE* out, const Report& report) {
    // Who and when first, so a sheet pasted elsewhere still says what it is.
    std::vector<Row> rows{{"organisation", report.organisation},
                          {"period.label", report.period.label},
                          {"period.from_date", format_date(report.period.from)},
                          {"period.to_date", format_date(report.period.to)},
                          {"period.as_of_at", format_timestamp(report.as_of)}};
    flatten(report_json(report), "", rows);
    // Words a sheet shows as they are: each section's status, the narrative.
    for (const auto& line : report_status(report))
        rows.push_back({"status." + line.section, std::string(rag_name(line.rag))});
    rows.push_back({"narrative", report_narrative(report)});
    print_csv(out, {"metric", "value"}, rows);
}

} // namespace complaints::cli
