// SPDX-License-Identifier: Apache-2.0
// complaints escalate: a referral to a body outside the organisation (the
// clinic's stage 2, the platform's additional steps), and its outcome.
#include "choices.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/workflow/cautions.hpp"
#include "complaints/workflow/workflow.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

struct EscalateOptions {
    std::string id;
    std::string to;
    std::string reference;
    std::string outcome;
    bool outcome_given = false; // --outcome "" is an empty outcome, not no outcome
    std::string note;
    std::string reason;
    WhenWho when_who;
};

const ReviewBody& body_named(const std::string& key, const Policy& policy) {
    if (const ReviewBody* body = find_review_body(policy, key))
        return *body;
    const auto keys = review_body_keys(policy);
    throw Error(ErrorKind::usage,
                fmt::format("--to: unknown body '{}'{}; this repository's policy names: {}", key,
                            did_you_mean(key, keys), util::join(keys, ", ")));
}

std::string refer(Case& c, const EscalateOptions& options, const Context& context,
                  const Store& store, std::vector<std::string>& cautions) {
    const ReviewBody& body = body_named(options.to, store.config().policy);
    const std::string reason =
        options.reason.empty() ? "" : util::trim(text_from_flag(options.reason, "--reason"));
    if (!options.reason.empty() && reason.empty())
        throw Error(ErrorKind::usage, "--reason is blank: say why the body is told now");
    check_escalation(c, body, store.config().policy, reason);
    if (const auto again = repeat_referral_caution(c, body, store.zone()))
        cautions.push_back(*again);
    const Event event = make_event(
        EventType::escalated,
        fmt::format("{} {}{}{}{}", body.advice ? "Signposted to" : "Referred to", body.name,
                    options.reference.empty() ? "" : " (reference " + options.reference + ")",
                    reason.empty() ? "" : ". Reason: " + reason,
                    options.note.empty() ? "" : ". " + options.note),
        options.when_who, context, store);
    c.escalations.push_back(Escalation{body.key, event.at, options.reference, "", std::nullopt});
    add_event(c, event);
    if (body.advice)
        return fmt::format("signposted to {}, an advice and support service: no review outcome "
                           "is awaited",
                           body.name);
    if (!body.stage_two)
        return fmt::format("referred to {}; its outcome is tracked on the case, and closing the "
                           "complaint does not wait for it",
                           body.name);
    if (c.status == Status::closed)
        return fmt::format("stage 2: referred to {}, after the case closed; its outcome is "
                           "tracked on the case (escalate {} --outcome TEXT when it comes)",
                           body.name, c.id);
    return fmt::format("stage 2: referred to {}", body.name);
}

std::string record_outcome(Case& c, const EscalateOptions& options, const Context& context,
                           const Store& store) {
    const Policy& policy = store.config().policy;
    Escalation* review = &open_escalation(c, options.to, policy);
    const Event event =
        make_event(EventType::review_outcome, text_from_flag(options.outcome, "--outcome"),
                   options.when_who, context, store);
    if (event.at < review->at)
        throw Error(ErrorKind::usage, "--at: the outcome is dated before the referral");
    review->outcome = event.text;
    review->outcome_at = event.at;
    const ReviewBody* named = find_review_body(policy, review->body);
    const std::string body = named ? named->name : review->body;
    add_event(c, event);
    if (const auto open = open_referrals(c, policy); !open.empty())
        return fmt::format("outcome of the review by {} recorded; still open: {}", body,
                           util::join(open, ", "));
    if (named && !named->stage_two)
        return fmt::format("outcome of the referral to {} recorded; no referral is open", body);
    return fmt::format("outcome of the review by {} recorded; stage 2 is closed", body);
}

void run_escalate(const EscalateOptions& options, const Writer& repo) {
    if (options.outcome_given && options.outcome != "-" && util::trim(options.outcome).empty())
        throw Error(ErrorKind::usage, "--outcome needs the review's outcome, in words");
    if (!options.reason.empty() && !options.outcome.empty())
        throw Error(ErrorKind::usage, "--reason goes with --to BODY, not --outcome");
    if (options.outcome.empty() && options.to.empty())
        throw Error(ErrorKind::usage,
                    "give --to BODY to refer the complaint, or --outcome TEXT to record "
                    "the review's outcome");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(options.id);
    std::string said;
    std::vector<std::string> cautions;
    update_case(repo, id, [&](Case& c) {
        said = options.outcome.empty() ? refer(c, options, context, store, cautions)
                                       : record_outcome(c, options, context, store);
    });
    fmt::print("{}: {}\n", id, said);
    say_cautions(cautions);
}

// Each preset's review bodies, from the presets themselves.
std::string bodies_help() {
    std::vector<std::string> presets;
    for (const auto& preset : complaints::all_presets())
        presets.push_back(
            fmt::format("{}: {}", preset.name, util::join(review_body_keys(preset.make()), ", ")));
    return util::join(presets, "; ");
}

// Every preset's bodies, for completion: the repository's policy decides.
std::vector<std::string> all_body_keys() {
    std::vector<std::string> keys;
    for (const auto& preset : complaints::all_presets())
        for (const auto& key : review_body_keys(preset.make()))
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                keys.push_back(key);
    return keys;
}

} // namespace

void setup_escalate(CLI::App& app, Context& context) {
    auto o = std::make_shared<EscalateOptions>();
    CLI::App* command = app.add_subcommand(
        "escalate", "refer the complaint to a body outside the organisation (a review, a "
                    "regulator, an advice service), or record its outcome");
    command->add_option("ID", o->id, "the case")->required();
    choices(command->add_option("--to", o->to, bodies_help()), all_body_keys())
        ->option_text("BODY");
    command->add_option("--ref", o->reference, "the body's reference")->option_text("REF");
    command
        ->add_option("--note", o->note,
                     "with --to: a note, such as the indemnity provider's advice")
        ->option_text("TEXT");
    command
        ->add_option(
            "--reason", o->reason,
            "with --to: why the body is told before the organisation's own response "
            "(the Responsible Officer: the complaint is more serious; the Ombudsman before the "
            "practice's response; - reads stdin)")
        ->option_text("TEXT");
    command->add_option("--outcome", o->outcome, "the outcome of the open review (- reads stdin)")
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o, command](const Writer& repo) {
        o->outcome_given = command->count("--outcome") > 0;
        run_escalate(*o, repo);
    });
}

} // namespace complaints::cli
