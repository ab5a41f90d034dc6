// complaints close: the outcome, and the lessons learnt or why there are none.
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/clinicians.hpp"
#include "complaints/workflow.hpp"

namespace complaints::cli {

namespace {

struct CloseOptions {
    std::string id;
    std::string outcome;
    std::string learning;
    std::string no_learning;
    bool warning = false;
    WhenWho when_who;
};

// The warning the outcome issues to the clinician, and the suspension review
// it triggers when it is one too many inside the policy's window.
std::string issue_warning(Case& c, const Event& closing, const Store& store) {
    const Policy& policy = store.config().policy;
    if (!policy.warning_kept)
        throw Error(ErrorKind::refused, "this repository's policy keeps no warnings (policy: warning_kept)");
    if (c.kind != Kind::complaint || c.about.empty())
        throw Error(ErrorKind::refused, "only a formal complaint about a named clinician can issue a warning");
    c.warning = closing.at;
    Event warning = closing;
    warning.type = "warning";
    warning.text = fmt::format("Warning issued to {}, kept for {}", c.about, format_duration(*policy.warning_kept));
    add_event(c, warning);
    std::vector<Case> cases;
    for (auto& other : store.load_all())
        if (other.id != c.id)
            cases.push_back(std::move(other));
    cases.push_back(c);
    for (const auto& clinician : clinicians(cases, policy, store.zone())) {
        if (std::find(clinician.case_ids.begin(), clinician.case_ids.end(), c.id) == clinician.case_ids.end())
            continue;
        const Standing standing = standing_on(clinician, policy, local_date(closing.at.utc, store.zone()));
        if (standing.status != ClinicianStatus::suspension_review)
            return "; warning issued";
        Event review = closing;
        review.type = "suspension-review-due";
        review.text = fmt::format("{} has {} warnings within {}: a suspension review is due", c.about,
                                  standing.active.size(), format_duration(*policy.suspension_review_window));
        add_event(c, review);
        return "; warning issued. " + review.text;
    }
    return "; warning issued";
}

void run_close(const CloseOptions& options, const Context& context) {
    const Outcome outcome = parse_enum<Outcome>(options.outcome, "--outcome");
    const std::string learning = text_from_flag(options.learning, "--learning");
    const std::string no_learning = text_from_flag(options.no_learning, "--no-learning");
    const Store store = context.open_store();
    const std::string id = store.resolve(options.id);
    std::string said;
    update_case(context, store, id, [&](Case& c) {
        const auto missing = close_missing(c, store.config().policy, outcome, !learning.empty(), !no_learning.empty());
        if (!missing.empty())
            throw Error(ErrorKind::refused, fmt::format("cannot close {}: {}", c.id, joined(missing)));
        c.status = Status::closed;
        c.outcome = outcome;
        c.learning = learning;
        c.no_learning = no_learning;
        const Event closing = make_event("closed",
                                         fmt::format("Closed: {}; {}", name_of(outcome),
                                                     learning.empty() ? "no learning identified: " + no_learning
                                                                      : "lessons learnt recorded"),
                                         options.when_who, context, store);
        add_event(c, closing);
        if (options.warning)
            said = issue_warning(c, closing, store);
    });
    fmt::print("{}: closed, {}{}\n", id, name_of(outcome), said);
}

} // namespace

void setup_close(CLI::App& app, Context& context) {
    auto o = std::make_shared<CloseOptions>();
    CLI::App* command = app.add_subcommand("close", "close a case with its outcome and what was learnt");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--outcome", o->outcome, "upheld, partly-upheld, not-upheld, resolved or withdrawn")
        ->required();
    command->add_option("--learning", o->learning, "lessons learnt (needs an action on the plan)")->option_text("TEXT");
    command->add_option("--no-learning", o->no_learning, "why no learning was identified")->option_text("REASON");
    command->add_flag("--warning", o->warning, "the outcome issues a warning to the clinician (platform)");
    add_when_who(*command, o->when_who);
    command->callback([o, &context] { run_close(*o, context); });
}

} // namespace complaints::cli
