// SPDX-License-Identifier: Apache-2.0
#include "complaints/ops/open.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/workflow/being_open.hpp"
#include "complaints/workflow/practitioners.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <chrono>

namespace complaints {

namespace {

// A receipt this far ahead of the clock is a typing slip, not a clock skew.
constexpr auto k_clock_slack = std::chrono::minutes(5);

// Runs `check` and keeps what it refuses, so that every problem of the
// request is told at once.
template <typename Check> void collect(std::vector<Problem>& problems, Check check) {
    try {
        check();
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::usage)
            throw;
        if (e.problems().empty())
            problems.emplace_back(ProblemCode::value_invalid, e.describe([](std::string_view f) {
                return "{" + std::string(f) + "}";
            }));
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
}

void check_name(std::vector<Problem>& problems, const std::string& name, const char* field,
                const char* missing) {
    collect(problems, [&] { require_clean_text(name, fmt::format("{{{}}}", field)); });
    if (!name.empty() && folded(name).empty())
        problems.emplace_back(ProblemCode::field_missing,
                              fmt::format("{{{}}}: {}", field, missing));
}

std::vector<Problem> people_problems(const OpenRequest& request) {
    std::vector<Problem> problems;
    check_name(problems, request.complainant, "complainant", "give the complainant's name");
    const std::pair<const std::string*, const char*> texts[] = {
        {&request.on_behalf_of, "{on_behalf_of}"},
        {&request.about, "{about}"},
        {&request.type, "{type}"},
        {&request.treatment, "{treatment}"},
        {&request.treated_by, "{treated_by}"},
        {&request.summary, "{summary}"},
        {&request.desired_outcome, "{desired_outcome}"},
        {&request.safety_incident, "{safety_incident}"}};
    // Not a structured binding: clang before 16 cannot capture one.
    for (const auto& text : texts)
        collect(problems, [&] { require_clean_text(*text.first, text.second); });
    // Spaces are not a value: a blank summary or wish is refused, as a blank
    // point is.
    for (const auto& [text, what] : {std::pair{&request.summary, "summary"},
                                     std::pair{&request.desired_outcome, "desired_outcome"}})
        if (!text->empty() && folded(*text).empty())
            problems.emplace_back(
                ProblemCode::field_missing,
                fmt::format("{{{}}}: it is blank; give it, or leave it out", what));
    if (request.consent && request.on_behalf_of.empty())
        problems.emplace_back(ProblemCode::field_not_applicable,
                              "{consent} is about a complaint made on someone's behalf; give "
                              "{on_behalf_of}");
    for (const auto& name : request.practitioners) {
        check_name(problems, name, "practitioner", "give the practitioner's name");
        collect(problems, [&] { practitioner_named(name, request.practitioner_register); });
    }
    for (const auto& point : request.points)
        check_name(problems, point, "point", "a point raised needs its words");
    check_name(problems, request.officer, "officer", "give the investigating officer's name");
    if (!request.gmc.empty())
        collect(problems, [&] { check_gmc_number(request.gmc); });
    return problems;
}

std::vector<Problem> withdrawal_problems(const OpenRequest& request) {
    std::vector<Problem> problems;
    if (request.session.has_value() != request.withdrawn.has_value())
        problems.emplace_back(ProblemCode::field_missing, "{session} and {withdrawn} go together");
    else if (request.session && request.notice_days)
        problems.emplace_back(ProblemCode::fields_conflict,
                              "give {notice_days} or {session} and {withdrawn}, not both");
    return problems;
}

// When it came in, and when the opening is dated: a receipt never after the
// opening, never in the future.
std::vector<Problem> time_problems(const Timestamp& received, const Timestamp& opened,
                                   const Timestamp& now) {
    std::vector<Problem> problems;
    if (received.utc > now.utc + k_clock_slack)
        problems.emplace_back(
            ProblemCode::date_out_of_order,
            fmt::format("{{received}}: '{}' is in the future", format_timestamp(received)));
    if (opened < received)
        problems.emplace_back(ProblemCode::date_out_of_order,
                              fmt::format("{{at}}: {} is before the case was received ({})",
                                          format_timestamp(opened), format_timestamp(received)));
    return problems;
}

// Days between the withdrawal and the session, as given or from the dates.
std::optional<int> notice_days(const OpenRequest& request) {
    if (!request.session || !request.withdrawn)
        return request.notice_days;
    return (date::sys_days{*request.session} - date::sys_days{*request.withdrawn}).count();
}

Event opening_event(const OpenRequest& request, const Timestamp& received, const Timestamp& now,
                    Kind kind) {
    Event opened;
    opened.at = request.at.value_or(received);
    if (opened.at != now)
        opened.recorded = now;
    opened.type = EventType::opened;
    opened.by = request.by;
    opened.text = !request.opening_text.empty()
                      ? request.opening_text
                      : fmt::format("{} received {}", name_of(kind), received_by(request.channel));
    return opened;
}

// The request's facts on a new case, as given.
Case given_case(const OpenRequest& request, const Timestamp& received) {
    Case c;
    c.kind = request.kind.value_or(Kind::complaint);
    c.channel = request.channel;
    c.received = received;
    c.complainant = request.complainant;
    c.on_behalf_of = request.on_behalf_of;
    if (!request.on_behalf_of.empty())
        c.consent = request.consent.value_or(Consent::pending);
    c.about = request.about;
    c.category = request.category;
    c.type = request.type;
    c.summary = request.summary;
    c.desired_outcome = request.desired_outcome;
    for (const auto& name : request.practitioners)
        c.practitioners.push_back(practitioner_named(name, request.practitioner_register));
    int number = 0;
    for (const auto& text : request.points) {
        Point point;
        point.number = ++number;
        point.text = text;
        c.points.push_back(point);
    }
    c.gmc = request.gmc;
    c.happened = request.happened;
    c.treatment = request.treatment;
    c.treated_on = request.treated_on;
    c.treated_by = request.treated_by;
    c.session = request.session;
    c.withdrawn = request.withdrawn;
    return c;
}

// One GMC number, one clinician: another name under it is refused unless
// the request says it is the same person, and the opening records the alias.
std::vector<Namesake> check_clinician(Case& c, const OpenRequest& request,
                                      const OtherCases& others) {
    if (c.gmc.empty() && !request.same_clinician)
        return {};
    const std::vector<Case> all = others();
    if (const std::string owner = check_gmc_owner(c, all, request.same_clinician); !owner.empty())
        c.events.front().text +=
            fmt::format("; '{}' recorded as another name of {} (GMC {})", c.about, owner, c.gmc);
    return c.gmc.empty() ? std::vector<Namesake>{} : namesakes(c, all);
}

// Who investigates: the officer named, else the complaints manager where the
// policy has them investigate. The policy's own assignment step (the
// platform's, on a clock) is `assign`, never the opening.
void name_officer(Case& c, const OpenRequest& request, const Policy& policy) {
    if (!request.officer.empty() && !policy.manager_investigates)
        field_error(ProblemCode::field_not_applicable,
                    "{officer}: this repository's policy assigns its cases after opening; use "
                    "assign");
    c.agent = !request.officer.empty()      ? util::trim(request.officer)
              : policy.manager_investigates ? util::trim(request.manager)
                                            : std::string();
}

} // namespace

Opened open_case(const OpenRequest& request, const Policy& policy, Timestamp now,
                 const OtherCases& others) {
    const Timestamp received = request.received.value_or(request.at.value_or(now));
    const Event opened =
        opening_event(request, received, now, request.kind.value_or(Kind::complaint));
    std::vector<Problem> problems = people_problems(request);
    for (auto more : {withdrawal_problems(request), time_problems(received, opened.at, now),
                      unknown_return_codes(request.returns, policy)})
        problems.insert(problems.end(), more.begin(), more.end());
    if (!problems.empty())
        throw Error(ErrorKind::usage, "cannot open the case", std::move(problems));
    Opened result;
    result.c = given_case(request, received);
    Case& c = result.c;
    c.events.push_back(opened);
    classify_intake(c, policy, notice_days(request), request.kind.has_value());
    set_return_fields(c, request.returns, policy);
    name_officer(c, request, policy);
    if (!request.safety_incident.empty()) {
        check_being_open_allowed(policy);
        Event incident = opened;
        incident.type = EventType::safety_incident;
        incident.text = request.safety_incident;
        mark_safety_incident(c, incident);
    }
    result.scanned = clean_texts(c, policy);
    guard_patient_data(c, policy, &result.scanned);
    result.namesakes = check_clinician(c, request, others);
    return result;
}

} // namespace complaints
