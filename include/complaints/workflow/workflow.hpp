// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the process allows: pure functions of the case (and the policy) that
// say what is missing before a step, and make the step. Commands call these
// and never decide for themselves.
#include "complaints/base/error.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <string>
#include <vector>

namespace complaints {

// A phone or in-person complaint, whose written record the complainant must agree.
bool is_verbal(const Case& c);
bool record_agreed(const Case& c);
// On someone's behalf, without their consent, and no recorded reason to go ahead.
bool consent_outstanding(const Case& c);
// 2 once the complaint has gone to an independent review body (not an
// advice service), else 1.
int stage(const Case& c, const Policy& policy);
// Whether the body referred to gives an outcome: an advice service gives none.
bool gives_outcome(const Escalation& referral, const Policy& policy);
// Whether the referral still waits for the body's outcome.
bool awaits_outcome(const Escalation& referral, const Policy& policy);
// The bodies whose outcome is still awaited, in the order referred.
std::vector<std::string> open_referrals(const Case& c, const Policy& policy);
// Those of them whose review holds up closing the case (ReviewBody::blocks_close).
std::vector<std::string> referrals_blocking_close(const Case& c, const Policy& policy);

// Throws unless a logged event carries what its type needs: an agreed
// response period names its date (not before receipt), and nothing else does.
void check_logged(const Case& c, const Event& event, const date::time_zone& zone);

// Checks a GMC number: seven digits.
void check_gmc_number(std::string_view gmc);

// Applies the policy's intake rules to a new case: the kind is one the policy
// knows, the type implies the category (a contradiction is refused), and a
// withdrawal with the policy's notice or less is a non-clinical complaint
// whatever the user said. `notice_days` is the withdrawal's notice, when known.
void classify_intake(Case& c, const Policy& policy, std::optional<int> notice_days,
                     bool kind_given);

// Made longer after what it is about than the policy's time limit allows,
// and no reason to go ahead recorded.
bool late_complaint_outstanding(const Case& c, const Policy& policy);

// What a manager should see on the case now (record to agree, consent, ...).
std::vector<Problem> attention(const Case& c, const Policy& policy);

// The mediation meeting booked and not yet held: the latest booking no void
// undoes and no mediation recorded since meets. Null when there is none.
const Event* booked_mediation(const Case& c);

// Throws `refused` unless the case is an open, formal, not excluded complaint;
// `doing` names the step in the message ("send the response").
void require_formal_complaint(const Case& c, std::string_view doing);
// The same, open or closed: what may be done on the record of a closed
// complaint too (drafting its letter again).
void require_complaint(const Case& c, std::string_view doing);
// Refuses (refused) an acknowledgement once one was sent, or once the full
// response went, which acknowledged the complaint already; a void one does
// not count.
void require_unacknowledged(const Case& c, const date::time_zone& zone);

// What the manager chose to go without, each for a reason they record.
struct ResponseWaivers {
    bool consent = false;      // the person it is on behalf of has not consented
    bool practitioner = false; // the practitioner's account could not be had
};

// A treatment-related complaint whose practitioner has given no account:
// no statement by them, no interview, meeting or call they attended, and no
// recorded reason to go without.
bool practitioner_unheard(const Case& c, const Policy& policy);

// Everything that stops the stage 1 response from going out, less what is
// waived.
std::vector<Problem> response_missing(const Case& c, const Policy& policy,
                                      const ResponseWaivers& waivers = {});
// Throws `refused` with everything response_missing finds.
void check_response(const Case& c, const Policy& policy, const ResponseWaivers& waivers = {});
// Throws `refused` once the response has gone: a delay is explained before it.
void check_delay(const Case& c);
// Throws a usage error when the policy's answering clock takes no
// explanation of delay (the platform's resolution clock: "we aim to resolve
// all complaints within 3 weeks" has no such step), naming what it does.
void check_delay_allowed(const Policy& policy);
// Throws a usage error when the policy's answering clock is met by another
// step than a written response (the platform answers the complainant with
// the resolution agreed), naming that step: `doing` says what was asked
// ("send the response"). A policy with no answering clock takes a response.
void check_response_allowed(const Policy& policy, std::string_view doing);

// Stage 1's answer to a point. Once the response is sent, a change is
// refused unless `correction` is given (see corrections.hpp).
void record_finding(Case& c, int point, Finding finding, const std::string& conclusion,
                    const std::string& remedial_action, const std::string& staff,
                    const std::optional<Event>& correction = std::nullopt);

// Throws `refused` when the body cannot be reached yet, or not for this case.
// `reason` lets an `earlier_with_reason` body be told before the response.
void check_escalation(const Case& c, const ReviewBody& body, const Policy& policy,
                      std::string_view reason = {});
// The referral whose outcome is still awaited (to `body`, or the only one
// when empty); throws `refused` when there is none, and a usage error when
// `body` is empty and several are open.
Escalation& open_escalation(Case& c, std::string_view body, const Policy& policy);

// Records that the complainant wants no written response (the event's text
// says why): "If the complainant wishes to receive a written response".
// Throws `refused` once the response has been sent, or for a case that is
// not a formal complaint.
void record_no_written_response(Case& c, const Event& choice);

// What stops the case from closing with the given outcome.
std::vector<Problem> close_missing(const Case& c, const Policy& policy, Outcome outcome,
                                   bool with_learning, bool with_no_learning);
void check_close(const Case& c, const Policy& policy, Outcome outcome, bool with_learning,
                 bool with_no_learning);

// Intake corrections: each throws `refused` when the case is past the step.
void check_exclude(const Case& c);
// Sets the case outside the process for `exclusion`'s reason, recording
// `event` (its time and author; the text is the operation's), or throws
// every problem at once: a reason the policy lacks, a case closed or
// answered; `already-resolved` without the earlier case that resolved it
// (the case itself is none), `under-independent-review` without the body
// (one of the policy's) and its reference; and for `out-of-time` a
// complaint not made late, or accepted late already, or refused without why
// (the complainant is told, and may go to the Ombudsman: regulation 12).
void exclude(Case& c, const Policy& policy, Excluded exclusion, Event event);
// Throws a usage error when the policy does not set complaints aside for
// `reason` (the platform sets none aside: a complaint runs to its outcome),
// naming the reasons it has, or what to do instead.
void check_exclusion_allowed(const Policy& policy, Exclusion reason);
void check_convert(const Case& c);
void check_consent(const Case& c);
// Records the agreed resolution (the event's text). A second one is a
// correction of what was sent: refused unless `correction` is given.
// Returns the resolution as it stands in the case.
Event& record_resolution(Case& c, const Event& resolution, const std::optional<Event>& correction);

// The action numbered `number`, still open; throws when there is none or it is done.
Action& open_action(Case& c, int number);

// Actions not done whose target date is before `today`.
std::vector<const Action*> overdue_actions(const Case& c, date::year_month_day today);

// "a; b; c", for refusals that list everything at once.
std::string joined(const std::vector<std::string>& items);

} // namespace complaints
