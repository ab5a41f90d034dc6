// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/email_filing.hpp"

#include "complaints/base/error.hpp"
#include "complaints/store/case_id.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

namespace {

// "Name <address>", or the address alone.
std::string sender_of(const Email& email) {
    return email.sender_name.empty()
               ? email.sender_address
               : fmt::format("{} <{}>", email.sender_name, email.sender_address);
}

// The words of a subject that could be case IDs: runs of capitals, digits
// and dashes.
std::vector<std::string> id_shaped_words(const std::string& subject) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : subject + " ") {
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
            word += c;
            continue;
        }
        if (is_case_id(word))
            words.push_back(word);
        word.clear();
    }
    return words;
}

} // namespace

IncomingEmail incoming_email(std::string bytes, const std::string& shown, const Config& config) {
    IncomingEmail incoming;
    incoming.email = read_email(bytes, shown);
    // Its files first: a refusal then names the file that holds the problem.
    for (const auto& file : incoming.email.files) {
        if (file.bytes.empty())
            continue;
        incoming.files.push_back(check_incoming({file.name, file.bytes}, config));
        if (!incoming.files.back().caution.empty())
            incoming.cautions.push_back(incoming.files.back().caution);
    }
    const std::string base = shown == "-" || shown.empty() ? "message" : shown;
    const std::string name = base.substr(base.find_last_of('/') + 1);
    incoming.message =
        check_incoming({name.ends_with(".eml") ? name : name + ".eml", std::move(bytes)}, config);
    return incoming;
}

std::string email_event_text(const Email& email, Direction direction) {
    const bool sent = direction == Direction::sent;
    std::string text = fmt::format("{}: {}\nSubject: {}", sent ? "To" : "From",
                                   !sent                      ? sender_of(email)
                                   : email.recipients.empty() ? std::string("(no recipient named)")
                                                              : email.recipients,
                                   email.subject.empty() ? "(none)" : email.subject);
    if (!email.text.empty())
        text += "\n\n" + email.text;
    return text;
}

EmailOpening opening_from_email(const Email& email, const date::time_zone& zone) {
    EmailOpening opening;
    opening.complainant = email.sender_name.empty() ? email.sender_address : email.sender_name;
    opening.received = in_zone(email.received, zone);
    opening.summary = email.subject;
    opening.text = email_event_text(email);
    return opening;
}

Case case_from_email(const Email& email, const Config& config, const date::time_zone& zone,
                     const std::string& by, date::sys_seconds now) {
    const EmailOpening opening = opening_from_email(email, zone);
    Case c;
    c.kind = Kind::complaint;
    c.channel = Channel::email;
    c.complainant = opening.complainant;
    c.received = opening.received;
    c.summary = opening.summary.empty() ? "(no subject)" : opening.summary;
    Event opened;
    opened.type = EventType::opened;
    opened.at = c.received;
    opened.recorded = in_zone(now, zone);
    opened.by = by;
    opened.text = opening.text;
    c.events.push_back(std::move(opened));
    classify_intake(c, config.policy, std::nullopt, false);
    // As `open` does: the complaints manager investigates where the policy says.
    if (config.policy.manager_investigates)
        c.agent = complaints_manager_name(config);
    return c;
}

void add_to_index(MessageIndex& index, const Case& c) {
    for (const auto& event : c.events)
        if (!event.message_id.empty())
            index.emplace(event.message_id, c.id);
}

MessageIndex message_index(const std::vector<Case>& cases) {
    MessageIndex index;
    for (const auto& c : cases)
        add_to_index(index, c);
    return index;
}

void refuse_filed_twice(const MessageIndex& index, const Email& email) {
    const auto found = index.find(email.message_id);
    if (found == index.end())
        return;
    throw Error(ErrorKind::refused, "cannot file the email",
                {Problem(ProblemCode::already_filed,
                         fmt::format("the message <{}> is filed already, on {}", email.message_id,
                                     found->second),
                         found->second)});
}

std::optional<std::string> case_answered(const Email& email, const MessageIndex& index,
                                         const std::function<bool(const std::string&)>& exists) {
    for (const auto& word : id_shaped_words(email.subject))
        if (exists(word))
            return word;
    // The newest reference first: References lists the thread oldest first.
    for (auto id = email.replies_to.rbegin(); id != email.replies_to.rend(); ++id)
        if (const auto found = index.find(*id); found != index.end())
            return found->second;
    return std::nullopt;
}

void file_email(Case& c, StoreWriter& writer, Event event, const IncomingEmail& incoming) {
    event.message_id = incoming.email.message_id;
    const Event attached_template = [&] {
        Event e;
        e.type = EventType::attached;
        e.at = event.at;
        e.by = event.by;
        e.recorded = event.recorded;
        return e;
    }();
    const bool opening = event.type == EventType::opened;
    if (opening) {
        // The case is new: its first event is the opening, kept in place.
        c.events.front() = event;
        c.events.front().attachment = incoming.message.attachment;
        writer.keep_attachment(c.id, incoming.message.attachment, incoming.message.bytes);
    } else {
        attach_file(c, writer, event, incoming.message);
    }
    for (const auto& file : incoming.files) {
        const auto kept = attachments_of(c);
        if (std::any_of(kept.begin(), kept.end(), [&](const Event* e) {
                return e->attachment->sha256 == file.attachment.sha256;
            }))
            continue; // sent again in a reply: kept once
        Event attached = attached_template;
        attached.text = fmt::format("{} attached to the email from {}", file.attachment.name,
                                    sender_of(incoming.email));
        attach_file(c, writer, attached, file);
    }
}

} // namespace complaints
