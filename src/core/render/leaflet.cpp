// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/leaflet.hpp"
#include "complaints/render/markdown.hpp"

#include "complaints/base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

// A policy whose complaints are about clinicians known by GMC number (the
// platform's): a practice complains about a clinician booked through the
// organisation, not a patient about their care.
bool about_clinicians(const Policy& policy) {
    return policy.warnings.needs_gmc;
}

bool takes(const Policy& policy, Kind kind) {
    return std::find(policy.kinds.begin(), policy.kinds.end(), kind) != policy.kinds.end();
}

// The written response that answers each point: a clock met by one.
bool written_response(const Policy& policy) {
    const ClockRule* answering = answering_clock(policy);
    return answering && std::find(answering->met_by.begin(), answering->met_by.end(),
                                  EventType::response_sent) != answering->met_by.end();
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

void paragraph(LeafletSection& section, std::string text) {
    section.blocks.push_back({std::move(text), false});
}
void item(LeafletSection& section, std::string text) {
    section.blocks.push_back({std::move(text), true});
}

// "Who Can Make a Complaint": the person affected, or someone for them; on
// a policy about clinicians, whoever worked with one.
LeafletSection who(const Config& config) {
    const Policy& policy = config.policy;
    LeafletSection section{"Who can complain", {}};
    if (about_clinicians(policy))
        item(section, "A practice, or anyone who worked with a clinician booked through " +
                          config.organisation + ", about that clinician.");
    else
        item(section, "Anyone directly affected by something we did, or did not do.");
    // The patient-data guard refuses a complaint made for a patient.
    if (policy.patient_data_guard)
        paragraph(section, "Please never send us patient details: we must not receive them, "
                           "under any circumstances.");
    else
        item(section, "Someone on behalf of a patient who has used our services. We will ask the "
                      "patient's consent before we share their information with you.");
    return section;
}

// "How Can a Complaint be Made?": the channels, the preferred one first.
LeafletSection how(const Config& config) {
    const Policy& policy = config.policy;
    LeafletSection section{"How to complain", {}};
    const std::string manager =
        config.complaints_manager.empty() ? letter_signatory(config) : config.complaints_manager;
    if (about_clinicians(policy)) {
        item(section, "Fill in our complaint form and send it to " + manager + ".");
    } else {
        if (policy.preferred_channel == Channel::web_form)
            item(section,
                 config.website.empty()
                     ? "Online, with the complaint form on our website: this is the way we "
                       "prefer. Tell us you want to complain and we will send you the link."
                     : fmt::format("Online, with the complaint form on our website, {}: this "
                                   "is the way we prefer. Tell us you want to complain and we "
                                   "will send you the link.",
                                   config.website));
        std::string spoken = "By phone or in person: tell any member of staff. We will write "
                             "down what you tell us";
        spoken += policy.verbal_record_agreed
                      ? ", agree that written record with you, and ask you to sign it."
                      : " and give you a copy.";
        item(section, spoken);
        item(section,
             "In writing, by email or by letter addressed to the manager: " + manager + ".");
    }
    if (takes(policy, Kind::feedback) && !takes(policy, Kind::concern))
        paragraph(section, "If the issue is minor, you can leave informal feedback instead.");
    if (policy.time_limit)
        paragraph(section,
                  fmt::format("Please complain within {} of what happened, or of when you "
                              "learnt of it. We can still look into a later complaint when "
                              "there is a good reason it was not made sooner.",
                              format_duration(*policy.time_limit)));
    // Regulation 4: the two people the regulations name, when set.
    if (!config.complaints_manager.empty() && !config.responsible_person.empty())
        paragraph(section, fmt::format("Our complaints manager is {}. {} is responsible for "
                                       "making sure we follow the complaints regulations, and "
                                       "signs our response.",
                                       config.complaints_manager, config.responsible_person));
    return section;
}

// Regulation 3(2)(d): where to get help to complain, free.
LeafletSection help(const Config& config) {
    LeafletSection section{"Help to complain", {}};
    paragraph(section, letter_advocacy(config));
    return section;
}

// One sentence for one deadline of the process, in the order they run.
std::string clock_sentence(const ClockRule& rule, const Duration& span) {
    const std::string within = format_duration(span);
    if (rule.name == "acknowledgement")
        return fmt::format("We acknowledge your complaint within {} of receiving it.", within);
    if (rule.name == "assignment")
        return fmt::format("Within {}, your complaint is assigned to a support agent, who is "
                           "your main point of contact throughout.",
                           within);
    if (rule.name == "investigation")
        return rule.earliest
                   ? fmt::format("The support agent investigates, contacting everyone involved "
                                 "and sharing the complaint with the clinician for their "
                                 "feedback. This takes between {} and {}.",
                                 format_duration(*rule.earliest), within)
                   : fmt::format("We investigate, contacting everyone involved, within {}.",
                                 within);
    if (rule.name == "response") {
        if (rule.extended_by && event_info(*rule.extended_by).role == EventRole::sets_answer_date)
            return fmt::format("We agree with you how long our response should take. Where no "
                               "period is agreed, you will have our written response within {}.",
                               within);
        if (rule.extended_by == EventType::delay_explained)
            return fmt::format("We aim to send you a full written response within {}, or, where "
                               "this is not possible, an explanation of the cause of the delay "
                               "and when to expect the response.",
                               within);
        return fmt::format("We send you a full written response within {}.", within);
    }
    if (rule.name == "explanation")
        return fmt::format("If we cannot respond within {} (or the period we agreed), we write "
                           "to explain why.",
                           within);
    if (rule.name == "resolution")
        return fmt::format("We aim to resolve every complaint within {} of receiving it: a "
                           "resolution is agreed between everyone involved, with a mediation "
                           "meeting where needed.",
                           within);
    return fmt::format("{}: within {}.", capitalised(rule.name), within);
}

// The deadlines switched on, with the policy's own numbers.
LeafletSection next(const Config& config) {
    LeafletSection section{"What happens next, and when", {}};
    const Policy& policy = config.policy;
    for (const auto& rule : policy.clocks)
        if (rule.span)
            item(section, clock_sentence(rule, *rule.span));
    if (policy.practitioners_named)
        paragraph(section, "If your complaint is about your treatment, we discuss it with the "
                           "practitioners involved, and we may offer you a further consultation "
                           "with them or with an independent practitioner.");
    if (written_response(policy))
        paragraph(section, "Our written response answers each point you raised: how we looked "
                           "into it, what we concluded, any apology, and what we are doing as a "
                           "result.");
    if (policy.being_open)
        paragraph(section, "If your complaint is about a patient safety incident, we talk to "
                           "you openly about what happened, apologise, tell you what we are "
                           "doing about it, and follow this up in writing.");
    if (policy.warnings.kept)
        paragraph(section,
                  fmt::format("A formal complaint may lead to a warning on the clinician's "
                              "record, kept for {}.{}",
                              format_duration(*policy.warnings.kept),
                              policy.warnings.review_at > 0 && policy.warnings.review_window
                                  ? fmt::format(" {} warnings within {} may lead to their "
                                                "account being suspended.",
                                                policy.warnings.review_at,
                                                format_duration(*policy.warnings.review_window))
                                  : ""));
    return section;
}

std::string body_line(const ReviewBody& body) {
    std::string line = capitalised(body.name);
    if (!body.contact.empty())
        line += ": " + body.contact;
    if (body.clinical_only)
        line += " (clinical complaints only)";
    if (body.earlier_with_reason)
        line += "; sooner if you feel the complaint is more serious";
    return line;
}

// "Stage 2": the reviews open once we have answered, and the bodies that
// can be approached at any time.
LeafletSection further(const Config& config) {
    LeafletSection section{"If you are not satisfied", {}};
    const auto& bodies = config.policy.review_bodies;
    bool any_after = false;
    for (const auto& body : bodies)
        any_after = any_after || body.after_response;
    if (any_after) {
        paragraph(section, "Once you have our response, if you remain unhappy, you can take "
                           "your complaint further to:");
        for (const auto& body : bodies)
            if (body.after_response)
                item(section, body_line(body));
    }
    if (any_after && bodies.size() > 1)
        paragraph(section, "At any time, you can also contact:");
    else if (!any_after && !bodies.empty())
        paragraph(section, "At any time, you can contact:");
    for (const auto& body : bodies)
        if (!body.after_response)
            item(section, body_line(body));
    return section;
}

// The body that reviews a complaint independently: the first the policy
// names that reviews (not one that only advises). The clinic's policy calls
// it "the independent complaints service" (ISCAS); the NHS's is the Ombudsman.
std::string independent_reviewer(const Policy& policy) {
    for (const auto& body : policy.review_bodies)
        if (!body.advice)
            return body.name;
    return "the independent complaints service";
}

std::string exclusion_sentence(Exclusion exclusion, const Policy& policy) {
    switch (exclusion) {
    case Exclusion::employment:
        return "A complaint by a member of staff about their employment.";
    case Exclusion::another_service:
        return "A complaint about another service.";
    case Exclusion::already_resolved:
        return "A complaint that has already been investigated and resolved.";
    case Exclusion::under_independent_review:
        return "A complaint that is being investigated by " + independent_reviewer(policy) + ".";
    case Exclusion::out_of_time:
        return "A complaint made after the time limit, unless there was good reason for the "
               "delay and it can still be investigated fairly.";
    }
    return {};
}

// "Complaints excluded from this policy": the policy's list, which is what
// `exclude --reason` takes, and what a concern is where the policy has one.
LeafletSection excluded(const Policy& policy) {
    LeafletSection section{"What this process does not cover", {}};
    for (const auto exclusion : policy.exclusions)
        item(section, exclusion_sentence(exclusion, policy));
    if (takes(policy, Kind::concern))
        paragraph(section, "Comments, general enquiries and suggestions are welcome, but are not "
                           "complaints. A concern can be raised informally with the manager, who "
                           "will usually resolve it with you directly.");
    return section;
}

constexpr std::string_view k_leaflet_style =
    "body{font-family:Georgia,'Times New Roman',serif;max-width:40em;margin:2em auto;"
    "padding:0 1em;line-height:1.5;color:#222}"
    "h1{font-size:1.7em;line-height:1.2;border-bottom:3px solid #2a6f97;padding-bottom:.3em}"
    "h2{font-size:1.25em;color:#2a6f97;margin-top:1.6em}"
    "li{margin:.35em 0}.intro{font-size:1.1em}"
    "footer{margin-top:2.5em;font-size:.9em;color:#555;border-top:1px solid #ccc;"
    "padding-top:.5em}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

} // namespace

Leaflet complaints_leaflet(const Config& config) {
    Leaflet leaflet;
    if (about_clinicians(config.policy)) {
        leaflet.title = "Complaints about a clinician: " + config.organisation;
        leaflet.introduction =
            "We want to know when a clinician has not met the standards expected of them, so "
            "that they can reflect and improve. Here is how to tell us, and what happens next.";
    } else {
        leaflet.title = "How to make a complaint: " + config.organisation;
        leaflet.introduction =
            "If we have not met the standard you expect, please tell us. Every complaint is "
            "investigated seriously, without blame, and we learn from it to improve our care.";
    }
    leaflet.sections = {who(config), how(config), next(config)};
    if (!letter_advocacy(config).empty())
        leaflet.sections.push_back(help(config));
    if (!config.policy.review_bodies.empty())
        leaflet.sections.push_back(further(config));
    if (!config.policy.exclusions.empty())
        leaflet.sections.push_back(excluded(config.policy));
    leaflet.footer = "Complaints information from " + config.organisation + ".";
    return leaflet;
}

std::string leaflet_markdown(const Leaflet& leaflet) {
    std::string out =
        "# " + markdown_text(leaflet.title) + "\n\n" + markdown_text(leaflet.introduction) + "\n";
    for (const auto& section : leaflet.sections) {
        out += "\n## " + markdown_text(section.title) + "\n";
        bool in_list = false;
        for (const auto& block : section.blocks) {
            if (!block.item || !in_list)
                out += "\n";
            out += (block.item ? "- " : "") + markdown_text(block.text) + "\n";
            in_list = block.item;
        }
    }
    return out + "\n---\n\n" + markdown_text(leaflet.footer) + "\n";
}

std::string leaflet_html(const Leaflet& leaflet) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>" +
                      html_escaped(leaflet.title) + "</title>\n<style>" +
                      std::string(k_leaflet_style) + "</style>\n</head>\n<body>\n<h1>" +
                      html_escaped(leaflet.title) + "</h1>\n<p class=\"intro\">" +
                      html_escaped(leaflet.introduction) + "</p>\n";
    for (const auto& section : leaflet.sections) {
        out += "<section>\n<h2>" + html_escaped(section.title) + "</h2>\n";
        bool in_list = false;
        for (const auto& block : section.blocks) {
            if (block.item && !in_list)
                out += "<ul>\n";
            if (!block.item && in_list)
                out += "</ul>\n";
            out += block.item ? "<li>" + html_escaped(block.text) + "</li>\n"
                              : "<p>" + html_escaped(block.text) + "</p>\n";
            in_list = block.item;
        }
        out += in_list ? "</ul>\n</section>\n" : "</section>\n";
    }
    return out + "<footer>" + html_escaped(leaflet.footer) + "</footer>\n</body>\n</html>\n";
}

} // namespace complaints
