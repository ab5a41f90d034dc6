// SPDX-License-Identifier: Apache-2.0
// complaints respond VERB ID: the organisation's own answer, one step per
// subcommand. The flag forms of earlier versions (respond ID --sent, ...)
// still work, with a note, through respond_legacy.cpp.
#include "choices.hpp"
#include "commands.hpp"
#include "respond_legacy.hpp"
#include "respond_steps.hpp"

namespace complaints::cli {

namespace {

void add_id(CLI::App& command, std::string& id) {
    command.add_option("ID", id, "the case (any unambiguous part of its ID)")->required();
}

// --out, --force and --format for a letter drafted. A step that records
// (`draft_flag` names its --draft) takes --format json too, for the case as
// recorded, as every writing command does.
void add_draft_out(CLI::App& command, DraftOut& out, const char* draft_flag) {
    const std::string with = draft_flag ? std::string("with ") + draft_flag + ": " : "";
    command
        .add_option("--out", out.out,
                    with + "write to FILE instead of stdout (a new file "
                           "unless --force)")
        ->option_text("FILE");
    command.add_flag("--force", out.force, with + "replace --out FILE if it exists");
    std::vector<std::string> formats{"markdown", "html"};
    std::string help = with + "markdown (the default) or html, a page to print or save as PDF";
    if (draft_flag) {
        formats.emplace_back("json");
        help += "; without it, json prints the case as recorded";
    }
    choices(command.add_option("--format", out.format, help), formats)->option_text("FORMAT");
}

void add_letter(CLI::App& command, Sending& sending) {
    command
        .add_option("--letter", sending.letter,
                    "the letter as sent (edited by hand; - reads stdin), kept byte for byte "
                    "instead of the one drafted now")
        ->option_text("FILE");
}

void add_correction_and_when(CLI::App& command, std::string& correction, WhenWho& when_who) {
    add_correction_option(command, correction);
    add_when_who(command, when_who);
}

// Each step's callback refuses the old flags first: `respond send ID
// --sent` would otherwise give --sent to the old form, silently.
template <class Request, class View>
CLI::App* step(CLI::App& respond, Context& context, const char* name, const char* help,
               std::shared_ptr<Request> request, void (*run)(const Request&, const View&)) {
    CLI::App* command = respond.add_subcommand(name, help);
    add_id(*command, request->id);
    const auto callback = [&respond, request, run](const View& repo) {
        refuse_old_flags(respond);
        run(*request, repo);
    };
    if constexpr (std::is_same_v<View, Reader>)
        reads(*command, context, callback);
    else
        writes(*command, context, callback);
    return command;
}

void add_acknowledge(CLI::App& respond, Context& context) {
    auto r = std::make_shared<AcknowledgeRequest>();
    CLI::App* command =
        step(respond, context, "acknowledge",
             "record that the complaint was acknowledged, keeping the letter in letters/ID/; "
             "with --draft, write the letter only",
             r, acknowledge);
    choices(command->add_option("--via", r->sending.via, "email or letter"), {"email", "letter"})
        ->option_text("CHANNEL");
    add_letter(*command, r->sending);
    command->add_flag("--draft", r->draft, "write the acknowledgement letter, record nothing");
    add_draft_out(*command, r->out, "--draft");
    add_when_who(*command, r->when_who);
}

void add_finding(CLI::App& respond, Context& context) {
    auto r = std::make_shared<FindingRequest>();
    CLI::App* command =
        step(respond, context, "finding", "record the finding and conclusion on a point raised", r,
             record_finding);
    command->add_option("--point", r->point, "the point the finding answers, as 'show' numbers it")
        ->option_text("N")
        ->check(point_number());
    enum_choices<Finding>(
        command->add_option("--finding", r->finding, "upheld, partly-upheld or not-upheld"));
    command
        ->add_option("--conclusion", r->conclusion,
                     "the conclusion reached on the point (- reads stdin)")
        ->option_text("TEXT");
    command->add_option("--remedial", r->remedial, "remedial action taken on the point")
        ->option_text("TEXT");
    command->add_option("--staff", r->staff, "staff involved in the point")->option_text("NAMES");
    add_correction_and_when(*command, r->correction, r->when_who);
}

void add_apology(CLI::App& respond, Context& context) {
    auto r = std::make_shared<ApologyRequest>();
    CLI::App* command = step(respond, context, "apology", "record the apology the response gives",
                             r, record_apology);
    command->add_option("--text", r->text, "the apology (- reads stdin)")
        ->option_text("TEXT")
        ->required();
    add_correction_and_when(*command, r->correction, r->when_who);
}

void add_enclose(CLI::App& respond, Context& context) {
    auto r = std::make_shared<EncloseRequest>();
    CLI::App* command =
        step(respond, context, "enclose",
             "record what this case's response encloses, besides complaints.yaml's enclosures", r,
             enclose);
    command->add_option("--text", r->texts, "what is enclosed (repeat for each)")
        ->option_text("TEXT");
    command
        ->add_option("--attachment", r->attachments,
                     "an attachment enclosed, by its number in show (repeat for each); the "
                     "letter lists it by the name it came with")
        ->option_text("N");
    add_when_who(*command, r->when_who);
}

void add_treatment(CLI::App& respond, Context& context) {
    auto r = std::make_shared<TreatmentRequest>();
    CLI::App* command =
        step(respond, context, "treatment",
             "record the treatment the complaint is about, as the response summarises it", r,
             record_treatment);
    command->add_option("--treatment", r->treatment, "what the treatment was")->option_text("TEXT");
    command->add_option("--treated-on", r->treated_on, "the day of that treatment")
        ->option_text("DATE");
    command->add_option("--treated-by", r->treated_by, "who gave that treatment")
        ->option_text("NAME");
    add_correction_and_when(*command, r->correction, r->when_who);
}

void add_practitioners(CLI::App& respond, Context& context) {
    auto r = std::make_shared<PractitionersRequest>();
    CLI::App* command =
        step(respond, context, "practitioners",
             "name the practitioners a treatment-related complaint involves, replacing the list", r,
             name_practitioners);
    command->add_option("--practitioner", r->names, "a practitioner's name (repeat for each)")
        ->option_text("NAME")
        ->required();
    add_correction_and_when(*command, r->correction, r->when_who);
}

void add_draft(CLI::App& respond, Context& context) {
    auto r = std::make_shared<DraftRequest>();
    CLI::App* command =
        step(respond, context, "draft",
             "write the response letter from the case, dated --at or today; closed cases too", r,
             draft_response);
    add_draft_out(*command, r->out, nullptr);
    add_when_who(*command, r->when_who);
}

void add_delay(CLI::App& respond, Context& context) {
    auto r = std::make_shared<DelayRequest>();
    CLI::App* command =
        step(respond, context, "delay",
             "record the explanation of delay sent to the complainant, keeping its letter; with "
             "--draft, write the letter only",
             r, explain_delay);
    command->add_option("--reason", r->reason, "why the response is late, as the letter says it")
        ->option_text("REASON")
        ->required();
    command->add_option("--new-date", r->new_date, "when the full response will come")
        ->option_text("DATE");
    add_letter(*command, r->sending);
    command->add_flag("--draft", r->draft, "write the delay letter, record nothing");
    add_draft_out(*command, r->out, "--draft");
    add_when_who(*command, r->when_who);
}

void add_send(CLI::App& respond, Context& context) {
    auto r = std::make_shared<SendRequest>();
    CLI::App* command =
        step(respond, context, "send",
             "record that the written response was sent, keeping the letter in letters/ID/", r,
             send_response);
    choices(command->add_option("--via", r->sending.via, "email or letter")->required(),
            {"email", "letter"})
        ->option_text("CHANNEL");
    add_letter(*command, r->sending);
    command
        ->add_option("--proceed-without-consent", r->proceed_without_consent,
                     "why the response may go without the patient's consent")
        ->option_text("REASON");
    command
        ->add_option("--without-practitioner", r->without_practitioner,
                     "why a treatment complaint's response goes without the practitioner's "
                     "account")
        ->option_text("REASON");
    add_when_who(*command, r->when_who);
}

} // namespace

void setup_respond(CLI::App& app, Context& context) {
    CLI::App* respond = app.add_subcommand(
        "respond", "the organisation's answer, a step at a time: acknowledge, finding, apology, "
                   "enclose, treatment, practitioners, draft, delay, send");
    // In the order a response is written.
    add_acknowledge(*respond, context);
    add_finding(*respond, context);
    add_apology(*respond, context);
    add_enclose(*respond, context);
    add_treatment(*respond, context);
    add_practitioners(*respond, context);
    add_draft(*respond, context);
    add_delay(*respond, context);
    add_send(*respond, context);
    add_old_flags(*respond, context);
}

} // namespace complaints::cli
