// SPDX-License-Identifier: Apache-2.0
#include "complaints/workflow/clinicians.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace complaints {

std::string normalised_name(std::string_view name) {
    return folded(name);
}

std::vector<Referral> open_referrals_on(const Clinician& clinician, date::year_month_day day) {
    std::vector<Referral> open;
    for (const auto& referral : clinician.referrals)
        if (referral.referred <= day && (!referral.outcome_on || *referral.outcome_on > day))
            open.push_back(referral);
    return open;
}

namespace {

// The decision an event records, if it records one. A `suspended` event
// with a last day is temporary; without one (as the `suspend` verb of
// earlier versions wrote it) it stands until a reinstatement.
std::optional<DecisionKind> decision_of(const Event& event) {
    switch (event.type) {
    case EventType::suspended:
        return event.due ? DecisionKind::temporary_suspension : DecisionKind::permanent_suspension;
    case EventType::reinstated:
        return DecisionKind::reinstated;
    case EventType::review_no_action:
        return DecisionKind::no_action;
    case EventType::final_warning:
        return DecisionKind::final_warning;
    default:
        return std::nullopt;
    }
}

Decision as_decision(const std::string& case_id, const Event& event, DecisionKind kind,
                     const date::time_zone& zone) {
    return {case_id,
            event.at,
            local_date(event.at.utc, zone),
            kind,
            kind == DecisionKind::temporary_suspension ? event.due : std::nullopt,
            event.text,
            event.by};
}

// The day a review due on `c` was withdrawn there, if it was (the first
// withdrawal recorded at or after it).
std::optional<date::year_month_day> withdrawn_on(const Case& c, const Event& review,
                                                 const date::time_zone& zone) {
    for (const auto& event : c.events)
        if (event.type == EventType::review_withdrawn && !is_void(c, event) &&
            event.at >= review.at)
            return local_date(event.at.utc, zone);
    return std::nullopt;
}

void add_case(Clinician& clinician, const Case& c, const Policy& policy,
              const date::time_zone& zone, std::map<std::string, Timestamp>& latest_received) {
    clinician.case_ids.push_back(c.id);
    clinician.case_received.push_back(local_date(c.received.utc, zone));
    auto [latest, fresh] = latest_received.emplace(clinician.key, c.received);
    if (fresh || latest->second < c.received) {
        latest->second = c.received;
        clinician.latest_case = c.id;
    }
    if (c.warning && policy.warnings.kept) {
        const auto issued = local_date(c.warning->utc, zone);
        IssuedWarning warning;
        warning.case_id = c.id;
        warning.issued = issued;
        warning.expires = calendar_day_after(issued, *policy.warnings.kept);
        if (const Event* event = first_event(c, EventType::warning))
            warning.reason = warning_reason(event->text);
        if (const Event* rescinded = first_event(c, EventType::warning_rescinded)) {
            warning.rescinded = local_date(rescinded->at.utc, zone);
            warning.rescind_reason = rescind_reason(rescinded->text);
        }
        clinician.warnings.push_back(warning);
    }
    for (const auto& event : c.events) {
        if (is_void(c, event))
            continue;
        if (event.type == EventType::suspension_review_due)
            clinician.reviews_due.push_back(
                {c.id, local_date(event.at.utc, zone), event.at, withdrawn_on(c, event, zone)});
        else if (const auto kind = decision_of(event))
            clinician.decisions.push_back(as_decision(c.id, event, *kind, zone));
    }
    for (const auto& referral : c.escalations) {
        const ReviewBody* body = find_review_body(policy, referral.body);
        if (body && body->advice)
            continue; // an advice service gives no outcome to wait for
        clinician.referrals.push_back(
            {c.id, referral.body, local_date(referral.at.utc, zone),
             referral.outcome_at ? std::optional(local_date(referral.outcome_at->utc, zone))
                                 : std::nullopt});
    }
}

void sort_record(Clinician& clinician) {
    std::sort(clinician.warnings.begin(), clinician.warnings.end(),
              [](const IssuedWarning& a, const IssuedWarning& b) { return a.issued < b.issued; });
    std::stable_sort(clinician.decisions.begin(), clinician.decisions.end(),
                     [](const Decision& a, const Decision& b) { return a.at < b.at; });
    std::stable_sort(clinician.reviews_due.begin(), clinician.reviews_due.end(),
                     [](const ReviewDue& a, const ReviewDue& b) { return a.on < b.on; });
    std::stable_sort(clinician.referrals.begin(), clinician.referrals.end(),
                     [](const Referral& a, const Referral& b) { return a.referred < b.referred; });
}

// Whether a review is still owed on `day`: due by then, not withdrawn,
// and no decision (on any of the clinician's cases) made after it.
bool still_owed(const Clinician& clinician, const ReviewDue& review, date::year_month_day day) {
    return review.on <= day && !(review.withdrawn && *review.withdrawn <= day) &&
           std::none_of(clinician.decisions.begin(), clinician.decisions.end(),
                        [&](const Decision& d) { return d.on <= day && d.at > review.at; });
}

bool review_owed(const Clinician& clinician, date::year_month_day day) {
    return std::any_of(clinician.reviews_due.begin(), clinician.reviews_due.end(),
                       [&](const ReviewDue& review) { return still_owed(clinician, review, day); });
}

ClinicianStatus suspension_status(const Decision& suspension, date::year_month_day day) {
    if (!suspension.until)
        return ClinicianStatus::permanently_suspended;
    return day <= *suspension.until ? ClinicianStatus::suspended
                                    : ClinicianStatus::suspension_ended;
}

ClinicianStatus status_on(const Clinician& clinician, const Policy& policy,
                          date::year_month_day day, std::vector<IssuedWarning>* active) {
    // A review held (whatever it decided) answers the warnings issued by
    // then; a reinstatement ends a suspension, not the review behind it.
    std::optional<date::year_month_day> reviewed;
    const Decision* suspension = nullptr;
    for (const auto& decision : clinician.decisions) {
        if (decision.on > day)
            break;
        if (decision.kind == DecisionKind::reinstated) {
            suspension = nullptr;
            continue;
        }
        reviewed = decision.on;
        suspension = decision.suspends() ? &decision : nullptr;
    }
    std::size_t in_window = 0, live = 0;
    bool unreviewed = false;
    for (const auto& warning : clinician.warnings) {
        if (warning.issued > day || (warning.rescinded && *warning.rescinded <= day))
            continue;
        if (day < warning.expires) {
            ++live;
            if (active)
                active->push_back(warning);
        }
        if (policy.warnings.review_window &&
            day < calendar_day_after(warning.issued, *policy.warnings.review_window)) {
            ++in_window;
            unreviewed = unreviewed || !reviewed || warning.issued > *reviewed;
        }
    }
    if (suspension)
        return suspension_status(*suspension, day);
    if (review_owed(clinician, day) ||
        (policy.warnings.review_at > 0 && unreviewed &&
         in_window >= static_cast<std::size_t>(policy.warnings.review_at)))
        return ClinicianStatus::suspension_review;
    return live > 0 ? ClinicianStatus::warned : ClinicianStatus::clear;
}

} // namespace

void KnownNames::see(const Case& c) {
    if (c.gmc.empty() || c.about.empty())
        return;
    // Looked up first: most cases name a clinician already seen, and their
    // names need no copy.
    const auto first = m_first.find(c.gmc);
    if (first == m_first.end())
        m_first.emplace(c.gmc, First{c.received, c.id, c.about});
    else if (std::tie(c.received, c.id) < std::tie(first->second.received, first->second.case_id))
        first->second = First{c.received, c.id, c.about};
}

std::string KnownNames::known_as(const std::string& gmc) const {
    const auto found = m_first.find(gmc);
    return found == m_first.end() ? std::string() : found->second.name;
}

std::vector<Clinician> clinicians(const std::vector<Case>& cases, const Policy& policy,
                                  const date::time_zone& zone) {
    std::map<std::string, Clinician> by_key;
    std::map<std::string, std::string> key_of_name;
    std::map<std::string, Timestamp> latest_received;
    KnownNames names;
    for (const auto& c : cases)
        names.see(c);
    for (const auto& c : cases) {
        if (c.gmc.empty())
            continue;
        Clinician& clinician = by_key["gmc:" + c.gmc];
        clinician.key = "gmc:" + c.gmc;
        clinician.gmc = c.gmc;
        clinician.name = names.known_as(c.gmc);
        key_of_name.emplace(normalised_name(c.about), clinician.key);
        add_case(clinician, c, policy, zone, latest_received);
    }
    for (const auto& c : cases) {
        if (c.gmc.empty() || c.about.empty())
            continue;
        Clinician& clinician = by_key["gmc:" + c.gmc];
        const std::string name = normalised_name(c.about);
        if (name != normalised_name(clinician.name) &&
            std::none_of(clinician.aliases.begin(), clinician.aliases.end(),
                         [&](const std::string& a) { return normalised_name(a) == name; }))
            clinician.aliases.push_back(c.about);
    }
    for (const auto& c : cases) {
        if (!c.gmc.empty() || normalised_name(c.about).empty())
            continue;
        const std::string name = normalised_name(c.about);
        const auto known = key_of_name.find(name);
        const std::string key = known != key_of_name.end() ? known->second : "name:" + name;
        Clinician& clinician = by_key[key];
        if (clinician.key.empty()) {
            clinician.key = key;
            clinician.name = c.about;
        }
        add_case(clinician, c, policy, zone, latest_received);
    }
    std::vector<Clinician> all;
    for (auto& [key, clinician] : by_key) {
        sort_record(clinician);
        all.push_back(std::move(clinician));
    }
    return all;
}

Case clinician_facts(const Case& c) {
    Case kept;
    kept.id = c.id;
    kept.kind = c.kind;
    kept.status = c.status;
    kept.received = c.received;
    kept.about = c.about;
    kept.gmc = c.gmc;
    kept.warning = c.warning;
    kept.exclusion = c.exclusion;
    for (const auto& event : c.events)
        if (event_info(event.type).group == EventGroup::standing && !is_void(c, event))
            kept.events.push_back(event);
    return kept;
}

std::vector<const Clinician*> find_clinicians(const std::vector<Clinician>& all,
                                              std::string_view query) {
    std::vector<const Clinician*> exact, partial;
    const std::string wanted = normalised_name(query);
    for (const auto& clinician : all) {
        std::vector<std::string> names{normalised_name(clinician.name)};
        for (const auto& alias : clinician.aliases)
            names.push_back(normalised_name(alias));
        const auto any = [&](auto matches) {
            return std::any_of(names.begin(), names.end(), matches);
        };
        if (clinician.gmc == query || clinician.key == query ||
            any([&](const std::string& name) { return name == wanted; }))
            exact.push_back(&clinician);
        else if (!wanted.empty() && any([&](const std::string& name) {
                     return name.find(wanted) != std::string::npos;
                 }))
            partial.push_back(&clinician);
    }
    return exact.empty() ? partial : exact;
}

namespace {

// Everything that happened on `day` that can change a standing.
std::vector<Turn> turns_on(const Clinician& clinician, const Policy& policy,
                           date::year_month_day day) {
    std::vector<Turn> found;
    for (const auto& w : clinician.warnings) {
        if (w.issued == day)
            found.push_back({TurnKind::warning_issued, w.case_id});
        if (w.rescinded == day)
            found.push_back({TurnKind::warning_rescinded, w.case_id});
        if (w.rescinded && *w.rescinded < day)
            continue; // it stopped counting already
        if (w.expires == day)
            found.push_back({TurnKind::warning_expired, w.case_id});
        else if (policy.warnings.review_window &&
                 calendar_day_after(w.issued, *policy.warnings.review_window) == day)
            found.push_back({TurnKind::warning_out_of_window, w.case_id});
    }
    for (const auto& d : clinician.decisions) {
        if (d.on == day)
            found.push_back({TurnKind::decision, d.case_id, d.kind});
        if (d.until && date::sys_days{*d.until} + date::days{1} == date::sys_days{day})
            found.push_back({TurnKind::suspension_over, d.case_id});
    }
    return found;
}

} // namespace

Standing standing_on(const Clinician& clinician, const Policy& policy, date::year_month_day day) {
    Standing standing;
    standing.status = status_on(clinician, policy, day, &standing.active);
    // The standing can only change on a day a warning starts or stops
    // counting, or a decision is made.
    std::set<date::sys_days> turns;
    for (const auto& w : clinician.warnings) {
        turns.insert(date::sys_days{w.issued});
        turns.insert(date::sys_days{w.expires});
        if (w.rescinded)
            turns.insert(date::sys_days{*w.rescinded});
        if (policy.warnings.review_window)
            turns.insert(
                date::sys_days{calendar_day_after(w.issued, *policy.warnings.review_window)});
    }
    for (const auto& d : clinician.decisions) {
        turns.insert(date::sys_days{d.on});
        if (d.until)
            turns.insert(date::sys_days{*d.until} + date::days{1});
    }
    for (const auto& review : clinician.reviews_due)
        if (review.withdrawn)
            turns.insert(date::sys_days{*review.withdrawn});
    ClinicianStatus last = ClinicianStatus::clear;
    for (const auto turn : turns) {
        if (turn > date::sys_days{day})
            break;
        const auto status = status_on(clinician, policy, date::year_month_day{turn}, nullptr);
        if (status != last)
            standing.history.push_back({date::year_month_day{turn}, status,
                                        turns_on(clinician, policy, date::year_month_day{turn})});
        last = status;
    }
    return standing;
}

const Decision* last_decision(const Clinician& clinician, date::year_month_day day) {
    const Decision* last = nullptr;
    for (const auto& decision : clinician.decisions)
        if (decision.on <= day)
            last = &decision;
    return last;
}

EventType decision_event_type(DecisionKind kind) {
    switch (kind) {
    case DecisionKind::no_action:
        return EventType::review_no_action;
    case DecisionKind::final_warning:
        return EventType::final_warning;
    case DecisionKind::reinstated:
        return EventType::reinstated;
    default:
        return EventType::suspended;
    }
}

std::string describe_decision(const Decision& decision) {
    switch (decision.kind) {
    case DecisionKind::no_action:
        return "no action";
    case DecisionKind::final_warning:
        return "final warning";
    case DecisionKind::temporary_suspension:
        return fmt::format("temporary suspension until {}", format_date(*decision.until));
    case DecisionKind::permanent_suspension:
        return "permanent suspension";
    case DecisionKind::reinstated:
        return "reinstated";
    }
    return {};
}

namespace {

std::string decided(const Decision& d) {
    return fmt::format("{} on {} by {} ({}): {}", describe_decision(d), format_date(d.on),
                       d.by.empty() ? "(unknown)" : d.by, d.case_id, d.reason);
}

} // namespace

void check_decision(const Clinician& clinician, const Policy& policy, DecisionKind kind,
                    const std::optional<date::year_month_day>& until, date::year_month_day day,
                    const std::string& reason) {
    if (reason.empty())
        field_error(ProblemCode::field_missing,
                    fmt::format("a {} decision needs {{reason}} TEXT", name_of(kind)));
    if (kind == DecisionKind::temporary_suspension && !until)
        field_error(ProblemCode::field_missing,
                    "a temporary suspension needs {until} DATE, its last day");
    if (kind != DecisionKind::temporary_suspension && until)
        field_error(ProblemCode::field_not_applicable,
                    "{until} goes with a temporary-suspension decision only");
    if (until && *until < day)
        field_error(ProblemCode::date_out_of_order,
                    fmt::format("{{until}} {} is before the decision ({})", format_date(*until),
                                format_date(day)));
    const Standing standing = standing_on(clinician, policy, day);
    const ClinicianStatus status = standing.status;
    const Decision* last = last_decision(clinician, day);
    if (kind == DecisionKind::reinstated) {
        if (!is_suspended(status) && status != ClinicianStatus::suspension_ended)
            throw Error(ErrorKind::refused, "",
                        {{ProblemCode::step_not_applicable,
                          fmt::format("{} is not suspended ({}): there is nothing to reinstate",
                                      clinician.name, status_since(standing))}});
        return;
    }
    // "If concerns are persistent ... may be permanently suspended": a
    // temporary suspension may be made permanent, or run to a later day.
    const bool graver = last && last->kind == DecisionKind::temporary_suspension &&
                        (kind == DecisionKind::permanent_suspension ||
                         (kind == DecisionKind::temporary_suspension && until && last->until &&
                          *until > *last->until));
    if (status == ClinicianStatus::suspended && graver)
        return;
    if (is_suspended(status))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::clinician_suspended,
                      fmt::format("{} is suspended already: {}; a temporary suspension may be "
                                  "made permanent or run to a later day, otherwise reinstate "
                                  "them first",
                                  clinician.name, decided(*last))}});
    const bool suspends =
        kind == DecisionKind::temporary_suspension || kind == DecisionKind::permanent_suspension;
    if (!suspends && status != ClinicianStatus::suspension_review &&
        status != ClinicianStatus::suspension_ended)
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_not_applicable,
                      fmt::format("no suspension review of {} is due ({}): a review decides "
                                  "{} only when one is",
                                  clinician.name, status_since(standing), name_of(kind))}});
}

std::string status_since(const Standing& standing) {
    std::string status(name_of(standing.status));
    std::replace(status.begin(), status.end(), '-', ' ');
    if (standing.history.empty() || standing.history.back().status != standing.status)
        return status;
    return fmt::format("{} since {}", status, format_date(standing.history.back().on));
}

std::string decision_case(const Clinician& clinician, DecisionKind) {
    // After a suspension (to reinstate, or review once it has ended) the
    // suspension's case; otherwise the case whose warning made a review due.
    if (!clinician.decisions.empty() && clinician.decisions.back().suspends())
        return clinician.decisions.back().case_id;
    if (!clinician.reviews_due.empty())
        return clinician.reviews_due.back().case_id;
    return clinician.latest_case;
}

void DecisionRecord::see(const Case& c, const date::time_zone& zone) {
    const std::string name = normalised_name(c.about);
    if (!c.gmc.empty() && !name.empty())
        m_gmc_of_name.emplace(name, c.gmc);
    Decided decided{c.gmc, name, {}};
    for (const auto& event : c.events)
        if (const auto kind = decision_of(event); kind && !is_void(c, event))
            decided.decisions.push_back(as_decision(c.id, event, *kind, zone));
    if (!decided.decisions.empty())
        m_decided.push_back(std::move(decided));
}

std::string DecisionRecord::gmc_of(const std::string& gmc, const std::string& name) const {
    if (!gmc.empty())
        return gmc;
    const auto found = m_gmc_of_name.find(name);
    return found == m_gmc_of_name.end() ? std::string() : found->second;
}

std::vector<Decision> DecisionRecord::of(const Case& c) const {
    const std::string name = normalised_name(c.about);
    const std::string gmc = gmc_of(c.gmc, name);
    std::vector<Decision> found;
    for (const auto& decided : m_decided) {
        const std::string theirs = gmc_of(decided.gmc, decided.name);
        const bool same =
            !gmc.empty() ? theirs == gmc : theirs.empty() && !name.empty() && decided.name == name;
        // A case that names no one is settled by its own decisions alone.
        if (same || decided.decisions.front().case_id == c.id)
            found.insert(found.end(), decided.decisions.begin(), decided.decisions.end());
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Decision& a, const Decision& b) { return a.at < b.at; });
    return found;
}

std::optional<SuspensionPending> suspension_pending(const Case& c,
                                                    const std::vector<Decision>& decisions,
                                                    date::year_month_day day,
                                                    const date::time_zone& zone) {
    const Decision* last = nullptr;
    for (const auto& decision : decisions)
        if (decision.on <= day)
            last = &decision;
    const std::string who = c.about.empty() ? std::string("the clinician") : c.about;
    // A suspension's end is owed by its case, where the reinstatement goes.
    if (last && last->case_id == c.id && last->kind == DecisionKind::temporary_suspension &&
        last->until && day > *last->until)
        return SuspensionPending{
            "suspension-ended",
            fmt::format("suspension of {} ended on {}: review or reinstate", who,
                        format_date(*last->until)),
            date::year_month_day{date::sys_days{*last->until} + date::days{1}}};
    const Event* review = last_event(c, EventType::suspension_review_due);
    if (!review || is_void(c, *review) || withdrawn_on(c, *review, zone))
        return std::nullopt;
    if (std::any_of(decisions.begin(), decisions.end(),
                    [&](const Decision& d) { return d.at > review->at; }))
        return std::nullopt;
    return SuspensionPending{"suspension-review",
                             c.about.empty() ? std::string("suspension review due")
                                             : fmt::format("suspension review of {} due", c.about),
                             local_date(review->at.utc, zone)};
}

std::optional<SuspensionPending> suspension_pending(const Case& c, date::year_month_day day,
                                                    const date::time_zone& zone) {
    DecisionRecord own;
    own.see(c, zone);
    return suspension_pending(c, own.of(c), day, zone);
}

std::optional<std::string> unsettled_review(const Case& c, const Clinician* clinician,
                                            const Policy& policy, date::year_month_day day) {
    if (c.about.empty() && c.gmc.empty())
        return fmt::format("a suspension review is due on {}, which names no clinician: no "
                           "decision can settle it",
                           c.id);
    if (!policy.warnings.kept || policy.warnings.review_at <= 0)
        return fmt::format("a suspension review is due on {}, but this repository's policy "
                           "holds no suspension reviews: no decision can settle it",
                           c.id);
    if (!clinician)
        return std::nullopt;
    for (const auto& [kind, name] : EnumNames<DecisionKind>::names) {
        const auto until =
            kind == DecisionKind::temporary_suspension
                ? std::optional(date::year_month_day{date::sys_days{day} + date::days{1}})
                : std::nullopt;
        try {
            check_decision(*clinician, policy, kind, until, day, "a decision");
            return std::nullopt;
        } catch (const Error&) {
            // this one is refused: try the next
        }
    }
    return fmt::format("a suspension review is due on {}, but no decision can be recorded for "
                       "{} ({}): no decision can settle it",
                       c.id, clinician->name, status_since(standing_on(*clinician, policy, day)));
}

std::optional<std::string> moot_review(const Clinician& clinician, const std::vector<Case>&,
                                       const Policy& policy, date::year_month_day day,
                                       const date::time_zone&) {
    const auto& rules = policy.warnings;
    for (const auto& review : clinician.reviews_due) {
        if (!still_owed(clinician, review, day))
            continue;
        // The warnings that made it due, less those rescinded since.
        const auto counted = std::count_if(
            clinician.warnings.begin(), clinician.warnings.end(), [&](const IssuedWarning& w) {
                return w.issued <= review.on && !(w.rescinded && *w.rescinded <= day) &&
                       (!rules.review_window ||
                        review.on < calendar_day_after(w.issued, *rules.review_window));
            });
        if (counted < rules.review_at)
            return review.case_id;
    }
    return std::nullopt;
}

namespace {

Error no_warnings_kept() {
    return Error(ErrorKind::refused, "",
                 {{ProblemCode::not_in_policy,
                   "this repository's policy keeps no warnings (policy: warning_kept)"}});
}

} // namespace

std::optional<std::string> issue_warning(Case& c, const Event& closing, std::vector<Case> others,
                                         const Policy& policy, const date::time_zone& zone,
                                         const std::string& reason) {
    if (!policy.warnings.kept)
        throw no_warnings_kept();
    if (c.kind != Kind::complaint || c.about.empty())
        throw Error(
            ErrorKind::refused, "",
            {{ProblemCode::warning_not_warranted,
              "only a formal complaint about a named clinician can issue a warning", c.id}});
    // Closed again after a reopening: the first warning stands, and one
    // case issues one.
    if (c.warning)
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::already_done,
                      fmt::format("{} issued a warning on {}, which stands; a case issues one",
                                  c.id, format_date(local_date(c.warning->utc, zone))),
                      c.id}});
    c.warning = closing.at;
    Event warning = closing;
    warning.type = EventType::warning;
    warning.text = warning_text(c.about, *policy.warnings.kept, reason);
    add_event(c, warning);
    others.push_back(c);
    for (const auto& clinician : clinicians(others, policy, zone)) {
        if (std::find(clinician.case_ids.begin(), clinician.case_ids.end(), c.id) ==
            clinician.case_ids.end())
            continue;
        const Standing standing = standing_on(clinician, policy, local_date(closing.at.utc, zone));
        // A review owed already (a warning since left the window) is no
        // reason for another: only the count makes one due.
        if (standing.status != ClinicianStatus::suspension_review ||
            standing.active.size() < static_cast<std::size_t>(policy.warnings.review_at))
            return std::nullopt;
        Event review = closing;
        review.type = EventType::suspension_review_due;
        review.text =
            fmt::format("{} has {} warnings within {}: a suspension review is due", c.about,
                        standing.active.size(), format_duration(*policy.warnings.review_window));
        add_event(c, review);
        return review.text;
    }
    return std::nullopt;
}

namespace {

std::string outcome_names(const std::vector<Outcome>& outcomes) {
    std::string names;
    for (const Outcome outcome : outcomes)
        names += (names.empty() ? "" : " or ") + std::string(name_of(outcome));
    return names;
}

} // namespace

void check_warning(const Case& c, const Policy& policy, const Timestamp& at,
                   const std::string& reason) {
    const WarningRules& rules = policy.warnings;
    if (!rules.kept)
        throw no_warnings_kept();
    std::vector<Problem> missing;
    const auto unwarranted = [&](std::string message) {
        missing.push_back({ProblemCode::warning_not_warranted, std::move(message), c.id});
    };
    if (c.kind != Kind::complaint || c.exclusion)
        unwarranted(fmt::format("{} is not a formal complaint", c.id));
    if (!rules.outcomes.empty() &&
        (!c.outcome || std::find(rules.outcomes.begin(), rules.outcomes.end(), *c.outcome) ==
                           rules.outcomes.end()))
        unwarranted(fmt::format("a warning needs a complaint found {}, and this one is {}",
                                outcome_names(rules.outcomes),
                                c.outcome ? name_of(*c.outcome) : "not closed"));
    if (c.about.empty())
        unwarranted("the complaint names no clinician");
    else if (rules.needs_gmc && c.gmc.empty())
        unwarranted(fmt::format(
            "'{}' has no GMC number: a warning goes to a clinician known by their GMC number, "
            "never to a service",
            c.about));
    // The CLI names the command that records the step the policy asks for.
    if (const Event* first = rules.after ? first_event(c, *rules.after) : nullptr;
        rules.after && (!first || at < first->at))
        missing.push_back({ProblemCode::clinician_not_consulted,
                           fmt::format("the complaint has not been shared with {} for their "
                                       "feedback",
                                       c.about.empty() ? "the clinician" : c.about),
                           c.id, std::string(name_of(*rules.after))});
    if (!missing.empty())
        throw Error(ErrorKind::refused, fmt::format("cannot warn the clinician on {}", c.id),
                    std::move(missing));
    if (reason.empty())
        field_error(ProblemCode::field_missing,
                    "a warning needs {warning_reason} TEXT: which part of the code of conduct it "
                    "is given for",
                    c.id);
}

std::string warning_text(const std::string& clinician, const Duration& kept,
                         const std::string& reason) {
    return fmt::format("Warning issued to {}, kept for {}{}", clinician, format_duration(kept),
                       reason.empty() ? "" : ": " + reason);
}

std::string warning_reason(const std::string& text) {
    const auto kept = text.find(", kept for ");
    const auto colon = kept == std::string::npos ? kept : text.find(": ", kept);
    if (!text.starts_with("Warning issued to ") || colon == std::string::npos)
        return text;
    return text.substr(colon + 2);
}

std::string rescind_text(const std::string& clinician, const std::string& reason) {
    return fmt::format("Warning to {} rescinded: {}", clinician, reason);
}

std::string rescind_reason(const std::string& text) {
    const auto found = text.find(" rescinded: ");
    if (!text.starts_with("Warning to ") || found == std::string::npos)
        return text;
    return text.substr(found + std::string_view(" rescinded: ").size());
}

void rescind_warning(Case& c, const Event& rescinding, const date::time_zone& zone) {
    if (!c.warning)
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::step_not_applicable,
                      fmt::format("{} issued no warning to rescind", c.id), c.id}});
    if (const Event* before = first_event(c, EventType::warning_rescinded))
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::already_done,
                      fmt::format("{}'s warning was rescinded on {}: {}", c.id,
                                  format_date(local_date(before->at.utc, zone)), before->text),
                      c.id}});
    if (rescinding.text.empty())
        field_error(ProblemCode::field_missing,
                    "rescinding a warning needs {reason} (the appeal's outcome)", c.id);
    if (rescinding.at < *c.warning)
        field_error(ProblemCode::date_out_of_order,
                    fmt::format("{{at}}: {} is before the warning was issued ({})",
                                format_timestamp(rescinding.at), format_timestamp(*c.warning)),
                    c.id);
    add_event(c, rescinding);
}

std::string check_gmc_owner(const Case& c, const std::vector<Case>& others, bool same_clinician) {
    const std::string name = normalised_name(c.about);
    const Case* owner = nullptr;
    for (const auto& other : others) {
        if (c.gmc.empty() || other.gmc != c.gmc || other.about.empty())
            continue;
        if (normalised_name(other.about) == name)
            return {}; // the name is theirs already (or an alias recorded before)
        if (!owner || other.received < owner->received)
            owner = &other;
    }
    if (!owner) {
        if (same_clinician)
            field_error(ProblemCode::field_not_applicable,
                        fmt::format("{{same_clinician}}: no case gives GMC number {} under "
                                    "another name",
                                    c.gmc.empty() ? "(none given)" : c.gmc),
                        c.id);
        return {};
    }
    if (!same_clinician)
        throw Error(ErrorKind::refused, "",
                    {{ProblemCode::gmc_number_in_use,
                      fmt::format("GMC number {} belongs to {} (case {}), not '{}': check the "
                                  "number, or add {{same_clinician}} to record '{}' as another "
                                  "name of {}",
                                  c.gmc, owner->about, owner->id, c.about, c.about, owner->about),
                      c.id}});
    return owner->about;
}

std::vector<Namesake> namesakes(const Case& c, const std::vector<Case>& others) {
    const std::string name = normalised_name(c.about);
    if (c.gmc.empty() || name.empty())
        return {};
    std::map<std::string, const Case*> earliest; // by GMC number
    for (const auto& other : others) {
        if (other.gmc.empty() || other.id == c.id || normalised_name(other.about) != name)
            continue;
        if (other.gmc == c.gmc)
            return {}; // the name is on file under this number already: said before
        const Case*& first = earliest[other.gmc];
        if (!first || std::tie(other.received, other.id) < std::tie(first->received, first->id))
            first = &other;
    }
    std::vector<Namesake> found;
    for (const auto& [gmc, first] : earliest)
        found.push_back({gmc, first->id, first->about});
    return found;
}

} // namespace complaints
