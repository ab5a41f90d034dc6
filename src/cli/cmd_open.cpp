// SPDX-License-Identifier: Apache-2.0
// complaints open: record a complaint, concern or feedback as it arrives.
#include "channel_text.hpp"
#include "choices.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "file_input.hpp"
#include "json_output.hpp"
#include "output.hpp"
#include "patient_data_warnings.hpp"
#include "return_options.hpp"
#include "text_input.hpp"

#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/email_filing.hpp"
#include "complaints/workflow/being_open.hpp"
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
    std::string from_email;
    ReturnOptions returns; // the annual return's fields
    WhenWho when_who;
    Format format = Format::table;
};

void fill_people(const OpenOptions& options, Case& c) {
    require_clean_text(options.complainant, "--complainant");
    if (!options.complainant.empty() && folded(options.complainant).empty())
        throw Error(ErrorKind::usage, "--complainant: give the complainant's name");
    require_clean_text(options.on_behalf_of, "--on-behalf-of");
    require_clean_text(options.about, "--about");
    require_clean_text(options.type, "--type");
    c.complainant = options.complainant;
    c.on_behalf_of = options.on_behalf_of;
    c.about = options.about;
    c.type = options.type;
    if (!options.consent.empty() && options.on_behalf_of.empty())
        throw Error(ErrorKind::usage,
                    "--consent is about a complaint made on someone's behalf; give --on-behalf-of");
    if (!options.on_behalf_of.empty())
        c.consent = options.consent.empty() ? Consent::pending
                                            : parse_enum<Consent>(options.consent, "--consent");
    if (!options.category.empty())
        c.category = parse_enum<Category>(options.category, "--category");
}

// Days between the withdrawal and the session, from --notice-days or the dates.
std::optional<int> notice_days(const OpenOptions& options) {
    if (options.session.empty() != options.withdrawn.empty())
        throw Error(ErrorKind::usage, "--session and --withdrawn go together");
    if (options.session.empty())
        return options.notice_days;
    if (options.notice_days)
        throw Error(ErrorKind::usage, "give --notice-days or --session and --withdrawn, not both");
    const auto session = parse_date(options.session), withdrawn = parse_date(options.withdrawn);
    if (!session || !withdrawn)
        throw Error(ErrorKind::usage,
                    "--session and --withdrawn take dates on the calendar (YYYY-MM-DD)");
    return (date::sys_days{*session} - date::sys_days{*withdrawn}).count();
}

// The session and withdrawal dates, kept on the case when given.
void fill_withdrawal(const OpenOptions& options, Case& c) {
    if (options.session.empty() || options.withdrawn.empty())
        return;
    c.session = parse_date(options.session);
    c.withdrawn = parse_date(options.withdrawn);
}

// The treatment the complaint is about: what, when and by whom, as the
// response letter summarises it.
void fill_treatment(const OpenOptions& options, Case& c) {
    require_clean_text(options.treatment, "--treatment");
    require_clean_text(options.treated_by, "--treated-by");
    c.treatment = options.treatment;
    c.treated_by = options.treated_by;
    if (!options.treated_on.empty())
        c.treated_on = date_flag(options.treated_on, "--treated-on");
}

std::string summary_text(const OpenOptions& options) {
    if (!options.summary.empty())
        return text_from_flag(options.summary, "--summary");
    return text_from_editor("summary").value_or("");
}

void fill_practitioners_and_points(const OpenOptions& options, Case& c) {
    for (const auto& name : options.practitioners) {
        require_clean_text(name, "--practitioner");
        if (folded(name).empty())
            throw Error(ErrorKind::usage, "--practitioner: give the practitioner's name");
        c.practitioners.push_back(name);
    }
    int number = 0;
    for (const auto& point : options.points) {
        require_clean_text(point, "--point");
        if (folded(point).empty())
            throw Error(ErrorKind::usage, "--point: a point raised needs its words");
        Point raised;
        raised.number = ++number;
        raised.text = point;
        c.points.push_back(raised);
    }
}

Case new_case(const OpenOptions& options, const Context& context, const Store& store) {
    Case c;
    c.kind = options.kind.empty() ? Kind::complaint : parse_enum<Kind>(options.kind, "--kind");
    c.channel = parse_enum<Channel>(options.channel, "--channel");
    fill_people(options, c);
    fill_practitioners_and_points(options, c);
    const Timestamp now = in_zone(context.now, store.zone());
    // --at alone dates the receipt too: the clock runs from when the
    // complaint came in, never from when it was typed.
    c.received = !options.received.empty() ? time_flag(options.received, store.zone(), "--received")
                 : !options.when_who.at.empty() ? when(options.when_who, context, store)
                                                : now;
    if (c.received.utc > context.now + std::chrono::minutes(5))
        throw Error(ErrorKind::usage,
                    fmt::format("--received: '{}' is in the future", options.received));
    Event opened;
    // A case back-filled from paper is dated when it was received.
    opened.at = options.when_who.at.empty() ? c.received : when(options.when_who, context, store);
    if (opened.at < c.received)
        throw Error(ErrorKind::usage,
                    fmt::format("--at: {} is before the case was received ({})",
                                format_timestamp(opened.at), format_timestamp(c.received)));
    if (opened.at != now)
        opened.recorded = now;
    opened.type = EventType::opened;
    opened.by = context.author(options.when_who.by, store);
    opened.text = fmt::format("{} received {}", name_of(c.kind), how_received(c.channel));
    c.events.push_back(opened);
    if (!options.gmc.empty()) {
        check_gmc_number(options.gmc);
        c.gmc = options.gmc;
    }
    if (!options.happened.empty())
        c.happened = date_flag(options.happened, "--happened");
    fill_treatment(options, c);
    const auto notice = notice_days(options);
    fill_withdrawal(options, c);
    classify_intake(c, store.config().policy, notice, !options.kind.empty());
    c.summary = summary_text(options);
    set_return_fields(c, return_fields(options.returns), store.config().policy);
    if (!options.safety_incident.empty()) {
        check_being_open_allowed(store.config().policy);
        Event incident = opened;
        incident.type = EventType::safety_incident;
        incident.text = text_from_flag(options.safety_incident, "--safety-incident");
        mark_safety_incident(c, incident);
    }
    return c;
}

// A complaint about a suspended clinician is still a complaint: opening it
// says so on standard error, so whoever takes it knows, and refuses nothing.
// `others` are the other cases, slim.
void note_suspension(const Case& c, std::vector<Case> others, const Store& store) {
    const Policy& policy = store.config().policy;
    if (c.about.empty() || !policy.warnings.kept)
        return;
    const auto day = local_date(c.received.utc, store.zone());
    others.push_back(c);
    for (const auto& clinician : clinicians(others, policy, store.zone())) {
        if (std::find(clinician.case_ids.begin(), clinician.case_ids.end(), c.id) ==
            clinician.case_ids.end())
            continue;
        const ClinicianStatus status = standing_on(clinician, policy, day).status;
        const Decision* last = last_decision(clinician, day);
        if (last &&
            (status == ClinicianStatus::suspended || status == ClinicianStatus::suspension_ended))
            fmt::print(stderr, "complaints: note: {} is {}: {} on {} ({})\n", clinician.name,
                       status == ClinicianStatus::suspended ? "suspended" : "suspension-ended",
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
    const std::optional<IncomingEmail> email = from_email(options, store);
    if (options.kind.empty() || options.kind == "complaint") // what the return counts
        ask_return_fields(options.returns, store.config().policy);
    Case c = new_case(options, context, store);
    if (email)
        c.events.front().text = opening_from_email(email->email, store.zone()).text;
    // The patient-data guard scans the new case before the lock: a refusal
    // comes from here, and under the lock only a text added there is read.
    const CleanTexts scanned = clean_texts(c, store.config().policy);
    guard_patient_data(c, store.config().policy, &scanned);
    StoreWriter writer = repo.lock();
    // The other cases' slim facts, through the cache (a platform keeps tens
    // of thousands), once for both uses below: strictly when the GMC number
    // is to be checked, which must see every case.
    const bool checks_gmc = !c.gmc.empty() || options.same_clinician;
    const bool about_clinician = !c.about.empty() && store.config().policy.warnings.kept;
    const std::vector<Case> others =
        checks_gmc || about_clinician ? context.slim_all(store, checks_gmc) : std::vector<Case>{};
    // One GMC number, one clinician: another name is refused unless the
    // user says it is the same person, and the opening records the alias.
    if (checks_gmc)
        if (const std::string owner = check_gmc_owner(c, others, options.same_clinician);
            !owner.empty())
            c.events.front().text += fmt::format("; '{}' recorded as another name of {} (GMC {})",
                                                 c.about, owner, c.gmc);
    const std::vector<Namesake> same_name =
        checks_gmc ? namesakes(c, others) : std::vector<Namesake>{};
    if (email) {
        // Every case must be seen to know the message is not filed already.
        refuse_filed_twice(message_index(context.slim_all(store, true)), email->email);
        file_email(c, writer, c.events.front(), *email);
    }
    c.id = writer.create(c, context.random, &scanned);
    context.recorded = c.id;
    if (email)
        for (const auto& caution : email->cautions)
            fmt::print(stderr, "complaints: caution: {}\n", caution);
    print_namesakes(c, same_name);
    print_patient_data_warnings(c, store);
    note_suspension(c, others, store);
    print_off_day_notes(c, store, context.now);
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
    command->add_flag("--same-clinician", options->same_clinician,
                      "with --gmc: the number's clinician is recorded under another name too "
                      "(an alias), instead of refusing the new name");
    add_return_options(*command, options->returns);
    add_when_who(*command, options->when_who);
    add_format_option(*command, options->format, {Format::table, Format::json});
    writes(*command, context, [options](const Writer& repo) { run_open(*options, repo); });
}

} // namespace complaints::cli
