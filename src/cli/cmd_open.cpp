// SPDX-License-Identifier: Apache-2.0
// complaints open: record a complaint, concern or feedback as it arrives.
#include "choices.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "file_input.hpp"
#include "json_output.hpp"
#include "output.hpp"
#include "patient_data_warnings.hpp"
#include "return_options.hpp"
#include "text_input.hpp"

#include "complaints/ops/open.hpp"
#include "complaints/store/email_filing.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

struct OpenOptions {
    std::string kind;
    std::string channel;
    std::string received;
    std::string complainant;
    std::string on_behalf_of;
    std::string consent;
    std::string about;
    std::string category;
    std::string type;
    std::string summary;
    std::string desired_outcome;
    std::vector<std::string> points;
    std::vector<std::string> practitioners;
    std::string gmc;
    std::optional<int> notice_days;
    std::string session;
    std::string withdrawn;
    std::string happened;
    std::string treatment;
    std::string treated_on;
    std::string treated_by;
    bool same_clinician = false;
    std::string safety_incident;
    std::string officer;
    std::string from_email;
    ReturnOptions returns; // the annual return's fields
    WhenWho when_who;
    Format format = Format::table;
};

// A date option, when given.
std::optional<date::year_month_day> date_given(const std::string& text, std::string_view flag) {
    if (text.empty())
        return std::nullopt;
    return date_flag(text, flag);
}

std::string summary_text(const OpenOptions& options) {
    if (!options.summary.empty())
        return text_from_flag(options.summary, "--summary");
    return text_from_editor("summary").value_or("");
}

// The options as the operation takes them: values parsed, nothing decided.
OpenRequest open_request(const OpenOptions& options, const Context& context, const Store& store) {
    OpenRequest request;
    if (!options.kind.empty())
        request.kind = parse_enum<Kind>(options.kind, "--kind");
    request.channel = parse_enum<Channel>(options.channel, "--channel");
    if (!options.received.empty())
        request.received = time_flag(options.received, store.zone(), "--received");
    if (!options.when_who.at.empty())
        request.at = when(options.when_who, context, store);
    request.by = context.author(options.when_who.by, store);
    request.complainant = options.complainant;
    request.on_behalf_of = options.on_behalf_of;
    if (!options.consent.empty())
        request.consent = parse_enum<Consent>(options.consent, "--consent");
    request.about = options.about;
    if (!options.category.empty())
        request.category = parse_enum<Category>(options.category, "--category");
    request.type = options.type;
    request.points = options.points;
    request.practitioners = options.practitioners;
    request.gmc = options.gmc;
    request.same_clinician = options.same_clinician;
    request.notice_days = options.notice_days;
    request.session = date_given(options.session, "--session");
    request.withdrawn = date_given(options.withdrawn, "--withdrawn");
    request.happened = date_given(options.happened, "--happened");
    request.treatment = options.treatment;
    request.treated_on = date_given(options.treated_on, "--treated-on");
    request.treated_by = options.treated_by;
    if (!options.safety_incident.empty())
        request.safety_incident = text_from_flag(options.safety_incident, "--safety-incident");
    request.returns = return_fields(options.returns);
    request.summary = summary_text(options);
    request.desired_outcome = text_from_flag(options.desired_outcome, "--desired-outcome");
    request.officer = options.officer;
    request.manager = complaints_manager_name(store.config());
    for (const auto& known : store.config().practitioners)
        request.practitioner_register.push_back(known.name);
    return request;
}

// A complaint about a suspended clinician is still a complaint: opening it
// says so on standard error, so whoever takes it knows, and refuses nothing.
// `others` are the other cases, slim.
void note_suspension(const Case& c, std::vector<Case> others, const Store& store) {
    const Policy& policy = store.config().policy;
    const auto day = local_date(c.received.utc, store.zone());
    others.push_back(c);
    for (const auto& clinician : clinicians(others, policy, store.zone())) {
        if (std::find(clinician.case_ids.begin(), clinician.case_ids.end(), c.id) ==
            clinician.case_ids.end())
            continue;
        const ClinicianStatus status = standing_on(clinician, policy, day).status;
        const Decision* last = last_decision(clinician, day);
        if (last && (is_suspended(status) || status == ClinicianStatus::suspension_ended))
            fmt::print(stderr, "complaints: note: {} is {}: {} on {} ({})\n", clinician.name,
                       status == ClinicianStatus::suspension_ended ? "suspension-ended"
                                                                   : "suspended",
                       describe_decision(*last), format_date(last->on), last->case_id);
    }
}

// The mirror of one GMC number, one clinician: a known name under a new
// number is more often a mistyped number than a second doctor of that name,
// but it can be either, so the case is opened and the user told.
void print_namesakes(const Case& c, const std::vector<Namesake>& found) {
    for (const auto& other : found)
        fmt::print(stderr,
                   "complaints: warning: '{}' is on file under GMC number {} (case {}, as '{}'), "
                   "not {}: check the number; if they are two clinicians of one name, nothing "
                   "more is needed\n",
                   c.about, other.gmc, other.case_id, other.name, c.gmc);
}

// A Friday afternoon's 48 clock hours end on Sunday: say so while someone
// is there to act, without refusing anything.
void print_off_day_notes(const Case& c, const Store& store, date::sys_seconds now) {
    for (const auto& clock : clocks_of(c, store, now))
        if (clock.state == ClockState::running)
            if (const auto off_day = off_day_deadline(clock, store.calendar(), store.zone()))
                fmt::print(stderr, "complaints: note: the {} deadline, {}, {}\n", clock.rule,
                           due_text(clock, store.zone()), off_day_text(*off_day));
}

// The email read and checked, and the options it fills where none were
// given: the sender, when it reached us, the subject, the channel.
std::optional<IncomingEmail> from_email(OpenOptions& options, const Store& store) {
    if (options.from_email.empty()) {
        if (options.channel.empty())
            throw Error(ErrorKind::usage, "--channel is required (or --from-email FILE)");
        return std::nullopt;
    }
    const std::size_t most = (std::size_t(store.config().attachment_limit_mb) << 20) + 1;
    IncomingEmail incoming =
        incoming_email(bytes_from(options.from_email, most), options.from_email, store.config());
    const EmailOpening opening = opening_from_email(incoming.email, store.zone());
    if (options.channel.empty())
        options.channel = name_of(Channel::email);
    if (options.complainant.empty())
        options.complainant = opening.complainant;
    if (options.summary.empty())
        options.summary = opening.summary.empty() ? "(no subject)" : opening.summary;
    if (options.received.empty())
        options.received = format_timestamp(opening.received);
    return incoming;
}

void run_open(OpenOptions options, const Writer& repo) {
    const auto& [context, store] = repo;
    const Policy& policy = store.config().policy;
    const std::optional<IncomingEmail> email = from_email(options, store);
    if (options.kind.empty() || options.kind == "complaint") // what the return counts
        ask_return_fields(options.returns, policy);
    OpenRequest request = open_request(options, context, store);
    if (email)
        request.opening_text = opening_from_email(email->email, store.zone()).text;
    StoreWriter writer = repo.lock();
    // The other cases' slim facts, through the cache (a platform keeps tens
    // of thousands), read once: strictly when the operation asks, since one
    // GMC number's clinician must be looked for in every case.
    std::optional<std::vector<Case>> others;
    const auto all_others = [&] { return *(others = context.slim_all(store, true)); };
    Opened opened = open_case(request, policy, in_zone(context.now, store.zone()), all_others);
    Case& c = opened.c;
    const bool about_clinician = !c.about.empty() && policy.warnings.kept;
    if (about_clinician && !others)
        others = context.slim_all(store, false);
    if (email) {
        // Every case must be seen to know the message is not filed already.
        refuse_filed_twice(message_index(context.slim_all(store, true)), email->email);
        file_email(c, writer, c.events.front(), *email);
    }
    c.id = writer.create(c, context.random, &opened.scanned);
    context.recorded = c.id;
    if (email)
        for (const auto& caution : email->cautions)
            fmt::print(stderr, "complaints: caution: {}\n", caution);
    print_namesakes(c, opened.namesakes);
    print_patient_data_warnings(c, store);
    if (about_clinician)
        note_suspension(c, *others, store);
    print_off_day_notes(c, store, context.now);
    print_insurer_prompt(c, policy);
    if (options.format == Format::json)
        print_case_json(c, clocks_of(c, store, context.now), store);
    else
        fmt::print("{}\n", c.id);
}

// Who complains, for whom, and about whom.
void add_people_options(CLI::App* command, OpenOptions* options) {
    command->add_option("--complainant", options->complainant, "who complains")
        ->option_text("NAME");
    command
        ->add_option("--on-behalf-of", options->on_behalf_of,
                     "the person the complaint is made for")
        ->option_text("NAME");
    enum_choices<Consent>(
        command->add_option("--consent", options->consent,
                            "their consent, with --on-behalf-of: yes, no or pending (default)"));
    command->add_option("--about", options->about, "the practitioner, clinician or service")
        ->option_text("WHO");
    enum_choices<Category>(
        command->add_option("--category", options->category, "clinical or non-clinical"));
    command->add_option("--type", options->type, "the type of complaint");
}

// A withdrawal's notice, and the treatment a complaint is about.
void add_fact_options(CLI::App* command, OpenOptions* options) {
    command
        ->add_option("--notice-days", options->notice_days,
                     "a withdrawal's notice in days: the policy decides if it is a complaint")
        ->option_text("N");
    command->add_option("--session", options->session, "the session withdrawn from")
        ->option_text("DATE");
    command->add_option("--withdrawn", options->withdrawn, "when the clinician withdrew")
        ->option_text("DATE");
    command
        ->add_option("--practitioner", options->practitioners,
                     "a practitioner involved in a treatment-related complaint (repeat for each)")
        ->option_text("NAME");
    command
        ->add_option("--treatment", options->treatment,
                     "the treatment a treatment-related complaint is about, as the response "
                     "letter summarises it")
        ->option_text("TEXT");
    command->add_option("--treated-on", options->treated_on, "the day of that treatment")
        ->option_text("DATE");
    command->add_option("--treated-by", options->treated_by, "who gave that treatment")
        ->option_text("NAME");
}

} // namespace

void setup_open(CLI::App& app, Context& context) {
    auto options = std::make_shared<OpenOptions>();
    CLI::App* command = app.add_subcommand("open", "open a case for a complaint, concern or "
                                                   "feedback; prints its new ID");
    enum_choices<Kind>(
        command->add_option("--kind", options->kind, "complaint (default), concern or feedback"));
    enum_choices<Channel>(command->add_option("--channel", options->channel,
                                              "web-form, phone, in-person, email or letter; "
                                              "required but with --from-email"));
    command
        ->add_option("--from-email", options->from_email,
                     "open the case from an email (.eml; - reads standard input): sender, "
                     "arrival, subject and body, its files attached, the message kept")
        ->option_text("FILE");
    command->add_option("--received", options->received, "when it arrived; default now")
        ->option_text("TIME");
    add_people_options(command, options.get());
    command
        ->add_option("--summary", options->summary,
                     "what it is about; - reads standard input; $EDITOR when omitted at a "
                     "terminal")
        ->option_text("TEXT");
    command
        ->add_option("--desired-outcome", options->desired_outcome,
                     "what the complainant wants to come of it, in their words (optional)")
        ->option_text("TEXT");
    command->add_option("--point", options->points, "a point raised (repeat for each)")
        ->option_text("TEXT");
    command->add_option("--gmc", options->gmc, "the clinician's GMC number (seven digits)")
        ->option_text("NUMBER");
    add_fact_options(command, options.get());
    command
        ->add_option("--safety-incident", options->safety_incident,
                     "the complaint is about a patient safety incident: why (Being Open follows)")
        ->option_text("REASON");
    command
        ->add_option(
            "--happened", options->happened,
            "when what it is about happened, or the complainant learnt of it: a policy with a "
            "time limit flags a late complaint")
        ->option_text("DATE");
    command
        ->add_option("--officer", options->officer,
                     "who investigates (where the complaints manager does unless another is "
                     "named: complaints.yaml's complaints_manager, else the signatory)")
        ->option_text("NAME");
    command->add_flag("--same-clinician", options->same_clinician,
                      "with --gmc: the number's clinician is recorded under another name too "
                      "(an alias), instead of refusing the new name");
    add_return_options(*command, options->returns);
    add_when_who(*command, options->when_who);
    add_format_option(*command, options->format, {Format::table, Format::json});
    writes(*command, context, [options](const Writer& repo) { run_open(*options, repo); });
}

} // namespace complaints::cli
