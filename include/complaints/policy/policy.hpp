// SPDX-License-Identifier: Apache-2.0
#pragma once
// The policy as data: each rule of the two policies has one value here, set
// by the preset and overridable in complaints.yaml. docs/policy.md cites the
// sentence each comes from. Workflow code asks the policy; it never
// hard-codes 14 or 48.
#include "complaints/model/model.hpp"
#include "complaints/time/calendar.hpp"
#include "complaints/time/duration.hpp"
#include "complaints/time/timestamp.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// Where a complainant can take the complaint next, and when: the letter
// signposts each one; `escalate` records a referral to it.
struct ReviewBody {
    std::string key; // as `escalate` names it
    std::string name;
    std::string contact;
    bool after_response; // only once stage 1 has answered
    bool clinical_only;  // only for clinical complaints
    // An advice and support service the complainant is signposted to, or
    // seeks help from: it gives no review outcome, so nothing waits on it.
    bool advice = false;
    // An after_response body that may also be told earlier, with a reason
    // recorded (the platform's Responsible Officer: "or feel the complaint
    // is more serious").
    bool earlier_with_reason = false;
    // What that reason says, as the refusal asks for it: "the complaint is
    // more serious". Empty: why the body is told now.
    std::string earlier_when;
    // Whether the body reviews the complaint itself, a second stage (ISCAS,
    // the Ombudsman), or runs a regulator's own process about the clinician
    // (the GMC, the Responsible Officer, the LMC): a referral, not a stage.
    bool stage_two = true;
    // Whether a referral awaiting its outcome stops the organisation closing
    // its own complaint. No preset's does: a complaint under independent
    // review is outside the organisation's own process (the clinic's and the
    // NHS's exclusions), which ends with its response; the referral is
    // tracked on the case until its outcome. complaints.yaml may say
    // otherwise, body by body.
    bool blocks_close = false;
    friend bool operator==(const ReviewBody&, const ReviewBody&) = default;
};

// One deadline of the process: the fact that starts it (receipt when none),
// the facts that meet it, the fact that moves it, and how long it runs.
struct ClockRule {
    std::string name;                     // the key complaints.yaml sets it by
    std::optional<Duration> span;         // off when unset
    std::optional<EventType> runs_from;   // none: from receipt (or a converted concern's start)
    std::vector<EventType> met_by;        // the first of these meets it
    std::optional<EventType> extended_by; // the last of these sets a new date
    bool extension_only_later = false;    // a new date before the span's end does not count
    std::optional<Duration> earliest;     // the step is not expected before this
    bool answers_complainant = false;     // the clock the complainant's answer is due by
    // Complaints received before this day run without the clock: a rule an
    // organisation (or a new version of its preset) took up later must not
    // judge, or change the reports of, the months before it.
    std::optional<date::year_month_day> since;
    // "A period of six months commencing on the day" it starts: that day is
    // the first counted, so the period ends the day before the same date
    // six months on. Calendar spans only; working days never count day 0.
    bool counts_start_day = false;
    // An extension whose role is `extends_within_limit` moves the date to
    // this span from the clock's start (NHS Scotland's stage 1: 10 working
    // days in all); off: such an extension runs a fresh span from its day.
    std::optional<Duration> extension_limit;
    friend bool operator==(const ClockRule&, const ClockRule&) = default;
};

// The complaint types a policy names, each with the category it implies.
struct ComplaintType {
    std::string name;
    Category category;
    friend bool operator==(const ComplaintType&, const ComplaintType&) = default;
};

// Warnings to a clinician: how long each stands, and how many inside which
// window call for a suspension review. Calendar time, never working days.
struct WarningRules {
    std::optional<Duration> kept;          // off: the policy issues no warnings
    int review_at = 0;                     // warnings that trigger a review; 0: never
    std::optional<Duration> review_window; // counted back from the latest warning
    // What a warning stands on: a closing outcome among these (empty: any),
    // a complainee known by GMC number (a service has none), and this step
    // recorded first (the complaint shared with the clinician for feedback).
    std::vector<Outcome> outcomes;
    bool needs_gmc = false;
    std::optional<EventType> after;
    friend bool operator==(const WarningRules&, const WarningRules&) = default;
};

// One step of a policy's order, as the event that records it.
struct ProcessStep {
    EventType type = EventType::note;
    bool once = false;
    friend bool operator==(const ProcessStep&, const ProcessStep&) = default;
};

// Who signs the response letter and what goes with it, where complaints.yaml
// names none.
struct LetterDefaults {
    std::string signatory;
    std::vector<std::string> enclosures;
    // The response is signed by the responsible person, the other letters
    // by the complaints manager (the NHS regulations 4 and 14(2)).
    bool responsible_person_signs = false;
    // Where a complainant gets free, independent help to complain
    // (regulation 3(2)(d)): the acknowledgement and the leaflet say it.
    std::string advocacy;
    friend bool operator==(const LetterDefaults&, const LetterDefaults&) = default;
};

// The NHS's annual return of written complaints (KO41b), as its guidance
// describes it: each new complaint counted by the patient's age band and
// the complainant's status (each complaint once), and by every subject area
// and staff group it concerns (a complaint may count under several). The
// code lists are data: the preset gives the best-known lists and
// complaints.yaml's `returns:` replaces any of them (docs/policy.md says
// which were confirmed from the published guidance).
struct ReturnCodes {
    std::vector<std::string> age_bands;
    std::vector<std::string> complainant_statuses;
    std::vector<std::string> subject_areas;
    std::vector<std::string> staff_groups;
    // Whether closing a complaint needs them all recorded (the return
    // counts every complaint); off where the policy makes no return.
    bool required = false;
    friend bool operator==(const ReturnCodes&, const ReturnCodes&) = default;
};

// A preset: every rule of one policy as data. docs/policy.md cites the
// sentence each value comes from, and a test holds the two together.
struct Policy {
    std::string preset;            // the preset's name, as complaints.yaml gives it
    std::vector<ClockRule> clocks; // in the order `show` lists them
    // Whose bank holidays the working days follow where complaints.yaml
    // names no region (and `init` is given none).
    Region region = Region::england_and_wales;
    std::vector<Kind> kinds; // what a case can be opened as
    // Why a case may be set outside the process (`exclude --reason`); empty:
    // the policy excludes nothing, and a complaint runs to its outcome.
    std::vector<Exclusion> exclusions;
    std::vector<ComplaintType> complaint_types; // empty: types are free text
    std::vector<ReviewBody> review_bodies;
    WarningRules warnings;
    int late_withdrawal_notice_days = 0; // platform: 3; 0: no such rule
    // Informal feedback closes when its acknowledgement is logged (platform),
    // and one still open this long is prompted for; none: never prompted.
    bool feedback_closes_on_acknowledgement = false;
    std::optional<Duration> feedback_prompt;
    // The steps of a formal complaint in the policy's order: each needs the
    // ones before it, closing (but for a withdrawal) needs them all, and a
    // `once` step is recorded once. Empty: any order.
    std::vector<ProcessStep> steps;
    // A complaint made longer than this after what it is about happened (or
    // was learnt of) is flagged, and goes ahead only with a recorded reason.
    std::optional<Duration> time_limit;
    bool patient_data_guard = false;
    std::vector<std::string> patient_data_patterns; // extra patterns to refuse
    // The way in the organisation asks complainants to use first, as the
    // leaflet says (clinic: the complaint form on its website).
    std::optional<Channel> preferred_channel;
    // A verbal complaint's written record must be agreed, and a
    // treatment-related complaint names its practitioners.
    bool verbal_record_agreed = false;
    bool practitioners_named = false;
    // A treatment-related complaint's response waits for the practitioner's
    // account: a statement by them, or an interview, meeting or call they
    // attended.
    bool practitioner_heard = false;
    // A patient safety incident is followed by a Being Open conversation
    // (apology, what happened, remedial actions) and its written follow-up.
    bool being_open = false;
    // A patient safety incident is told to the indemnity insurer: prompted
    // when the incident is marked, and owed on the agenda until it is logged.
    bool insurer_on_incident = false;
    // The complaints manager investigates: a new case names them its
    // investigating officer (its handler) unless `open` names another.
    bool manager_investigates = false;
    // A CQC-registered provider, which keeps the summary of complaints and
    // their responses that CQC may ask for (Regulation 16(3)).
    bool cqc_summary = false;
    LetterDefaults letter;
    ReturnCodes returns; // the statutory return's code lists (NHS England)
    friend bool operator==(const Policy&, const Policy&) = default;
};

const ReviewBody* find_review_body(const Policy& policy, std::string_view key);
// Whether the policy has a second stage: a body that reviews the complaint
// itself (not an advice service, nor a regulator's own process about the
// clinician, which runs on after the complaint closes). The platform has
// none: its referrals are "additional steps", and it speaks of no stages.
bool has_second_stage(const Policy& policy);
std::vector<std::string> review_body_keys(const Policy& policy);
const ClockRule* find_clock(const Policy& policy, std::string_view name);
// The clock switched on that an event of this type is the step for (first in
// its met_by), else the first it meets, if any.
const ClockRule* clock_met_by(const Policy& policy, EventType type);
// Whether an event of this type moves the rule's date: its `extended_by`,
// or, for the clock that answers the complainant, another type with the
// same role (an agreed period, and one the organisation set when the
// complainant declined to discuss it).
bool extends(const ClockRule& rule, EventType type);
// The clock switched on that answers the complainant, if any.
const ClockRule* answering_clock(const Policy& policy);

// A preset by its name (`init --preset`, complaints.yaml's `preset:`).
// Each registers itself from its own file in src/core/policy/presets/:
// CMakeLists.txt writes the table from the folder's files, so a new preset
// is one new file there, and nothing here names one.
struct PresetInfo {
    std::string_view name;
    std::string_view description; // one line: what organisation, under which rules
    Policy (*make)();
};
// Every preset, by name.
const std::vector<PresetInfo>& all_presets();
const PresetInfo* find_preset(std::string_view name);
std::vector<std::string> preset_names();
// The preset's policy, named; a usage error for a name no preset has.
Policy preset_policy(std::string_view name);

// The keys `policy:` in complaints.yaml takes: each clock by its name (and
// NAME_earliest), then the other rules.
std::vector<std::string> policy_key_names(const Policy& policy);

// Applies one override; throws a usage error naming what is wrong with `value`.
void override_policy(Policy& policy, std::string_view key, std::string_view value);

} // namespace complaints
