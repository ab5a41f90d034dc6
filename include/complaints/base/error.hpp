#pragma once
// The one error type of the core. `main` maps each kind to a documented
// exit code; the core never prints.
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

enum class ErrorKind {
    usage = 2,     // the command line is wrong (bad flag, bad value)
    not_found = 3, // no repository, no such case, ambiguous ID
    bad_data = 4,  // a file in the repository is malformed
    refused = 5,   // the process or policy forbids it
    io = 6,        // the file system failed, or the repository is locked
};

// Where in a file the problem is; line and column are 1-based, 0 = unknown.
struct Location {
    std::string file;
    int line = 0;
    int column = 0;
};

// What a process rule found wrong, as data: the CLI turns the code into the
// command that fixes it. `{field}` in the message marks where a field is
// named: the core reads it as the field's name, the CLI as its flag.
enum class ProblemCode {
    other,
    record_not_agreed,        // a verbal complaint's written record is not agreed
    consent_outstanding,      // on someone's behalf, without their consent
    practitioner_not_named,   // a treatment-related complaint names no practitioner
    practitioner_unheard,     // ... and the practitioner has given no account
    being_open_pending,       // a patient safety incident with no Being Open conversation
    follow_up_pending,        // a Being Open conversation with no written follow-up
    not_formal,               // a concern or feedback, not converted
    withdrawal_notice_needed, // a late withdrawal without its notice
    learning_not_documented,  // neither lessons learnt nor why there are none
    action_plan_missing,      // lessons learnt without an action on the plan
    referral_open,            // a stage 2 referral awaits its outcome
    late_complaint,           // made after the policy's time limit, no reason recorded
    already_sent,             // changes what the complainant was sent, without a correction
    case_closed,              // a closed or excluded case, to be reopened first
    point_after_response,     // a point added after the response, not as a correction
    point_unanswered,         // a point added after the response has no finding yet
    mediation_booked,         // a mediation meeting booked, not yet recorded as held
    answered_by_resolution,   // the policy answers by a resolution, not a letter or delay
    nothing_excluded,         // the policy excludes nothing from its process
    no_being_open,            // the policy has no Being Open step
};

struct Problem {
    ProblemCode code = ProblemCode::other;
    std::string message;
    std::string subject; // the case it is about, for the fix the CLI names
};

// A usage error about a field: the message names it as `{field}`, which the
// CLI reads as the flag that sets it.
[[noreturn]] void field_error(std::string message);

// The message with each `{field}` read by `name`.
std::string render(const Problem& problem, std::string (*name)(std::string_view field));

class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, std::string message, Location where = {});
    // A refusal or usage error that lists everything wrong at once, after
    // `heading` ("cannot close LUM-2026-XTE74M").
    Error(ErrorKind kind, std::string heading, std::vector<Problem> problems);
    ErrorKind kind() const { return m_kind; }
    const Location& where() const { return m_where; }
    const std::string& heading() const { return m_heading; }
    const std::vector<Problem>& problems() const { return m_problems; }
    // "file:line:col: message", or the message alone when no file is known.
    std::string describe() const;

  private:
    ErrorKind m_kind;
    Location m_where;
    std::string m_heading;
    std::vector<Problem> m_problems;
};

// The problems, each as `say` words it, joined with "; ", after the heading
// and ": " when there is one.
std::string describe(const std::string& heading, const std::vector<Problem>& problems,
                     const std::function<std::string(const Problem&)>& say);

// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

} // namespace complaints
