// SPDX-License-Identifier: Apache-2.0
#pragma once
// Clinicians as the platform's cases describe them: their complaints, the
// warnings those issued, and the standing the policy gives them on a day.
#include "complaints/model/model.hpp"
#include "complaints/policy/policy.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

// `suspended` is a temporary suspension running; `permanently_suspended`
// one with no last day, until a reinstatement. `suspension_ended`: a
// temporary suspension's last day has passed and no one has yet reinstated
// the clinician or held another review.
enum class ClinicianStatus {
    clear,
    warned,
    suspension_review,
    suspended,
    suspension_ended,
    permanently_suspended
};
template <> struct EnumNames<ClinicianStatus> {
    static constexpr std::string_view what = "clinician status";
    static constexpr std::array<std::pair<ClinicianStatus, std::string_view>, 6> names{
        {{ClinicianStatus::clear, "clear"},
         {ClinicianStatus::warned, "warned"},
         {ClinicianStatus::suspension_review, "suspension-review"},
         {ClinicianStatus::suspended, "suspended"},
         {ClinicianStatus::suspension_ended, "suspension-ended"},
         {ClinicianStatus::permanently_suspended, "permanently-suspended"}}};
};

// Suspended now, for a while or for good.
inline bool is_suspended(ClinicianStatus status) {
    return status == ClinicianStatus::suspended || status == ClinicianStatus::permanently_suspended;
}

// What a suspension review decides, and the reinstatement that ends a
// suspension. Each is an event on a case: nothing is erased.
enum class DecisionKind {
    no_action,
    final_warning,
    temporary_suspension,
    permanent_suspension,
    reinstated
};
template <> struct EnumNames<DecisionKind> {
    static constexpr std::string_view what = "decision";
    static constexpr std::array<std::pair<DecisionKind, std::string_view>, 5> names{
        {{DecisionKind::no_action, "no-action"},
         {DecisionKind::final_warning, "final-warning"},
         {DecisionKind::temporary_suspension, "temporary-suspension"},
         {DecisionKind::permanent_suspension, "permanent-suspension"},
         {DecisionKind::reinstated, "reinstated"}}};
};

// The warning event's text: "Warning issued to NAME, kept for 6 months:
// REASON". warning_reason gives back REASON alone (the whole text of an
// event written some other way, by hand say).
std::string warning_text(const std::string& clinician, const Duration& kept,
                         const std::string& reason);
std::string warning_reason(const std::string& text);

// The same for an appeal that rescinds a warning: "Warning to NAME
// rescinded: REASON".
std::string rescind_text(const std::string& clinician, const std::string& reason);
std::string rescind_reason(const std::string& text);

struct IssuedWarning {
    std::string case_id;
    date::year_month_day issued;
    date::year_month_day expires; // the first day it no longer counts
    std::string reason;           // why: the code of conduct's part (warning_reason)
    // Rescinded on appeal: it stops counting that day; nothing is erased.
    std::optional<date::year_month_day> rescinded;
    std::string rescind_reason;
};

struct Decision {
    std::string case_id;
    Timestamp at;
    date::year_month_day on;
    DecisionKind kind = DecisionKind::no_action;
    std::optional<date::year_month_day> until; // a temporary suspension's last day
    std::string reason;
    std::string by;
    bool suspends() const {
        return kind == DecisionKind::temporary_suspension ||
               kind == DecisionKind::permanent_suspension;
    }
};

// A suspension review a warning made due, on the case that issued it, and
// its withdrawal on that case, if any (an appeal that made it moot).
struct ReviewDue {
    std::string case_id;
    date::year_month_day on;
    Timestamp at;
    std::optional<date::year_month_day> withdrawn = std::nullopt;
};

// A referral about one of the clinician's cases to a body that reviews
// (the GMC, their Responsible Officer): tracked after the case closes.
struct Referral {
    std::string case_id;
    std::string body; // the body's key
    date::year_month_day referred;
    std::optional<date::year_month_day> outcome_on; // none: still awaited
};

struct Clinician {
    std::string key;                  // "gmc:7123456", or "name:dr sam keane" without a GMC number
    std::string name;                 // as the earliest case received names them
    std::vector<std::string> aliases; // other names cases with the same GMC number give
    std::string gmc;
    std::vector<std::string> case_ids;
    std::string latest_case; // the one received last
    std::vector<IssuedWarning> warnings;
    std::vector<Decision> decisions; // in time order
    std::vector<ReviewDue> reviews_due;
    // Received date of each case, in case_ids' order, so a view as of a day
    // leaves out the cases that came later.
    std::vector<date::year_month_day> case_received;
    std::vector<Referral> referrals; // in the order referred
};

// The referrals made by `day` whose outcome had not come by then.
std::vector<Referral> open_referrals_on(const Clinician& clinician, date::year_month_day day);

// What happened on a day the standing changed, so a history reads right:
// "warned" the day a warning was rescinded is the count going down, not a
// warning issued.
enum class TurnKind {
    warning_issued,
    warning_rescinded,
    warning_expired,
    warning_out_of_window, // no longer counts towards a suspension review
    decision,              // a review's decision, or a reinstatement
    suspension_over        // a temporary suspension's last day has passed
};
template <> struct EnumNames<TurnKind> {
    static constexpr std::string_view what = "change";
    static constexpr std::array<std::pair<TurnKind, std::string_view>, 6> names{
        {{TurnKind::warning_issued, "warning-issued"},
         {TurnKind::warning_rescinded, "warning-rescinded"},
         {TurnKind::warning_expired, "warning-expired"},
         {TurnKind::warning_out_of_window, "warning-out-of-window"},
         {TurnKind::decision, "decision"},
         {TurnKind::suspension_over, "suspension-over"}}};
};

struct Turn {
    TurnKind kind = TurnKind::warning_issued;
    std::string case_id;
    std::optional<DecisionKind> decision = std::nullopt; // with TurnKind::decision
};

struct StatusChange {
    date::year_month_day on;
    ClinicianStatus status;
    std::vector<Turn> because = {}; // what happened that day, in the record's order
};

struct Standing {
    ClinicianStatus status = ClinicianStatus::clear;
    std::vector<IssuedWarning> active;
    std::vector<StatusChange> history; // every change up to the day asked about
};

// "warned since 2026-05-20", "permanently suspended since 2027-01-10": the
// status in words and the day it began (the last change in the history), or
// the status alone when it never changed.
std::string status_since(const Standing& standing);

// "dr sam keane": lower case, single spaces.
std::string normalised_name(std::string_view name);

// The name a clinician is known by: the one the earliest received case with
// their GMC number gives (the lower case ID on a tie), whatever order the
// files are read in. clinicians() and the report both name them by it.
class KnownNames {
  public:
    void see(const Case& c);
    // The name on file for `gmc`; empty when no case seen gives one.
    std::string known_as(const std::string& gmc) const;

  private:
    struct First {
        Timestamp received;
        std::string case_id;
        std::string name;
    };
    std::map<std::string, First> m_first; // by GMC number
};

// Groups the cases by clinician: by GMC number where known, and cases
// without one join the clinician of the same name.
std::vector<Clinician> clinicians(const std::vector<Case>& cases, const Policy& policy,
                                  const date::time_zone& zone);

// What clinicians() reads of a case: who it is about, when, and the
// warnings, rescindings and decisions recorded on it; for a command that
// keeps every case in memory to group them.
Case clinician_facts(const Case& c);

// The clinicians a query names: a GMC number, or a name or alias (whole, or
// part: a surname finds them).
std::vector<const Clinician*> find_clinicians(const std::vector<Clinician>& all,
                                              std::string_view query);

// The standing on `day`: suspended by a suspension decision (a temporary
// one to its last day, then suspension-ended until a reinstatement or
// another review; a permanent one until a reinstatement); in suspension
// review with the policy's number of warnings inside its window, one of
// them issued after the last review held, or while a review that fell due
// has had no decision (on any of their cases) nor withdrawal since, even
// when a warning has left the window; warned with any active warning;
// clear otherwise.
Standing standing_on(const Clinician& clinician, const Policy& policy, date::year_month_day day);

// The decision (a review's, or a reinstatement) in force on `day`, if any:
// the last one made by then.
const Decision* last_decision(const Clinician& clinician, date::year_month_day day);

// The event a decision is recorded as: `suspended` (with `due` its last day
// when temporary), `reinstated`, `review-no-action` or `final-warning`.
EventType decision_event_type(DecisionKind kind);

// Throws unless `kind` may be recorded for the clinician on `day`: a reason
// is given (usage); a temporary suspension, and only it, has an --until
// after `day` (usage); no one is suspended twice, a suspension whose time
// is up is reinstated or reviewed, not suspended over (refused, naming the
// suspension); only a suspended clinician is reinstated (refused); a review
// that suspends no one is held only when one is due (refused).
void check_decision(const Clinician& clinician, const Policy& policy, DecisionKind kind,
                    const std::optional<date::year_month_day>& until, date::year_month_day day,
                    const std::string& reason);

// The case a decision is recorded on: a reinstatement on the suspension's
// case; a review on the case that made it due; otherwise the latest case.
std::string decision_case(const Clinician& clinician, DecisionKind kind);

// "temporary suspension until 2027-01-31", "no action"...
std::string describe_decision(const Decision& decision);

// The decisions recorded across a repository's cases, by clinician, so
// that a case's review is settled by a decision recorded on any of the
// clinician's cases. Read a case at a time (`see` each, in any order, then
// ask): it keeps only the cases that record a decision, and every GMC
// number's name, so a case without a number finds its clinician by name as
// clinicians() does.
class DecisionRecord {
  public:
    void see(const Case& c, const date::time_zone& zone);
    // Every decision on the clinician `c` is about, in time order.
    std::vector<Decision> of(const Case& c) const;

  private:
    struct Decided {
        std::string gmc;
        std::string name; // normalised
        std::vector<Decision> decisions;
    };
    std::string gmc_of(const std::string& gmc, const std::string& name) const;
    std::vector<Decided> m_decided;
    std::map<std::string, std::string> m_gmc_of_name;
};

// What a case still owes a suspension review on `day`, for the agenda and
// `list --attention`: a review due with no decision after it on any of the
// clinician's cases (`decisions`, from a DecisionRecord) and no withdrawal
// on the case, or a temporary suspension whose last day has passed with no
// reinstatement or review after it.
struct SuspensionPending {
    std::string rule; // "suspension-review" or "suspension-ended"
    std::string what;
    date::year_month_day since;
};
std::optional<SuspensionPending> suspension_pending(const Case& c,
                                                    const std::vector<Decision>& decisions,
                                                    date::year_month_day day,
                                                    const date::time_zone& zone);
// The same with only the case's own decisions known.
std::optional<SuspensionPending> suspension_pending(const Case& c, date::year_month_day day,
                                                    const date::time_zone& zone);

// Why no decision can settle the suspension review pending on `c`, if that
// is so: the case names no clinician, the policy holds no reviews, or no
// decision may be recorded for the clinician on `day` (check_decision
// refuses every one). `clinician` is theirs, when the case names one.
std::optional<std::string> unsettled_review(const Case& c, const Clinician* clinician,
                                            const Policy& policy, date::year_month_day day);

// The case whose suspension review is pending although the warnings that
// made it due no longer reach the policy's count once those rescinded by
// `day` are left out (an appeal rescinded one): the review is to be
// withdrawn there. A warning that merely left the window since does not
// make a review moot. None while the count stands.
std::optional<std::string> moot_review(const Clinician& clinician, const std::vector<Case>& cases,
                                       const Policy& policy, date::year_month_day day,
                                       const date::time_zone& zone);

// Issues the warning a closing outcome gives the clinician the case is about,
// as events on the case, and the suspension review it triggers when it is
// one too many inside the policy's window. Returns the review's text when one
// is due. Throws `refused` when the policy keeps no warnings or the case
// names no clinician. `others` are the repository's other cases.
// `reason` (which part of the code of conduct) follows the warning's text.
std::optional<std::string> issue_warning(Case& c, const Event& closing, std::vector<Case> others,
                                         const Policy& policy, const date::time_zone& zone,
                                         const std::string& reason = {});

// Throws `refused` unless the closing case can carry a warning under the
// policy's rules: an outcome among the policy's (upheld, partly upheld), a
// formal complaint about a clinician known by GMC number (a service has
// none), the complaint shared with them first, and a reason (usage error
// when empty).
void check_warning(const Case& c, const Policy& policy, const Timestamp& at,
                   const std::string& reason);

// Rescinds the case's warning (on appeal) with the event `rescinding`, whose
// text is the reason. The warning stays on the record and stops counting
// from that day. Throws when there is none, it is rescinded already, or the
// reason is empty.
void rescind_warning(Case& c, const Event& rescinding, const date::time_zone& zone);

// Throws `refused` when `c` gives a GMC number that other cases give under
// another name, naming that clinician and case, unless `same_clinician`
// says the new name is theirs too (an alias): then returns the name it is
// an alias of. `same_clinician` with no other name is a usage error.
std::string check_gmc_owner(const Case& c, const std::vector<Case>& others, bool same_clinician);

// The mirror of check_gmc_owner: other GMC numbers the cases give for `c`'s
// name (compared case- and space-insensitively), each with the earliest
// case that gives it. Two clinicians can share a name, so the caller warns
// rather than refuses. None when `c` has no GMC number or no name, or when
// a case gives the name under `c`'s number already (warned about then).
struct Namesake {
    std::string gmc;
    std::string case_id;
    std::string name; // as that case spells it
};
std::vector<Namesake> namesakes(const Case& c, const std::vector<Case>& others);

} // namespace complaints
