// SPDX-License-Identifier: Apache-2.0
#pragma once
// Being Open: a patient safety incident is answered by a conversation with
// the patient (an apology, what happened, the remedial actions) and its
// written follow-up, as the clinic's policy and the statutory duty of
// candour (Regulation 20 of the Health and Social Care Act 2008 (Regulated
// Activities) Regulations 2014) ask.
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <optional>
#include <vector>

namespace complaints {

// What the Being Open conversation told the patient, and who was there.
struct BeingOpenTalk {
    std::string apology;
    std::string explained; // what happened
    std::string remedial;  // the remedial actions put in place
    std::vector<std::string> with;
};

// When the case was marked a patient safety incident, if it was.
const Event* safety_incident(const Case& c);

// Being Open is a step of the policy only where it says so (the clinic's
// "Being Open"): elsewhere a usage Error, since nothing would track it.
void check_being_open_allowed(const Policy& policy);

// Marks the case a patient safety incident; `marking` is the event, its text
// the reason. Refused when it is already marked.
void mark_safety_incident(Case& c, const Event& marking);

// Records the conversation as a `being-open` event at `at`. Refused for a
// case not marked an incident, and when a part is missing (all at once).
void record_being_open(Case& c, const BeingOpenTalk& talk, Event event);

// Records the written follow-up of the conversation. Refused before the
// conversation.
void record_follow_up(Case& c, const Event& follow_up);

// What the case still owes under Being Open, for `show`, `list --attention`
// and `check`: an incident with no conversation, or one with no follow-up.
std::vector<Problem> being_open_owed(const Case& c, const Policy& policy);

// The indemnity insurer not yet told of the case's patient safety incident,
// where the policy asks it (the clinic's "Insurance"): an `insurer-notified`
// event settles it. For `show`, the agenda, `list --attention` and `check`.
std::vector<Problem> insurer_owed(const Case& c, const Policy& policy);

} // namespace complaints
