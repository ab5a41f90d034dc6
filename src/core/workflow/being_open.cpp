// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/being_open.hpp"

#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints {

namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string talk_text(const BeingOpenTalk& talk) {
    return fmt::format("Apology: {}\nWhat happened: {}\nRemedial actions: {}", talk.apology,
                       talk.explained, talk.remedial);
}

} // namespace

const Event* safety_incident(const Case& c) {
    return first_event(c, EventType::safety_incident);
}

void mark_safety_incident(Case& c, const Event& marking) {
    if (const Event* marked = safety_incident(c))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::already_done,
                      fmt::format("{} is already marked a patient safety incident ({})", c.id,
                                  marked->text),
                      c.id}});
    if (blank(marking.text))
        field_error(ProblemCode::field_missing,
                    "{incident}: give the reason the case is a patient safety incident", c.id);
    add_event(c, marking);
}

void check_being_open_allowed(const Policy& policy) {
    if (!policy.being_open)
        throw Error(ErrorKind::usage, "",
                    {{ProblemCode::no_being_open,
                      "this repository's policy has no Being Open step, so nothing would track "
                      "it; record what happened on the case's timeline instead",
                      ""}});
}

void record_being_open(Case& c, const BeingOpenTalk& talk, Event event) {
    std::vector<Problem> missing;
    const auto need = [&](bool absent, std::string message) {
        if (absent)
            missing.push_back({ProblemCode::field_missing, std::move(message), c.id});
    };
    need(
        !safety_incident(c),
        fmt::format("{} is not marked a patient safety incident (give {{incident}} REASON)", c.id));
    need(blank(talk.apology), "the apology given ({apology})");
    need(blank(talk.explained), "the explanation of what happened ({explained})");
    need(blank(talk.remedial), "the remedial actions put in place ({remedial})");
    need(talk.with.empty(), "who took part: the patient and who spoke with them ({with})");
    if (!missing.empty())
        throw Error(ErrorKind::refused,
                    fmt::format("cannot record the Being Open conversation for {}", c.id),
                    std::move(missing));
    event.type = EventType::being_open;
    event.text = talk_text(talk);
    event.attendees = talk.with;
    add_event(c, event);
}

void record_follow_up(Case& c, const Event& follow_up) {
    if (!first_event(c, EventType::being_open))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_too_early,
                      fmt::format("{}: record the Being Open conversation before its written "
                                  "follow-up",
                                  c.id),
                      c.id}});
    if (blank(follow_up.text) && follow_up.letter.empty())
        field_error(ProblemCode::field_missing, "{follow_up}: say what the written follow-up said",
                    c.id);
    add_event(c, follow_up);
}

std::vector<Problem> being_open_owed(const Case& c, const Policy& policy) {
    const Event* incident = safety_incident(c);
    if (!policy.being_open || !incident)
        return {};
    if (!first_event(c, EventType::being_open))
        return {{ProblemCode::being_open_pending,
                 fmt::format("a patient safety incident (marked {}) has no Being Open "
                             "conversation recorded",
                             format_timestamp(incident->at).substr(0, 10)),
                 c.id}};
    if (!first_event(c, EventType::being_open_follow_up))
        return {{ProblemCode::follow_up_pending,
                 "the Being Open conversation has no written follow-up recorded", c.id}};
    return {};
}

std::vector<Problem> insurer_owed(const Case& c, const Policy& policy) {
    const Event* incident = safety_incident(c);
    if (!policy.insurer_on_incident || !incident || first_event(c, EventType::insurer_notified))
        return {};
    return {{ProblemCode::insurer_not_told,
             fmt::format("the indemnity insurer has not been told of the patient safety "
                         "incident (marked {})",
                         format_timestamp(incident->at).substr(0, 10)),
             c.id}};
}

} // namespace complaints
