// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/letters.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/render/person_names.hpp"
#include "complaints/store/attachments.hpp"
#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

constexpr const char* k_months[] = {"January",   "February", "March",    "April",
                                    "May",       "June",     "July",     "August",
                                    "September", "October",  "November", "December"};

std::string day_of(const Timestamp& at, const date::time_zone& zone) {
    return long_date(local_date(at.utc, zone));
}

std::string_view finding_words(Finding finding) {
    switch (finding) {
    case Finding::upheld:
        return "Upheld";
    case Finding::partly_upheld:
        return "Partly upheld";
    case Finding::not_upheld:
        return "Not upheld";
    }
    return "";
}

// `text` ending with a full stop (or its own ! or ?), and no line break.
std::string ends_sentence(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?')
        text += '.';
    return text;
}

// A point as the complainant is told it: in their terms when recorded.
const std::string& point_words(const Point& point) {
    return point.for_complainant.empty() ? point.text : point.for_complainant;
}

// Whether `name` is the complainant's, titles and case aside ("Katie
// Morrison" is "Ms Katie Morrison").
bool is_complainant(const Case& c, std::string_view name) {
    const auto words = [](std::string_view of) {
        std::string joined;
        for (const auto& word : name_words(of))
            if (!is_title(word))
                joined += folded(word) + " ";
        return joined;
    };
    return !c.complainant.empty() && words(name) == words(c.complainant);
}

// People as a letter to the complainant names them: the complainant as
// "you", first; the others as recorded, joined with "and".
std::string named(const Case& c, const std::vector<std::string>& people) {
    std::vector<std::string> said;
    bool you = false;
    for (const auto& person : people)
        if (is_complainant(c, person))
            you = true;
        else
            said.push_back(person);
    if (you)
        said.insert(said.begin(), "you");
    if (said.size() < 2)
        return said.empty() ? "" : said.front();
    const std::string last = said.back();
    said.pop_back();
    return util::join(said, ", ") + " and " + last;
}

// Who spoke at an interview, meeting or consultation: its attendees. A
// statement is its author's, and a consultation the practitioner's who
// held it, each of whom may have entered it; whoever logs an interview or
// a meeting is its recorder, not the person interviewed.
std::string who_spoke(const Case& c, const Event& event) {
    if (!event.attendees.empty())
        return named(c, event.attendees);
    return event.type == EventType::interview || event.type == EventType::meeting ? "" : event.by;
}

// How a timeline event reads as a step of the investigation, or "" when it
// is not one: in the second person to the complainant ("we met you and Dr
// Baxter"), a call naming who it was with.
std::string investigation_step(const Case& c, const Event& event) {
    const std::string speaker = who_spoke(c, event);
    const std::string from = speaker.empty() ? "" : " from " + speaker;
    const std::string with = speaker.empty() ? "" : " with " + speaker;
    if (event.type == EventType::statement)
        return "we took a written statement" + from;
    if (event.type == EventType::interview)
        return speaker.empty() ? "we held an interview" : "we interviewed " + speaker;
    if (event.type == EventType::meeting)
        return speaker.empty() ? "we held a meeting" : "we met " + speaker;
    if (event.type == EventType::call)
        return event.attendees.empty() ? "we spoke by telephone" : "we spoke by telephone" + with;
    if (event.type == EventType::record_agreed)
        return "you agreed our written record of your complaint";
    if (event.type == EventType::record_signed)
        return "you signed our written record of your complaint";
    if (event.type == EventType::consultation_offered)
        return "we offered you a review consultation";
    if (event.type == EventType::consultation_held)
        return "you attended a review consultation" + with;
    if (event.type == EventType::independent_consultation_offered)
        return "we offered you a consultation with an independent practitioner";
    if (event.type == EventType::independent_consultation_held)
        return "you attended a consultation with an independent practitioner" +
               (speaker.empty() ? "" : ", " + speaker);
    return "";
}

// Whose treatment the letter speaks of: "your treatment" only when the
// patient complains; on someone's behalf, the treatment of that person.
std::string whose_treatment(const Case& c) {
    return c.on_behalf_of.empty() ? "your treatment" : "the treatment of " + c.on_behalf_of;
}

// The summary of the treatment the policy asks a response to give ("A
// summary of the patient's treatment"), from the facts recorded.
std::string treatment_summary(const Case& c) {
    if (c.treatment.empty() && !c.treated_on && c.treated_by.empty())
        return "";
    std::string what = c.treatment.empty() ? "Treatment" : c.treatment;
    while (!what.empty() && (what.back() == '\n' || what.back() == '.'))
        what.pop_back();
    std::string out = what;
    if (c.treated_on)
        out += ", on " + long_date(*c.treated_on);
    if (!c.treated_by.empty())
        out += ", by " + c.treated_by;
    std::string whose = whose_treatment(c);
    whose[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(whose[0])));
    return fmt::format("\n{}: {}.\n", whose, out);
}

// A practitioner as the register describes them: their role, and whether
// they practise here independently, under practising privileges.
std::string practitioner_said(const std::string& name, const Config& config) {
    const Practitioner* known = find_practitioner(config, name);
    if (!known)
        return name;
    std::vector<std::string> said;
    if (!known->role.empty())
        said.push_back(known->role);
    if (known->engagement == Engagement::independent)
        said.push_back(fmt::format("an independent practitioner with practising privileges at {}",
                                   config.organisation));
    return said.empty() ? known->name : fmt::format("{} ({})", known->name, util::join(said, ", "));
}

// A treatment (clinical) complaint speaks of the treatment; any other
// speaks of the complaint alone, with no treatment words.
void treatment(std::string& out, const Case& c, const Config& config) {
    const bool clinical = c.category == Category::clinical;
    out +=
        clinical ? "## Your complaint and " + whose_treatment(c) + "\n\n" : "## Your complaint\n\n";
    out += c.summary.empty() ? "(summary not recorded)\n" : c.summary;
    if (!out.ends_with('\n'))
        out += '\n';
    // What they asked for, so the conclusions below can be read against it.
    if (!c.desired_outcome.empty())
        out += fmt::format("\nYou told us what you would like to come of your complaint: {}\n",
                           ends_sentence(c.desired_outcome));
    if (clinical)
        out += treatment_summary(c);
    if (!c.practitioners.empty()) {
        const std::string plural = c.practitioners.size() > 1 ? "s" : "";
        std::vector<std::string> named;
        for (const auto& name : c.practitioners)
            named.push_back(practitioner_said(name, config));
        out += clinical ? fmt::format("\nPractitioner{} involved in {}: {}.\n", plural,
                                      whose_treatment(c), util::join(named, "; "))
                        : fmt::format("\nPractitioner{} involved: {}.\n", plural,
                                      util::join(named, "; "));
    }
}

// Whether `event` belongs in a letter answering from `since` (a further
// response answers what happened after the reopening).
bool since(const Event& event, const std::optional<Timestamp>& from) {
    return !from || event.at.utc >= from->utc;
}

void investigation(std::string& out, const Case& c, const date::time_zone& zone,
                   const std::optional<Timestamp>& from) {
    out += "\n## How we investigated your complaint\n\n";
    out += fmt::format("Your complaint was investigated by {} under our complaints policy. In the "
                       "course of the investigation:\n\n",
                       c.agent.empty() ? "the manager" : c.agent);
    bool any = false;
    for (const auto& event : c.events) {
        const std::string step =
            is_void(c, event) || !since(event, from) ? "" : investigation_step(c, event);
        if (step.empty())
            continue;
        out += fmt::format("- {}: {}.\n", day_of(event.at, zone), step);
        any = true;
    }
    if (!any)
        out += "- we reviewed your complaint and our records.\n";
    std::vector<const Event*> statements;
    for (const auto& event : c.events)
        // An internal statement informs the findings; it is not quoted.
        if ((event.type == EventType::statement || event.type == EventType::interview) &&
            event.visibility != Visibility::internal && !is_void(c, event) && since(event, from))
            statements.push_back(&event);
    if (statements.empty())
        return;
    out += "\nStatements and interview notes:\n";
    for (const Event* event : statements) {
        const std::string speaker = who_spoke(c, *event);
        out += fmt::format("\n> {} ({}), {}:\n>\n", speaker.empty() ? "A member of staff" : speaker,
                           event->type == EventType::statement ? "written statement" : "interview",
                           day_of(event->at, zone));
        std::string text = event->text;
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            out += "> " + text.substr(start, end - start) + "\n";
            start = end + 1;
        }
    }
}

// A point a further response answers: raised since the reopening, or
// given a finding since.
bool looked_at_again(const Case& c, const Point& point, const Timestamp& from) {
    if (point.added && point.added->utc >= from.utc)
        return true;
    const std::string finding = fmt::format("points[n: {}].finding", point.number);
    return std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) {
        return !is_void(c, e) && e.at.utc >= from.utc && records_field(e, finding);
    });
}

// The points the letter answers: all of them, or after a reopening those
// looked at again (all when none was).
std::vector<const Point*> answered_points(const Case& c, const std::optional<Timestamp>& from) {
    std::vector<const Point*> all, again;
    for (const auto& point : c.points) {
        all.push_back(&point);
        if (from && looked_at_again(c, point, *from))
            again.push_back(&point);
    }
    return again.empty() ? all : again;
}

void points(std::string& out, const Case& c, const std::optional<Timestamp>& from) {
    out += "\n## Your points and our conclusions\n";
    for (const Point* answered : answered_points(c, from)) {
        const Point& point = *answered;
        out += fmt::format("\n### {}. {}\n\n", point.number, point_words(point));
        if (!point.finding) {
            out += "**Finding:** not yet reached.\n";
            continue;
        }
        out += fmt::format("**Finding:** {}.\n\n{}\n", finding_words(*point.finding),
                           point.conclusion);
        if (!point.staff.empty())
            out += fmt::format("\n**Staff involved:** {}\n", point.staff);
        if (!point.remedial_action.empty())
            out += fmt::format("\n**What we have done:** {}\n", point.remedial_action);
    }
}

// The first event of `type` (not void) since `from`.
const Event* first_since(const Case& c, EventType type, const std::optional<Timestamp>& from) {
    for (const auto& event : c.events)
        if (event.type == type && !is_void(c, event) && since(event, from))
            return &event;
    return nullptr;
}

// The Being Open conversation the response recalls: who it was with, and
// its written follow-up.
std::string being_open_said(const Case& c, const date::time_zone& zone,
                            const std::optional<Timestamp>& from) {
    const Event* talk = first_since(c, EventType::being_open, from);
    if (!talk)
        return "";
    const std::string with = talk->attendees.empty() ? "you" : named(c, talk->attendees);
    const Event* follow_up = first_since(c, EventType::being_open_follow_up, from);
    return fmt::format(
        "On {} we spoke with {} openly about what happened: we explained it, "
        "apologised, and said what we would do to put it right, as our Being "
        "Open policy asks{}.",
        day_of(talk->at, zone), with,
        follow_up ? fmt::format(", and we wrote on {} to follow it up", day_of(follow_up->at, zone))
                  : "");
}

void apology_and_actions(std::string& out, const Case& c, const date::time_zone& zone,
                         const std::optional<Timestamp>& from) {
    const std::string open = being_open_said(c, zone, from);
    if (!open.empty() || !c.apology.empty())
        out += "\n## Our apology\n\n";
    if (!open.empty())
        out += open + "\n" + (c.apology.empty() ? "" : "\n");
    if (!c.apology.empty())
        out += c.apology + "\n";
    if (c.actions.empty())
        return;
    out += "\n## What we are changing\n\n";
    for (const auto& action : c.actions)
        out += fmt::format("- {} (led by {}, by {}{})\n", action.text, action.lead,
                           long_date(action.due), action.done ? "; done" : "");
}

// The review bodies open to this complaint, one line each.
std::string review_bodies(const Case& c, const Config& config) {
    std::string out;
    for (const auto& body : config.policy.review_bodies) {
        if (body.clinical_only && c.category != Category::clinical)
            continue;
        std::string name = body.name;
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        out += fmt::format("- {}: {}\n", name, body.contact);
    }
    return out;
}

void next_stage(std::string& out, const Case& c, const Config& config) {
    // The organisation's list, then what this case encloses besides.
    auto enclosures = letter_enclosures(config);
    auto more = c.enclosures;
    for (auto& name : enclosed_attachment_names(c))
        more.push_back(std::move(name));
    for (const auto& enclosure : more)
        if (std::find(enclosures.begin(), enclosures.end(), enclosure) == enclosures.end())
            enclosures.push_back(enclosure);
    if (!enclosures.empty()) {
        out += "\n## Enclosed\n\n";
        for (const auto& enclosure : enclosures)
            out += fmt::format("- {}\n", enclosure);
    }
    out += "\n## If you remain unhappy\n\n";
    out += "If you are not satisfied with this response, you can take your complaint further:\n\n";
    out += review_bodies(c, config);
}

std::string opening(const Case& c, const Config& config, date::year_month_day today) {
    return fmt::format("# {}\n\nOur reference: {}  \nDate: {}\n\nDear {},\n\n", config.organisation,
                       c.id, long_date(today),
                       c.complainant.empty() ? "Sir or Madam" : salutation(c.complainant));
}

// Signed with the name complaints.yaml gives. Without one the letter says
// where to set it, where the name goes, rather than sign with a bare role
// nobody would send as printed.
std::string signature(const Config& config, bool response = false) {
    const std::string name = letter_signer(config, response);
    if (!name.empty())
        return fmt::format("\nYours sincerely,\n\n{}  \n{}\n", name, config.organisation);
    const std::string_view placeholder = unsigned_placeholder(config, response);
    const std::string role =
        placeholder == k_unsigned_response ? "Responsible person" : letter_signatory(config);
    return fmt::format("\nYours sincerely,\n\n{}  \n{}  \n{}\n", placeholder, role,
                       config.organisation);
}

// Regulation 3(2)(d): where to get help to complain, where the policy says.
std::string advocacy(const Config& config) {
    const std::string help = letter_advocacy(config);
    return help.empty() ? "" : "\n\n## Help with your complaint\n\n" + help;
}

// A complaint made by phone or in person whose written record is not yet
// agreed: the policy says "This record must be agreed upon with the
// complainant and, ideally, signed", so the acknowledgement encloses it.
bool record_to_agree(const Case& c) {
    return (c.channel == Channel::phone || c.channel == Channel::in_person) &&
           !first_event(c, EventType::record_agreed);
}

// Where the organisation prefers its website's form, the acknowledgement of
// a complaint made another way gives the page, for this and any other.
std::string website_said(const Case& c, const Config& config) {
    if (config.website.empty() || config.policy.preferred_channel != Channel::web_form ||
        c.channel == Channel::web_form)
        return "";
    return fmt::format("\n\nOur complaints process, and the complaint form we ask you to use "
                       "for anything further, are on our website: {}",
                       config.website);
}

// The written record of a verbal complaint, enclosed for the complainant to
// agree and sign: what they said and the points as we understood them.
std::string written_record(const Case& c, const date::time_zone& zone) {
    std::string out = "\nEnclosed: our written record of your complaint, to agree and sign.\n";
    out += fmt::format("\n---\n\n## Our written record of your complaint\n\nReference: {}  \n"
                       "Received: {} {}\n\n",
                       c.id, day_of(c.received, zone), received_by(c.channel));
    out += c.summary.empty() ? "(summary not recorded)\n" : c.summary;
    if (!out.ends_with('\n'))
        out += '\n';
    if (!c.points.empty()) {
        out += "\nThe points you raised:\n\n";
        for (const auto& point : c.points)
            out += fmt::format("{}. {}\n", point.number, point_words(point));
    }
    return out + "\nI agree that this is a true record of my complaint.\n\nSigned: "
                 "______________________________  \nDate: ______________\n";
}

// The text as typed, followed by a line break when it ends without one.
void paragraph(std::string& out, std::string_view text) {
    out += text;
    if (!out.ends_with('\n'))
        out += '\n';
}

// "Thank you for your complaint on behalf of X, which we received on D by
// phone": who it is for before when and how it came, in every letter. What
// it is about only where `about` is a clinician known by GMC number: a
// "Reception team" or "Billing" would read wrongly after "about".
std::string thanks(const Case& c, const date::time_zone& zone) {
    const bool clinician = !c.gmc.empty() && !c.about.empty();
    return fmt::format("Thank you for your complaint{}{}, which we received on {} {}.",
                       c.on_behalf_of.empty() ? "" : " on behalf of " + c.on_behalf_of,
                       clinician ? " about " + c.about : "", day_of(c.received, zone),
                       received_by(c.channel));
}

// While the person a complaint is made for has not consented, the
// acknowledgement says why their consent is needed and that the response
// waits for it.
std::string consent_needed(const Case& c) {
    if (!consent_outstanding(c))
        return "";
    const std::string patient = c.on_behalf_of.empty() ? "the patient" : c.on_behalf_of;
    return fmt::format("\n\nAs you have made this complaint on behalf of {}, we need their consent "
                       "before we can share their personal or clinical information with you. "
                       "Please ask them to give it in writing, or contact us if they cannot. We "
                       "will look into your complaint meanwhile, but our response can only "
                       "discuss their care once we have it.",
                       patient);
}

} // namespace

std::string_view unsigned_placeholder(const Config& config, bool response) {
    if (!letter_signer(config, response).empty())
        return {};
    return response && config.policy.letter.responsible_person_signs ? k_unsigned_response
                                                                     : k_unsigned;
}

std::string responsible_person_caution(const Config& config, bool response) {
    if (!response || !config.policy.letter.responsible_person_signs ||
        !config.responsible_person.empty() || config.signatory.empty())
        return {};
    return fmt::format("the response is signed by {}, and the regulations have the responsible "
                       "person sign it: name them as responsible_person in complaints.yaml",
                       config.signatory);
}

std::string long_date(date::year_month_day day) {
    return fmt::format("{} {} {}", static_cast<unsigned>(day.day()),
                       k_months[static_cast<unsigned>(day.month()) - 1],
                       static_cast<int>(day.year()));
}

namespace {

// The last answer sent before `reopening`: the letter a further response
// follows.
const Event* answer_before(const Case& c, const Event& reopening) {
    const Event* found = nullptr;
    for (const auto& event : c.events)
        if (event_info(event.type).role == EventRole::answers && !is_void(c, event) &&
            event.at.utc < reopening.at.utc)
            found = &event;
    return found;
}

} // namespace

std::string response_letter(const Case& c, const Config& config, const date::time_zone& zone,
                            date::year_month_day today, std::optional<DueDate> due) {
    std::string out = opening(c, config, today);
    const Event* reopening = further_reopening(c);
    const std::optional<Timestamp> from =
        reopening ? std::optional(reopening->at) : std::optional<Timestamp>();
    if (const Event* before = reopening ? answer_before(c, *reopening) : nullptr)
        out += thanks(c, zone) +
               fmt::format(" This letter follows our letter of {}, as we have looked at your "
                           "complaint again: it explains how we considered it, our conclusion on "
                           "each point we looked at again, and what we are doing as a "
                           "result.\n\n",
                           day_of(before->at, zone));
    else
        out += thanks(c, zone) +
               " This letter is our full written response: it explains how we considered your "
               "complaint, our conclusion on each point you raised, and what we are doing as a "
               "result.\n\n";
    // Sent after the policy's date, or after the date an explanation of
    // delay gave: the letter owns it.
    if (due && date::sys_days{today} > date::sys_days{due->day})
        out +=
            fmt::format("We are sorry for the delay in sending you this response: {} {}.\n\n",
                        due->explained ? "we told you to expect it by" : "we aimed to send it by",
                        long_date(due->day));
    // An explanation of delay of this stage (an earlier stage's explained
    // another letter), or since the reopening.
    const Event* stage = stage_start(c);
    const std::optional<Timestamp> round = from    ? from
                                           : stage ? std::optional(stage->at)
                                                   : std::optional<Timestamp>();
    if (const Event* delay = first_since(c, EventType::delay_explained, round))
        out += fmt::format("We wrote to you on {} to explain why this response would take "
                           "longer.\n\n",
                           day_of(delay->at, zone));
    treatment(out, c, config);
    investigation(out, c, zone, from);
    points(out, c, from);
    apology_and_actions(out, c, zone, from);
    next_stage(out, c, config);
    return out + signature(config, true);
}

std::string delay_letter(const Case& c, const Config& config, const date::time_zone& zone,
                         date::year_month_day today, std::string_view reason,
                         std::optional<date::year_month_day> promised,
                         std::optional<date::year_month_day> aimed) {
    std::string out = opening(c, config, today);
    // A date no later than the one aimed for is no delay to apologise for.
    const bool passed = aimed && date::sys_days{today} > date::sys_days{*aimed};
    const bool later =
        passed || !promised || !aimed || date::sys_days{*promised} > date::sys_days{*aimed};
    out += thanks(c, zone) +
           (later ? " We are writing to explain why our full written response will take longer "
                    "than we aimed for, and when you will receive it. We are sorry for the "
                    "delay.\n\n"
                  : " We are writing to explain why our full written response is taking longer "
                    "than we hoped, and when you will receive it.\n\n");
    if (passed)
        out += fmt::format("Our response was due by {}, and we are sorry that we did not write "
                           "to you before then.\n\n",
                           long_date(*aimed));
    out += "## Why it is taking longer\n\n";
    paragraph(out, reason);
    out += "\n## When you will hear from us\n\n";
    out += promised ? fmt::format("We will send you our full written response by {}.\n",
                                  long_date(*promised))
                    : "We will send you our full written response as soon as it is ready.\n";
    out += "\nIf anything changes, we will tell you, and you are welcome to contact us at any "
           "time about your complaint.\n";
    return out + signature(config);
}

std::string resolution_letter(const Case& c, const Config& config, const date::time_zone& zone,
                              date::year_month_day today, std::string_view resolution) {
    std::string out = opening(c, config, today);
    out += thanks(c, zone) +
           fmt::format(" {}This letter confirms the resolution agreed.\n\n",
                       c.agent.empty() ? ""
                                       : c.agent + ", your main point of contact, looked into it "
                                                   "with everyone involved. ");
    out += "## The resolution agreed\n\n";
    paragraph(out, resolution);
    // A body that needs the organisation's response first is open from now on.
    if (const std::string bodies = review_bodies(c, config); !bodies.empty())
        out += "\n## If you remain unhappy\n\nIf you are not satisfied with this resolution, you "
               "can take your complaint further:\n\n" +
               bodies;
    return out + signature(config);
}

std::string acknowledgement_letter(const Case& c, const Config& config, const date::time_zone& zone,
                                   date::year_month_day today, std::optional<DueDate> response_due,
                                   std::optional<date::year_month_day> acknowledgement_due) {
    std::string out = opening(c, config, today);
    out += thanks(c, zone) +
           " This letter confirms that we have it and tells you how we will handle it.\n";
    if (acknowledgement_due && date::sys_days{today} > date::sys_days{*acknowledgement_due})
        out += fmt::format("\nWe are sorry for the delay in acknowledging it: we should have "
                           "written by {}.\n",
                           long_date(*acknowledgement_due));
    if (!c.points.empty()) {
        out += "\n## What we understand you have raised\n\n";
        for (const auto& point : c.points)
            out += fmt::format("{}. {}\n", point.number, point_words(point));
        out += "\nIf we have missed or misunderstood anything, please tell us.\n";
    }
    out += "\n## What happens next\n\n";
    out += "We will look into each point with the people involved";
    const bool passed = response_due && date::sys_days{today} > date::sys_days{response_due->day};
    if (!response_due)
        out += " and send you our written response.";
    else if (passed)
        // Never a promise of a date already gone: the date it was due, and
        // the explanation the clinic policy owes in place of a response.
        out += fmt::format(" and send you our written response as soon as it is ready. It was "
                           "due by {}, and we are sorry for the delay: we will write to explain "
                           "it and tell you when to expect it.",
                           long_date(response_due->day));
    else
        out +=
            fmt::format(" and send you our written response by {}{}.", long_date(response_due->day),
                        response_due->explained ? ", the date we gave you" : "");
    // Where the policy lets the period be agreed (the NHS regulations), the
    // acknowledgement offers to discuss it, and how the complaint is handled.
    const ClockRule* response = find_clock(config.policy, "response");
    const auto moved_by = [&](EventRole role) {
        return response && response->extended_by && event_info(*response->extended_by).role == role;
    };
    if (moved_by(EventRole::sets_answer_date))
        out += " We would like to discuss with you how we handle your complaint and when you "
               "can expect our response: please contact us to agree it.";
    // The clinic policy promises the response in time "or, where this is not
    // possible, an explanation as to the cause of the delay".
    if (response_due && !passed && !response_due->explained && moved_by(EventRole::explains_delay))
        out += " If we cannot send it by then, we will write to explain why and tell you when "
               "to expect it.";
    out += consent_needed(c);
    out += advocacy(config);
    out += website_said(c, config);
    const bool record = record_to_agree(c);
    if (record)
        out += fmt::format("\n\nAs you made your complaint {}, we enclose our written record of "
                           "it. Please check it: if it is right, sign it and send it back to us; "
                           "if not, tell us what to change.",
                           received_by(c.channel));
    out += "\n\nIf anything changes, we will tell you, and you are welcome to contact us at any "
           "time about your complaint.\n";
    out += signature(config);
    if (record)
        out += written_record(c, zone);
    return out;
}

} // namespace complaints
