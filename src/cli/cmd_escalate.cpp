// SPDX-License-Identifier: Apache-2.0
// complaints escalate: a referral to a body outside the organisation (the
// clinic's stage 2, the platform's additional steps), and its outcome.
#include "choices.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/ops/escalate.hpp"

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

// What the operation did, in words.
std::string said(const Escalated& done, const std::string& id) {
    using What = Escalated::What;
    switch (done.what) {
    case What::signposted:
        return fmt::format("signposted to {}, an advice and support service: no review outcome "
                           "is awaited",
                           done.body);
    case What::referred:
        return fmt::format("referred to {}; its outcome is tracked on the case, and closing the "
                           "complaint does not wait for it",
                           done.body);
    case What::stage_two_after_close:
        return fmt::format("stage 2: referred to {}, after the case closed; its outcome is "
                           "tracked on the case (escalate {} --outcome TEXT when it comes)",
                           done.body, id);
    case What::stage_two:
        return fmt::format("stage 2: referred to {}", done.body);
    case What::outcome_recorded:
        break;
    }
    if (!done.still_open.empty())
        return fmt::format("outcome of the review by {} recorded; still open: {}", done.body,
                           util::join(done.still_open, ", "));
    if (!done.stage_two)
        return fmt::format("outcome of the referral to {} recorded; no referral is open",
                           done.body);
    return fmt::format("outcome of the review by {} recorded; stage 2 is closed", done.body);
}

void run_escalate(const EscalateOptions& options, const Writer& repo) {
    const auto& [context, store] = repo;
    EscalateRequest request{options.to, options.reference, options.note, {}, {}, {}};
    if (!options.reason.empty())
        request.reason = text_from_flag(options.reason, "--reason");
    if (options.outcome_given)
        request.outcome =
            options.outcome.empty() ? "" : text_from_flag(options.outcome, "--outcome");
    const std::string id = store.resolve(options.id);
    Escalated done;
    update_case(repo, id, [&](Case& c) {
        request.event = make_event(EventType::escalated, "", options.when_who, context, store);
        done = escalate_case(c, request, store.config().policy, store.zone());
    });
    fmt::print("{}: {}\n", id, said(done, id));
    say_cautions(done.cautions);
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
