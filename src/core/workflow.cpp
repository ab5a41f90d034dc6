#include "complaints/workflow.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

bool is_verbal(const Case& c) { return c.channel == Channel::phone || c.channel == Channel::in_person; }

bool record_agreed(const Case& c) { return first_event(c, "record-agreed") != nullptr; }

bool consent_outstanding(const Case& c) {
    const bool on_behalf = !c.on_behalf_of.empty() || c.consent.has_value();
    return on_behalf && c.consent != Consent::yes && !first_event(c, "consent-waived");
}

int stage(const Case& c) { return c.escalations.empty() ? 1 : 2; }

void check_gmc_number(std::string_view gmc) {
    if (gmc.size() != 7 || !std::all_of(gmc.begin(), gmc.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        throw Error(ErrorKind::usage, fmt::format("--gmc: '{}' is not a GMC number (seven digits)", gmc));
}

namespace {

void classify_withdrawal(Case& c, const Policy& policy, int notice, bool kind_given) {
    const int limit = policy.late_withdrawal_notice_days;
    if (notice < 0)
        throw Error(ErrorKind::usage, "the withdrawal is dated after the session");
    if (notice > limit) {
        if (c.type == "late-withdrawal")
            throw Error(ErrorKind::refused,
                        fmt::format("a withdrawal with {} days' notice is not a complaint under the policy, "
                                    "which counts {} days' notice or fewer",
                                    notice, limit));
        return;
    }
    if (!c.type.empty() && c.type != "late-withdrawal")
        throw Error(ErrorKind::usage, fmt::format("--type: a withdrawal with {} days' notice is a late-withdrawal "
                                                  "complaint, not '{}'",
                                                  notice, c.type));
    if (kind_given && c.kind != Kind::complaint)
        throw Error(ErrorKind::refused, fmt::format("a withdrawal with {} days' notice is a complaint under the "
                                                    "policy, not {}",
                                                    notice, name_of(c.kind)));
    c.type = "late-withdrawal";
    c.kind = Kind::complaint;
}

} // namespace

void classify_intake(Case& c, const Policy& policy, std::optional<int> notice_days, bool kind_given) {
    if (notice_days) {
        if (policy.late_withdrawal_notice_days <= 0)
            throw Error(ErrorKind::usage, "this repository's policy has no late-withdrawal rule");
        classify_withdrawal(c, policy, *notice_days, kind_given);
        c.notice_days = notice_days;
    } else if (c.type == "late-withdrawal") {
        throw Error(ErrorKind::usage, "--type late-withdrawal: give --notice-days N, or --session DATE and "
                                      "--withdrawn DATE, so the policy's rule decides");
    }
    if (policy.complaint_types.empty() || c.type.empty())
        return;
    std::vector<Category> implied;
    std::vector<std::string> names;
    for (const auto& known : policy.complaint_types) {
        names.push_back(known.name);
        if (known.name == c.type)
            implied.push_back(known.category);
    }
    if (implied.empty())
        throw Error(ErrorKind::usage, fmt::format("--type: unknown type '{}'{}; the policy names: {}", c.type,
                                                  did_you_mean(c.type, names), joined(names)));
    if (!c.category && implied.size() > 1)
        throw Error(ErrorKind::usage, fmt::format("--type {} is clinical or non-clinical: give --category", c.type));
    if (!c.category)
        c.category = implied.front();
    if (std::find(implied.begin(), implied.end(), *c.category) == implied.end())
        throw Error(ErrorKind::usage, fmt::format("--type {} is a {} complaint, but --category says {}", c.type,
                                                  name_of(implied.front()), name_of(*c.category)));
}

std::vector<std::string> attention(const Case& c, const Policy& policy) {
    std::vector<std::string> notes;
    if (c.exclusion || c.status == Status::closed)
        return notes;
    if (policy.verbal_record_agreed && c.kind == Kind::complaint && is_verbal(c) && !record_agreed(c))
        notes.push_back(fmt::format("the written record of this {} complaint has not been agreed with "
                                    "the complainant (log --type record-agreed)",
                                    name_of(c.channel)));
    if (consent_outstanding(c))
        notes.push_back(fmt::format("consent from {} is {}", c.on_behalf_of.empty() ? "the patient" : c.on_behalf_of,
                                    c.consent ? name_of(*c.consent) : "not recorded"));
    if (policy.practitioners_named && c.kind == Kind::complaint && c.category == Category::clinical &&
        c.practitioners.empty())
        notes.push_back("a treatment-related complaint names no practitioner (open --practitioner)");
    return notes;
}

void require_formal_complaint(const Case& c, std::string_view doing) {
    if (c.exclusion)
        throw Error(ErrorKind::refused,
                    fmt::format("cannot {}: {} is excluded from the complaints policy ({})", doing, c.id,
                                name_of(*c.exclusion)));
    if (c.status == Status::closed)
        throw Error(ErrorKind::refused, fmt::format("cannot {}: {} is closed", doing, c.id));
    if (c.kind != Kind::complaint)
        throw Error(ErrorKind::refused,
                    fmt::format("cannot {}: {} is a {}, resolved locally; convert it to a complaint "
                                "first (complaints convert {} --to complaint)",
                                doing, c.id, name_of(c.kind), c.id));
}

std::vector<std::string> response_missing(const Case& c, const Policy& policy) {
    std::vector<std::string> missing;
    if (c.points.empty())
        missing.push_back("no points raised are recorded; the response answers every point");
    for (const auto& point : c.points) {
        if (!point.finding)
            missing.push_back(fmt::format("point {} has no finding", point.number));
        else if (point.conclusion.empty())
            missing.push_back(fmt::format("point {} has no conclusion", point.number));
    }
    if (consent_outstanding(c))
        missing.push_back(fmt::format("consent from {} is {} (record it with 'consent', or give "
                                      "--proceed-without-consent REASON)",
                                      c.on_behalf_of, c.consent ? name_of(*c.consent) : "not recorded"));
    if (policy.verbal_record_agreed && is_verbal(c) && !record_agreed(c))
        missing.push_back(fmt::format("the written record of this {} complaint has not been agreed "
                                      "with the complainant (log --type record-agreed)",
                                      name_of(c.channel)));
    if (first_event(c, "response-sent"))
        missing.push_back("the stage 1 response has already been sent");
    return missing;
}

void record_finding(Case& c, int point, Finding finding, const std::string& conclusion,
                    const std::string& remedial_action, const std::string& staff) {
    const auto found = std::find_if(c.points.begin(), c.points.end(),
                                    [&](const Point& p) { return p.number == point; });
    if (found == c.points.end())
        throw Error(ErrorKind::usage, fmt::format("--point: {} has no point {} (it has {})", c.id, point,
                                                  c.points.size()));
    if (conclusion.empty() && found->conclusion.empty())
        throw Error(ErrorKind::usage, "--conclusion: a finding needs the conclusion reached on the point");
    found->finding = finding;
    if (!conclusion.empty())
        found->conclusion = conclusion;
    if (!remedial_action.empty())
        found->remedial_action = remedial_action;
    if (!staff.empty())
        found->staff = staff;
}

void check_escalation(const Case& c, const ReviewBody& body) {
    std::vector<std::string> missing;
    if (c.exclusion)
        missing.push_back(fmt::format("{} is excluded from the complaints policy", c.id));
    if (c.kind != Kind::complaint)
        missing.push_back(fmt::format("{} is a {}, not a formal complaint", c.id, name_of(c.kind)));
    if (body.after_response && !first_event(c, "response-sent") && !first_event(c, "resolved"))
        missing.push_back(fmt::format("{} reviews a complaint after the organisation's own response, and "
                                      "none has been given",
                                      body.name));
    if (body.clinical_only && c.category != Category::clinical)
        missing.push_back(fmt::format("{} is for clinical complaints only", body.name));
    if (std::any_of(c.escalations.begin(), c.escalations.end(),
                    [&](const Escalation& e) { return e.body == body.key && e.outcome.empty(); }))
        missing.push_back(fmt::format("the referral to {} is still open", body.name));
    if (!missing.empty())
        throw Error(ErrorKind::refused, fmt::format("cannot escalate {}: {}", c.id, joined(missing)));
}

Escalation* open_escalation(Case& c, std::string_view body) {
    for (auto it = c.escalations.rbegin(); it != c.escalations.rend(); ++it)
        if (it->outcome.empty() && (body.empty() || it->body == body))
            return &*it;
    return nullptr;
}

std::vector<std::string> close_missing(const Case& c, const Policy& policy, Outcome outcome,
                                       bool with_learning, bool with_no_learning) {
    std::vector<std::string> missing;
    if (c.status == Status::closed)
        missing.push_back(fmt::format("{} is already closed", c.id));
    if (with_learning == with_no_learning)
        missing.push_back("give either --learning TEXT (lessons learnt) or --no-learning REASON: the "
                          "policy says the absence of learning must be documented");
    if (with_learning && c.actions.empty())
        missing.push_back("lessons learnt need an action plan: add at least one action "
                          "(complaints action ID add --text ... --lead ... --due ...)");
    if (policy.response && outcome != Outcome::withdrawn && c.kind == Kind::complaint && !c.exclusion &&
        !first_event(c, "response-sent"))
        missing.push_back("no stage 1 response has been sent (only a withdrawn complaint closes without one)");
    if (const auto review = std::find_if(c.escalations.begin(), c.escalations.end(),
                                          [](const Escalation& e) { return e.outcome.empty(); });
        review != c.escalations.end())
        missing.push_back(fmt::format("the referral to {} awaits its outcome (escalate ID --outcome TEXT)",
                                      review->body));
    return missing;
}

std::vector<const Action*> overdue_actions(const Case& c, date::year_month_day today) {
    std::vector<const Action*> late;
    for (const auto& action : c.actions)
        if (!action.done && action.due < today)
            late.push_back(&action);
    return late;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : "; ") + item;
    return out;
}

} // namespace complaints
