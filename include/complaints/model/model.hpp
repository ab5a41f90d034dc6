// SPDX-License-Identifier: Apache-2.0
#pragma once
// The case as plain data. Facts only: deadlines and what is due are derived
// elsewhere from these facts, the policy and the calendar.
#include "complaints/base/enum_names.hpp"
#include "complaints/model/event_types.hpp"
#include "complaints/time/timestamp.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

enum class Kind { complaint, concern, feedback };
enum class Channel { web_form, phone, in_person, email, letter };
enum class Consent { yes, no, pending };
enum class Category { clinical, non_clinical };
enum class Status { open, closed };
enum class Finding { upheld, partly_upheld, not_upheld };
enum class Outcome { upheld, partly_upheld, not_upheld, resolved, withdrawn };
// Whether the complainant was satisfied with how the complaint ended, as
// the manager recorded it on closing.
enum class Satisfaction { satisfied, not_satisfied, not_known };
// Which way an email went: from the complainant (or anyone) to us, or ours out.
enum class Direction { received, sent };
// Whether a statement may be quoted to the complainant: an internal one
// informs the findings, and the response says only that it was taken.
enum class Visibility { shared, internal };
// Why a complaint is set outside the process. A new reason goes last:
// caches hold the number.
enum class Exclusion {
    employment,
    another_service,
    already_resolved,
    under_independent_review,
    out_of_time, // made after the time limit, and not accepted: refused, with why
};

template <> struct EnumNames<Direction> {
    static constexpr std::string_view what = "direction";
    static constexpr std::array<std::pair<Direction, std::string_view>, 2> names{
        {{Direction::received, "received"}, {Direction::sent, "sent"}}};
};
template <> struct EnumNames<Visibility> {
    static constexpr std::string_view what = "visibility";
    static constexpr std::array<std::pair<Visibility, std::string_view>, 2> names{
        {{Visibility::shared, "shared"}, {Visibility::internal, "internal"}}};
};
template <> struct EnumNames<Kind> {
    static constexpr std::string_view what = "kind";
    static constexpr std::array<std::pair<Kind, std::string_view>, 3> names{
        {{Kind::complaint, "complaint"}, {Kind::concern, "concern"}, {Kind::feedback, "feedback"}}};
};
template <> struct EnumNames<Channel> {
    static constexpr std::string_view what = "channel";
    static constexpr std::array<std::pair<Channel, std::string_view>, 5> names{
        {{Channel::web_form, "web-form"},
         {Channel::phone, "phone"},
         {Channel::in_person, "in-person"},
         {Channel::email, "email"},
         {Channel::letter, "letter"}}};
};
template <> struct EnumNames<Consent> {
    static constexpr std::string_view what = "consent";
    static constexpr std::array<std::pair<Consent, std::string_view>, 3> names{
        {{Consent::yes, "yes"}, {Consent::no, "no"}, {Consent::pending, "pending"}}};
};
template <> struct EnumNames<Category> {
    static constexpr std::string_view what = "category";
    static constexpr std::array<std::pair<Category, std::string_view>, 2> names{
        {{Category::clinical, "clinical"}, {Category::non_clinical, "non-clinical"}}};
};
template <> struct EnumNames<Status> {
    static constexpr std::string_view what = "status";
    static constexpr std::array<std::pair<Status, std::string_view>, 2> names{
        {{Status::open, "open"}, {Status::closed, "closed"}}};
};

template <> struct EnumNames<Finding> {
    static constexpr std::string_view what = "finding";
    static constexpr std::array<std::pair<Finding, std::string_view>, 3> names{
        {{Finding::upheld, "upheld"},
         {Finding::partly_upheld, "partly-upheld"},
         {Finding::not_upheld, "not-upheld"}}};
};
template <> struct EnumNames<Satisfaction> {
    static constexpr std::string_view what = "satisfaction";
    static constexpr std::array<std::pair<Satisfaction, std::string_view>, 3> names{
        {{Satisfaction::satisfied, "satisfied"},
         {Satisfaction::not_satisfied, "not-satisfied"},
         {Satisfaction::not_known, "not-known"}}};
};
template <> struct EnumNames<Outcome> {
    static constexpr std::string_view what = "outcome";
    static constexpr std::array<std::pair<Outcome, std::string_view>, 5> names{
        {{Outcome::upheld, "upheld"},
         {Outcome::partly_upheld, "partly-upheld"},
         {Outcome::not_upheld, "not-upheld"},
         {Outcome::resolved, "resolved"},
         {Outcome::withdrawn, "withdrawn"}}};
};
template <> struct EnumNames<Exclusion> {
    static constexpr std::string_view what = "exclusion";
    static constexpr std::array<std::pair<Exclusion, std::string_view>, 5> names{
        {{Exclusion::employment, "employment"},
         {Exclusion::another_service, "another-service"},
         {Exclusion::already_resolved, "already-resolved"},
         {Exclusion::under_independent_review, "under-independent-review"},
         {Exclusion::out_of_time, "out-of-time"}}};
};

// What people log: the types `log --type` accepts, in the table's order.
std::vector<std::string> loggable_event_names();

// A key the tool does not know, kept as YAML text so a rewrite never drops it.
struct Extra {
    std::string key;
    std::string yaml;

    friend bool operator==(const Extra&, const Extra&) = default;
};

struct Point {
    int number = 0;
    std::string text;
    // Stage 1's answer to the point, once the investigation reaches one.
    std::optional<Finding> finding;
    std::string conclusion;
    std::string remedial_action;
    std::string staff;              // who was involved
    std::optional<Timestamp> added; // when `point add` raised it; none when raised on opening
    std::string correction;         // why it was added after the response was sent
    // The point in the complainant's own terms, which the letters use; `text`
    // is how the organisation records it ("Her left eyelid has drooped").
    std::string for_complainant;
    std::vector<Extra> extras;

    friend bool operator==(const Point&, const Point&) = default;
};

struct ActionProgress {
    Timestamp at;
    std::string text;

    friend bool operator==(const ActionProgress&, const ActionProgress&) = default;
};

// One line of the action plan: what, who leads it, by when, how it goes.
struct Action {
    int number = 0;
    std::string text;
    std::string lead;
    date::year_month_day due;
    std::optional<Timestamp> added; // when it joined the plan (files before 0.2 lack it)
    std::vector<ActionProgress> progress;
    std::optional<Timestamp> done;

    friend bool operator==(const Action&, const Action&) = default;
};

// Why a complaint is outside the process, and the manager's words on it.
struct Excluded {
    Exclusion reason = Exclusion::employment;
    std::string text;
    std::string earlier_case; // already resolved: the case that investigated it
    std::string body;         // under independent review: the body's key, and
    std::string reference;    // its reference for the review

    friend bool operator==(const Excluded&, const Excluded&) = default;
};

// Stage 2: the body the complaint went to, and what came of it.
struct Escalation {
    std::string body;
    Timestamp at;
    std::string reference;
    std::string outcome;
    std::optional<Timestamp> outcome_at;

    friend bool operator==(const Escalation&, const Escalation&) = default;
};

// The event a `voided` event voids, named by its time and type, which stay
// the same when a back-dated event is inserted before it or another site's
// events are merged in (its position does not). When several events share
// the instant and the type, `occurrence` says which, counting from 1 in
// file order; it is left out for the first.
struct EventRef {
    Timestamp at;
    EventType type = EventType::note;
    std::optional<int> occurrence;

    friend bool operator==(const EventRef&, const EventRef&) = default;
};

// A file kept with the case, byte for byte: what came in (a scan, a
// photograph, an email as it arrived). The file is attachments/<ID>/`file`,
// whose name holds `sha256`, so anyone can verify it without the tool.
struct Attachment {
    std::string file;       // its name in attachments/<ID>/
    std::string name;       // the name it came with
    std::string media_type; // from its content ("application/pdf")
    int size = 0;           // in bytes
    std::string sha256;     // 64 hex digits

    friend bool operator==(const Attachment&, const Attachment&) = default;
};

struct Event {
    Timestamp at;
    EventType type = EventType::note;
    std::string by;
    std::string text;
    std::optional<Timestamp> recorded;       // when it was entered, if back-dated
    std::optional<date::year_month_day> due; // a new date, on delay-explained
    std::vector<std::string> attendees;      // who was at a meeting (or is to be)
    std::optional<Timestamp> booked_for;     // a meeting booked: when it is to be
    // On `assigned`: the agent it names, so figures can say who held the case
    // at any date. Files from before it lack it (the case's `agent` stands in).
    std::string agent;
    // On `reopened`: the outcome and lessons of the closing it undid, which
    // the case's fields no longer hold, so an earlier period's report reads
    // them as they stood. Files from before it keep them in `text` alone.
    std::optional<Outcome> outcome;
    std::string learning;
    std::string no_learning;
    // On `closed`: whether the complainant was satisfied, as recorded then;
    // a report of its period reads it whatever a reopening cleared since.
    std::optional<Satisfaction> satisfaction;
    // On `corrected`: which item of what was sent changed ("point 2
    // conclusion", "apology"), and its value before and after; `text` says why.
    std::string corrects;
    std::string before;
    std::string after;
    // The letter the event sent, kept byte for byte: a path relative to the
    // repository, letters/<ID>/<DATE>-<name>.md. Empty when none was kept.
    std::string letter;
    std::optional<EventRef> voids; // on a `voided` event: the event it voids
    // A file the event keeps: on `attached`, the evidence; on an email
    // opened or logged, the message as it arrived.
    std::optional<Attachment> attachment;
    // An email's Message-ID, so the same message is never filed twice.
    std::string message_id;
    // On an email logged: whether it came in or went out.
    std::optional<Direction> direction;
    // Another body's reference for what the event records (the indemnity
    // insurer's, on `insurer-notified`).
    std::string reference;
    // On a statement: internal when it may not be quoted to the complainant.
    std::optional<Visibility> visibility;
    std::vector<Extra> extras;

    friend bool operator==(const Event&, const Event&) = default;
};

// Where a case imported from a spreadsheet register came from: the
// register's own reference, which `show` cites and a second import matches
// on, and the file and row it was read from. Its events record after the
// fact what the register kept, so `check` asks nothing of the steps it did
// not keep.
struct Imported {
    std::string reference;
    std::string file;
    int row = 0;

    friend bool operator==(const Imported&, const Imported&) = default;
};

struct Case {
    std::string id;
    Kind kind = Kind::complaint;
    Status status = Status::open;
    Timestamp received;
    Channel channel = Channel::email;
    std::string complainant;
    std::string on_behalf_of;
    std::optional<Consent> consent;
    std::string about;
    std::string gmc; // the clinician's GMC number (platform)
    std::optional<Category> category;
    std::string type;
    // What the NHS's annual return (KO41b) counts of each new complaint,
    // as codes from the policy's lists (`Policy::returns`): the patient's
    // age band, who complained, and every subject area and staff group it
    // is about (one complaint may count under several).
    std::string age_band;
    std::string complainant_status;
    std::vector<std::string> subject_areas;
    std::vector<std::string> staff_groups;
    std::string summary;
    std::vector<std::string> practitioners; // treatment-related cases
    // The treatment a clinical complaint is about, as recorded: what was
    // done, on which day and by whom; the response letter summarises it.
    std::string treatment;
    std::optional<date::year_month_day> treated_on;
    std::string treated_by;
    // What this case's response encloses besides the organisation's list.
    std::vector<std::string> enclosures;
    // The attachments it encloses too, by SHA-256: a file is enclosed only
    // when the manager says so (a staff statement kept as evidence is not
    // the complainant's to receive), and a void one is no longer listed.
    std::vector<std::string> enclosed_attachments;
    std::optional<int> notice_days; // a late withdrawal's notice
    // A withdrawal's session and the day the clinician withdrew, when given.
    std::optional<date::year_month_day> session;
    std::optional<date::year_month_day> withdrawn;
    std::string agent; // the support agent assigned (platform)
    std::optional<Excluded> exclusion;
    // A converted concern's clock runs from receipt unless the manager set
    // another start, with a reason, in a `converted` event.
    std::optional<date::year_month_day> clock_from;
    // When what the complaint is about happened, or the complainant learnt of
    // it: a policy with a time limit flags a complaint made too long after.
    std::optional<date::year_month_day> happened;
    std::vector<Point> points;
    std::string apology; // the apology the response gives, if any
    // What the complainant wants to come of the complaint, in their words.
    std::string desired_outcome;
    std::optional<Outcome> outcome;
    std::optional<Satisfaction> satisfaction; // recorded on closing
    std::string learning;                     // lessons learnt, or
    std::string no_learning;                  // why none were identified
    std::vector<Action> actions;
    std::vector<Escalation> escalations;
    std::optional<Timestamp> warning; // a warning issued to the clinician
    std::optional<Imported> imported;
    std::vector<Event> events;
    std::vector<Extra> extras;

    friend bool operator==(const Case&, const Case&) = default;
};

// The first and last event of a type that is not void, if any. Every
// decision, clock and figure reads events through these (or skips void
// events itself), so a voided event counts for nothing but the record.
const Event* first_event(const Case& c, EventType type);
const Event* last_event(const Case& c, EventType type);
// The organisation's answer to the complainant (the events whose role is
// `answers`), the first and the latest, void ones aside.
// The first answers the case's current stage: an earlier stage's answer
// (NHS Scotland's stage 1 decision, once stage 2 starts) is on the record
// but does not answer the stage the complaint is at.
const Event* first_answer(const Case& c);
const Event* last_answer(const Case& c);
// The event that started the case's current stage (its role is
// `starts_next_stage`), or null while the case is at its first stage.
const Event* stage_start(const Case& c);
// Whether `event` belongs to the current stage: at or after its start.
bool in_current_stage(const Case& c, const Event& event);

// Whether `event` is one an import recorded from a register (recorded at
// the same instant as the imported case's opening): its date is the
// register's, kept at the time, so being typed in later is not a late entry.
bool from_register(const Case& c, const Event& event);

// How a sentence says the complaint came in: "by phone", "in person",
// "through the web form".
std::string received_by(Channel channel);

// The event `ref` names, or null when the case has none.
const Event* find_event(const Case& c, const EventRef& ref);
// How a void names `event`, which is one of `c.events`.
EventRef reference_to(const Case& c, const Event& event);
// The `voided` event that voids `event` (one of `c.events`), or null. A void
// event stays in the file and in `show`; nothing else counts it.
const Event* voided_by(const Case& c, const Event& event);
inline bool is_void(const Case& c, const Event& event) {
    return voided_by(c, event) != nullptr;
}

// Inserts the event after every event at or before its time, so the list
// stays in time order when an event is back-dated; nothing is ever removed.
Event& add_event(Case& c, Event event);

} // namespace complaints
