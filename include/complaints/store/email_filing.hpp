// SPDX-License-Identifier: Apache-2.0
#pragma once
// What an email becomes in the repository: a new case's facts, or a message
// logged on the case it answers; the message kept byte for byte and each of
// its files attached; its Message-ID recorded so it is never filed twice.
#include "complaints/codec/config.hpp"
#include "complaints/codec/email.hpp"
#include "complaints/model/model.hpp"
#include "complaints/store/attachments.hpp"
#include "complaints/store/store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace complaints {

// An email read and every file it carries checked, before the lock: a
// refusal (a file past the limit, patient data in a text) stops it whole.
struct IncomingEmail {
    Email email;
    CheckedFile message; // the message as it arrived (message/rfc822)
    std::vector<CheckedFile> files;
    std::vector<std::string> cautions; // files the patient-data guard cannot read
};

// Reads `bytes` (read_email) and checks the message and its files against
// the repository's rules (check_incoming). `shown` names it in errors.
IncomingEmail incoming_email(std::string bytes, const std::string& shown, const Config& config);

// A new case's facts from an email: the sender as complainant (the display
// name, else the address), received when it reached us, the subject as the
// summary. The opening event's text is the message: sender, subject, body.
struct EmailOpening {
    std::string complainant;
    Timestamp received;
    std::string summary;
    std::string text;
};
EmailOpening opening_from_email(const Email& email, const date::time_zone& zone);

// A new case from an email alone, as intake opens it: a complaint by
// email, its opening by `by` dated when the message reached us, recorded
// `now`, classified by the policy as `open` classifies one.
Case case_from_email(const Email& email, const Config& config, const date::time_zone& zone,
                     const std::string& by, date::sys_seconds now);

// The text an email event records: who sent it (or, for one we sent, whom
// it went to), its subject and its body.
std::string email_event_text(const Email& email, Direction direction = Direction::received);

// Every Message-ID filed, and the case it is on.
using MessageIndex = std::unordered_map<std::string, std::string>;
MessageIndex message_index(const std::vector<Case>& cases);
void add_to_index(MessageIndex& index, const Case& c);

// Refused (already_filed), naming the case, when the message is filed.
void refuse_filed_twice(const MessageIndex& index, const Email& email);

// The case a message answers: one whose ID its subject names (for which
// `exists` says yes), else the case of a message its In-Reply-To or
// References names. Nothing for a message that starts a new case.
std::optional<std::string> case_answered(const Email& email, const MessageIndex& index,
                                         const std::function<bool(const std::string&)>& exists);

// Files the email on `c` with `event` (the case's `opened`, which must be
// its first event, or an `email` to add): the event keeps the message and
// its Message-ID, and each file the case does not keep already is attached
// by its own `attached` event at the same time. Files are queued on
// `writer` (keep_attachment), to be written with the case.
void file_email(Case& c, StoreWriter& writer, Event event, const IncomingEmail& incoming);

} // namespace complaints
