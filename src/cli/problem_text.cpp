// SPDX-License-Identifier: Apache-2.0
#include "problem_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace complaints::cli {

namespace {

struct Hint {
    ProblemCode code;
    std::string_view text;      // {0} (or {}) is the case's ID, {1} the step the fix records
    bool refusals_only = false; // said when a step is refused, not as a standing note
};

constexpr std::array k_hints{
    Hint{ProblemCode::record_not_agreed, " (log --type record-agreed)"},
    Hint{ProblemCode::consent_outstanding,
         " (record it with 'consent', or give --proceed-without-consent REASON)", true},
    Hint{ProblemCode::practitioner_not_named,
         " (complaints respond practitioners {} --practitioner NAME)"},
    Hint{ProblemCode::practitioner_unheard,
         " (log --type statement --by NAME, or an interview, meeting or call with --attendee "
         "NAME; or give --without-practitioner REASON)",
         true},
    Hint{ProblemCode::being_open_pending,
         " (complaints being-open {} --apology TEXT --explained TEXT --remedial TEXT --with "
         "NAME)"},
    Hint{ProblemCode::follow_up_pending, " (complaints being-open {} --follow-up TEXT)"},
    Hint{ProblemCode::insurer_not_told,
         " (complaints log {} --type insurer-notified --reference REF)"},
    Hint{ProblemCode::not_formal, " (complaints convert {} --to complaint)"},
    Hint{ProblemCode::withdrawal_notice_needed,
         ": give --notice-days N, or --session DATE and --withdrawn DATE"},
    Hint{ProblemCode::action_plan_missing,
         " (complaints action ID add --text ... --lead ... --due ...)"},
    Hint{ProblemCode::referral_open, " (when it comes: complaints escalate {} --outcome TEXT)"},
    Hint{ProblemCode::agent_left,
         " (hand their work over: complaints assign --from '{}' --to NAME)"},
    Hint{ProblemCode::feedback_unacknowledged, " (complaints log {} --type acknowledged)"},
    Hint{ProblemCode::late_complaint, " (log --type late-complaint-accepted --text REASON)"},
    Hint{ProblemCode::already_sent, " (add --correction REASON to correct it)"},
    Hint{ProblemCode::case_closed, " (complaints reopen {} --reason TEXT)"},
    Hint{ProblemCode::point_after_response, ": give --correction REASON"},
    Hint{ProblemCode::point_unanswered,
         " (complaints respond finding {} --point N --finding F --conclusion TEXT)"},
    Hint{ProblemCode::answered_by_resolution, " (resolve ID --text TEXT)"},
    Hint{ProblemCode::nothing_excluded,
         " (close ID --outcome withdrawn, resolved or not-upheld; open --kind feedback)"},
    Hint{ProblemCode::no_being_open, " (log ID --type note, call or meeting)"},
    Hint{ProblemCode::mediation_booked,
         " (once held: log {} --type mediation --attendee NAME; called off: void the booking)"},
    Hint{ProblemCode::response_already_sent, " with 'log {} --type letter --letter FILE'"},
    Hint{ProblemCode::earlier_steps_owed,
         " (a manager who must go ahead adds --skip-step REASON, kept on the case)"},
    Hint{ProblemCode::clinician_suspended, " (clinician KEY reinstate --reason TEXT)"},
    Hint{ProblemCode::clinician_not_consulted, " (log {0} --type {1})"},
    Hint{ProblemCode::letter_unrecorded, " (log {} --type letter --letter FILE)"},
    Hint{ProblemCode::link_in_repository, " (git rm the link, and commit the file itself)"},
    Hint{ProblemCode::id_drawn_twice,
         ". Abort this pull (git merge --abort, or git rebase --abort), give this site's case a "
         "new ID with 'complaints re-id {}', commit, and pull again with --no-rebase"},
    Hint{ProblemCode::attachment_too_large,
         " (raise attachment_limit_mb in complaints.yaml, or keep the file elsewhere and log "
         "where)"},
    Hint{ProblemCode::already_filed, " ('complaints show {}' lists what it keeps)"},
    Hint{ProblemCode::attachment_unrecorded,
         " (record it with 'complaints attach {} FILE', or delete it)"},
    Hint{ProblemCode::attachment_damaged, " (restore it from git: git checkout -- FILE)"},
    Hint{ProblemCode::return_fields_missing,
         " (complaints classify {} --age-band BAND --complainant-status STATUS --subject-area AREA "
         "--staff-group GROUP)"},
    Hint{ProblemCode::return_invalid, " (record what each complaint lacks: complaints classify "
                                      "ID)"},
};

// Flags that take a value whose name the message should show.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_flags_with_text{{
    {"delay", "respond delay"}, // a step of its own since respond has subcommands
    {"letter", "--letter FILE"},
    {"learning", "--learning TEXT"},
    {"no_learning", "--no-learning REASON"},
    {"no_written_response", "--no-written-response REASON"},
}};

std::string with_hint(const Problem& problem, bool refusal) {
    std::string text = render(problem, flag_for);
    for (const auto& hint : k_hints)
        if (hint.code == problem.code && (refusal || !hint.refusals_only))
            text += fmt::format(fmt::runtime(hint.text), problem.subject, problem.step);
    return text;
}

} // namespace

std::string flag_for(std::string_view field) {
    for (const auto& [name, flag] : k_flags_with_text)
        if (name == field)
            return std::string(flag);
    std::string flag = "--" + std::string(field);
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

std::string refusal_text(const Problem& problem) {
    return with_hint(problem, true);
}

std::string attention_text(const Problem& problem) {
    return with_hint(problem, false);
}

std::vector<std::string> attention_texts(const std::vector<Problem>& problems) {
    std::vector<std::string> texts;
    for (const auto& problem : problems)
        texts.push_back(attention_text(problem));
    return texts;
}

std::string error_text(const Error& error) {
    // A message with no problems may still name a field: as its flag here.
    if (error.problems().empty())
        return error.describe(flag_for);
    // One hint per kind of problem, after the last of that kind: two items
    // refused for the same reason share one "(add --correction ...)".
    const auto& problems = error.problems();
    return describe(error.heading(), problems, [&](const Problem& problem) {
        const auto later = problems.begin() + (&problem - problems.data()) + 1;
        const bool hinted_later = std::any_of(later, problems.end(), [&](const Problem& other) {
            return other.code == problem.code;
        });
        return hinted_later ? render(problem, flag_for) : refusal_text(problem);
    });
}

} // namespace complaints::cli
