// complaints respond: the organisation's own answer. Findings per point, the
// apology, the draft letter, an explanation of delay, and the response sent.
#include "choices.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "letter_files.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/render/letters.hpp"
#include "complaints/workflow/cautions.hpp"
#include "complaints/workflow/corrections.hpp"
#include "complaints/workflow/workflow.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

struct RespondOptions {
    std::string id;
    int point = 0;
    std::string finding;
    std::string conclusion;
    std::string remedial;
    std::string staff;
    std::string apology;
    bool draft = false;
    std::string out;
    bool force = false;
    bool sent = false;
    bool acknowledge = false;
    std::string via;
    std::string letter;
    std::string proceed_without_consent;
    std::string without_practitioner;
    bool delay_given = false; // --delay was given, even empty
    std::string delay;
    std::string new_date;
    std::string correction;
    std::vector<std::string> enclose;
    std::string treatment;
    std::string treated_on;
    std::string treated_by;
    std::vector<std::string> practitioners;
    std::string format = "markdown";
    WhenWho when_who;
};

bool treatment_given(const RespondOptions& o) {
    return !o.treatment.empty() || !o.treated_on.empty() || !o.treated_by.empty();
}

// What a finding needs, given with no point and no other step to take.
bool finding_without_point(const RespondOptions& o) {
    const bool other_step = !o.apology.empty() || o.draft || o.sent || !o.delay.empty() ||
                            o.acknowledge || !o.enclose.empty() || treatment_given(o) ||
                            !o.practitioners.empty();
    return o.point == 0 && !other_step &&
           (!o.finding.empty() || !o.conclusion.empty() || !o.remedial.empty() || !o.staff.empty());
}

// Exactly one thing to do per call, so a mistake cannot half-apply.
void check_one_step(const RespondOptions& o) {
    if (o.format != "markdown" && o.format != "html")
        throw Error(
            ErrorKind::usage,
            fmt::format("--format: unknown format '{}'; choose markdown or html", o.format));
    if (o.format != "markdown" && !o.draft)
        throw Error(ErrorKind::usage, "--format goes with --draft: the letter kept is Markdown");
    if (o.delay_given && o.delay.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(ErrorKind::usage,
                    "--delay: give the reason for the delay, as the letter tells the complainant");
    if (!o.new_date.empty() && o.delay.empty())
        throw Error(ErrorKind::usage, "--new-date goes with --delay REASON");
    if (!o.out.empty() && !o.draft)
        throw Error(ErrorKind::usage, "--out goes with --draft");
    // --draft with --delay or --acknowledge drafts that letter: one step.
    const bool other_letter = !o.delay.empty() || o.acknowledge;
    const int steps = (o.point != 0) + !o.apology.empty() + (o.draft && !other_letter) + o.sent +
                      !o.delay.empty() + o.acknowledge + !o.enclose.empty() + treatment_given(o) +
                      !o.practitioners.empty();
    if (steps != 1)
        throw Error(ErrorKind::usage, "respond does one thing at a time: --point N --finding F "
                                      "--conclusion TEXT, --apology TEXT, --draft, --sent --via V, "
                                      "--acknowledge, --delay REASON (with --draft: its letter), "
                                      "--enclose TEXT, --treatment/--treated-on/--treated-by or "
                                      "--practitioner NAME");
    if (o.point != 0 && o.finding.empty())
        throw Error(ErrorKind::usage,
                    "--point N needs --finding upheld, partly-upheld or not-upheld");
    if (o.point == 0 &&
        (!o.finding.empty() || !o.conclusion.empty() || !o.remedial.empty() || !o.staff.empty()))
        throw Error(ErrorKind::usage,
                    "--finding, --conclusion, --remedial and --staff go with --point N");
    if (o.sent && o.via.empty())
        throw Error(ErrorKind::usage, "--sent needs --via email or letter");
    if ((o.sent || o.acknowledge) && !o.via.empty() && o.via != "email" && o.via != "letter")
        throw Error(ErrorKind::usage,
                    fmt::format("--via: {} goes by email or letter, not '{}'",
                                o.sent ? "a written response" : "an acknowledgement", o.via));
    if (!o.via.empty() && !o.sent && !o.acknowledge)
        throw Error(ErrorKind::usage, "--via goes with --sent or --acknowledge");
    if (!o.correction.empty() && o.point == 0 && o.apology.empty() && !treatment_given(o) &&
        o.practitioners.empty())
        throw Error(ErrorKind::usage,
                    "--correction goes with --point N, --apology, --treatment/--treated-on/"
                    "--treated-by or --practitioner NAME");
    if (o.force && o.out.empty())
        throw Error(ErrorKind::usage, "--force goes with --draft --out FILE");
    if (!o.letter.empty() && (o.draft || (!o.sent && !other_letter)))
        throw Error(ErrorKind::usage, "--letter FILE goes with --sent, --acknowledge or --delay: "
                                      "the letter that was sent");
    if (o.delay == "-" && o.letter == "-")
        throw Error(ErrorKind::usage, "--delay - and --letter - cannot both read standard input");
}

// When the step `type` completes was due for `c`, if a clock waits for it:
// the policy's date, or the new one an explanation of delay gave.
std::optional<DueDate> due_for(const Case& c, EventType type, const Context& context,
                               const Store& store) {
    const ClockContext clocks{store.config().policy, store.calendar(), store.zone(), context.now};
    const auto clock = clock_met_by(c, clocks, type);
    if (!clock)
        return std::nullopt;
    return DueDate{clock->due.day, clock->due.day != clock->policy_due.day};
}

// The letter as the case stands, dated the local day of --at (default
// today): what --sent keeps, unless --letter gives the one sent.
std::string letter_on(const Case& c, const Timestamp& at, const Context& context,
                      const Store& store) {
    return response_letter(c, store.config(), store.zone(), local_date(at.utc, store.zone()),
                           due_for(c, EventType::response_sent, context, store));
}

// A draft printed, or written to --out, in the --format chosen.
void put_letter(const std::string& markdown, const RespondOptions& options, const Case& c,
                const Store& store, std::string_view what) {
    if (options.format != "html")
        return put_draft(markdown, options.out, options.force, what);
    put_draft(letter_html(markdown, fmt::format("{}: {}", store.config().organisation, c.id)),
              options.out, options.force, what);
}

// Closed cases too: the letter can be drafted again at any time.
void draft(const RespondOptions& options, const Context& context, const Store& store) {
    check_response_allowed(store.config().policy, "draft a response letter");
    const Case c = store.load(store.resolve(options.id));
    require_complaint(c, "draft a response");
    put_letter(letter_on(c, when(options.when_who, context, store), context, store), options, c,
               store, "draft response");
}

// What this case's response encloses besides the organisation's list.
std::string enclose(Case& c, const RespondOptions& options) {
    require_formal_complaint(c, "list an enclosure");
    for (const auto& enclosure : options.enclose) {
        require_clean_text(enclosure, "--enclose");
        if (enclosure.find_first_not_of(" \t") == std::string::npos)
            throw Error(ErrorKind::usage, "--enclose: name what is enclosed");
        if (std::find(c.enclosures.begin(), c.enclosures.end(), enclosure) == c.enclosures.end())
            c.enclosures.push_back(enclosure);
    }
    return fmt::format("the response encloses {}", util::join(c.enclosures, "; "));
}

// `given` is the letter sent when --letter names it.
std::string send(Case& c, StoreWriter& writer, const std::optional<std::string>& given,
                 const RespondOptions& options, const Context& context, const Store& store) {
    const std::string via = std::string(name_of(parse_enum<Channel>(options.via, "--via")));
    if (via != "email" && via != "letter")
        throw Error(ErrorKind::usage, "--via: a written response goes by email or letter");
    check_response_allowed(store.config().policy, "send a written response");
    require_formal_complaint(c, "send the response");
    check_response(c, store.config().policy,
                   {.consent = !options.proceed_without_consent.empty(),
                    .practitioner = !options.without_practitioner.empty()});
    Event sent = make_event(EventType::response_sent, "", options.when_who, context, store);
    // Rendered before this step adds events, exactly as --draft showed it.
    sent.letter = writer.keep_letter(c.id, local_date(sent.at.utc, store.zone()), "response",
                                     given ? *given : letter_on(c, sent.at, context, store));
    if (!options.proceed_without_consent.empty())
        add_event(c, make_event(EventType::consent_waived, options.proceed_without_consent,
                                options.when_who, context, store));
    if (!options.without_practitioner.empty())
        add_event(c, make_event(EventType::practitioner_waived, options.without_practitioner,
                                options.when_who, context, store));
    Case with = c;
    add_event(with, sent);
    std::string standing;
    const ClockContext clocks{store.config().policy, store.calendar(), store.zone(), context.now};
    if (const auto clock = clock_met_by(with, clocks, EventType::response_sent))
        standing = timeliness(with, *clock);
    // The event states the fact; how it stood against the deadline is worked
    // out again whenever it is shown, so a later change of calendar or
    // policy leaves no stale date in the record.
    sent.text = fmt::format("Written response sent by {}", via);
    add_event(c, sent);
    return sent.text + (standing.empty() ? "" : ", " + standing);
}

// The explanation of delay --delay records on `c`, and its letter: the
// reason, and the date the response is then due (--new-date, or the
// policy's fresh period from the letter).
struct Delay {
    Event event;
    std::string letter;
    std::vector<std::string> cautions;         // about the new date, said but not refused
    std::optional<date::year_month_day> aimed; // the response's date before it
    std::optional<date::year_month_day> due;   // and once it is recorded
};

Delay explain_delay(const Case& c, const RespondOptions& options, const Context& context,
                    const Store& store) {
    check_delay_allowed(store.config().policy);
    require_formal_complaint(c, "explain a delay");
    check_delay(c);
    Delay delay{make_event(EventType::delay_explained, text_from_flag(options.delay, "--delay"),
                           options.when_who, context, store),
                {},
                {},
                {},
                {}};
    Event& event = delay.event;
    const auto day = local_date(event.at.utc, store.zone());
    const ClockContext clocks{store.config().policy, store.calendar(), store.zone(), context.now};
    if (!options.new_date.empty()) {
        event.due = date_flag(options.new_date, "--new-date");
        if (date::sys_days{*event.due} < date::sys_days{day})
            throw Error(ErrorKind::usage,
                        "--new-date: the new date is before the explanation was sent");
        delay.cautions = delay_date_cautions(c, *event.due, clocks);
    }
    if (auto late = late_explanation_caution(c, event.at, clocks))
        delay.cautions.push_back(std::move(*late));
    if (auto back_dated = back_dated_explanation_caution(c, event, clocks))
        delay.cautions.push_back(std::move(*back_dated));
    std::optional<date::year_month_day> aimed;
    if (const auto clock = clock_met_by(c, clocks, EventType::response_sent))
        aimed = clock->due.day;
    Case with = c;
    add_event(with, event);
    std::optional<date::year_month_day> promised = event.due;
    // Without --new-date the letter promises the fresh period's end, unless a
    // late explanation moved nothing: then no date already gone.
    if (const auto clock = clock_met_by(with, clocks, EventType::response_sent)) {
        delay.due = clock->due.day;
        if (!promised && clock->due.day != aimed)
            promised = clock->due.day;
    }
    delay.aimed = aimed;
    delay.letter = delay_letter(c, store.config(), store.zone(), day, event.text, promised, aimed);
    return delay;
}

void draft_delay(const RespondOptions& options, const Context& context, const Store& store) {
    const Case c = store.load(store.resolve(options.id));
    const Delay delay = explain_delay(c, options, context, store);
    put_letter(delay.letter, options, c, store, "draft delay letter");
    say_cautions(delay.cautions);
}

std::string delay(Case& c, StoreWriter& writer, const std::optional<std::string>& given,
                  const RespondOptions& options, const Context& context, const Store& store,
                  std::vector<std::string>& cautions) {
    Delay explained = explain_delay(c, options, context, store);
    cautions = explained.cautions;
    Event& event = explained.event;
    event.letter = writer.keep_letter(c.id, local_date(event.at.utc, store.zone()), "delay",
                                      given ? *given : explained.letter);
    add_event(c, event);
    if (!explained.due)
        return "explanation of delay recorded";
    // What the clock makes of it, not what the letter asked for: an earlier
    // or a late explanation leaves the date where it was.
    const bool moved = !explained.aimed || *explained.due != *explained.aimed;
    return fmt::format("explanation of delay recorded; the response is {} {}",
                       moved ? "now due" : "still due", format_date(*explained.due));
}

// The acknowledgement as the case stands, dated the local day of `at`, with
// the response's due date when its clock runs, and its own.
std::string acknowledgement_on(const Case& c, const Timestamp& at, const Context& context,
                               const Store& store) {
    const auto acknowledgement_due = due_for(c, EventType::acknowledged, context, store);
    return acknowledgement_letter(c, store.config(), store.zone(), local_date(at.utc, store.zone()),
                                  due_for(c, EventType::response_sent, context, store),
                                  acknowledgement_due ? std::optional(acknowledgement_due->day)
                                                      : std::nullopt);
}

void draft_acknowledgement(const RespondOptions& options, const Context& context,
                           const Store& store) {
    const Case c = store.load(store.resolve(options.id));
    require_complaint(c, "draft an acknowledgement");
    require_unacknowledged(c, store.zone());
    put_letter(acknowledgement_on(c, when(options.when_who, context, store), context, store),
               options, c, store, "draft acknowledgement");
}

std::string acknowledge(Case& c, StoreWriter& writer, const std::optional<std::string>& given,
                        const RespondOptions& options, const Context& context, const Store& store) {
    require_formal_complaint(c, "acknowledge the complaint");
    require_unacknowledged(c, store.zone());
    const std::string via =
        options.via.empty()
            ? ""
            : " by " + std::string(name_of(parse_enum<Channel>(options.via, "--via")));
    Event event = make_event(EventType::acknowledged, "Acknowledgement sent" + via,
                             options.when_who, context, store);
    event.letter =
        writer.keep_letter(c.id, local_date(event.at.utc, store.zone()), "acknowledgement",
                           given ? *given : acknowledgement_on(c, event.at, context, store));
    add_event(c, event);
    const ClockContext clocks{store.config().policy, store.calendar(), store.zone(), context.now};
    const auto clock = clock_met_by(c, clocks, EventType::acknowledged);
    if (!clock || !clock->done)
        return "acknowledgement recorded";
    const std::string due = format_date(clock->due.day);
    return clock->state == ClockState::met
               ? fmt::format("acknowledgement recorded, on time (due {})", due)
               : fmt::format("acknowledgement recorded, late: due {}", due);
}

// A letter kept as drafted without a signatory set carries the line that
// says where to set one: the record should not hold that unremarked.
void caution_unsigned(const RespondOptions& options, const Store& store,
                      std::vector<std::string>& cautions) {
    const bool kept = options.sent || options.acknowledge || !options.delay.empty();
    if (kept && options.letter.empty() && store.config().signatory.empty())
        cautions.push_back(fmt::format("the letter kept is signed \"{}\": set the signatory "
                                       "before the next letter, and keep the letter you actually "
                                       "sent with --letter FILE",
                                       k_unsigned));
}

// The treatment facts the response summarises, set or changed after open.
std::string treatment(Case& c, const RespondOptions& options, const Context& context,
                      const Store& store) {
    require_formal_complaint(c, "record the treatment");
    Treatment given;
    if (!options.treatment.empty())
        given.what = text_from_flag(options.treatment, "--treatment");
    if (!options.treated_on.empty())
        given.on = date_flag(options.treated_on, "--treated-on");
    if (!options.treated_by.empty())
        given.by = text_from_flag(options.treated_by, "--treated-by");
    set_treatment(c, given, correction(options.correction, options.when_who, context, store));
    return options.correction.empty() ? "treatment recorded" : "treatment corrected";
}

// The practitioners named after open (or named again): a treatment-related
// complaint opened before anyone knew who treated the patient is not stuck
// with "names no practitioner" for good.
std::string practitioners(Case& c, const RespondOptions& options, const Context& context,
                          const Store& store) {
    require_formal_complaint(c, "name the practitioner");
    for (const auto& name : options.practitioners) {
        require_clean_text(name, "--practitioner");
        if (folded(name).empty())
            throw Error(ErrorKind::usage, "--practitioner: give the practitioner's name");
    }
    set_practitioners(c, options.practitioners,
                      correction(options.correction, options.when_who, context, store));
    return fmt::format("practitioners {}: {}",
                       options.correction.empty() ? "recorded" : "corrected",
                       util::join(options.practitioners, ", "));
}

std::string finding(Case& c, const RespondOptions& options, const Context& context,
                    const Store& store) {
    require_formal_complaint(c, "record a finding");
    const Finding found = parse_enum<Finding>(options.finding, "--finding");
    record_finding(c, options.point, found, text_from_flag(options.conclusion, "--conclusion"),
                   text_from_flag(options.remedial, "--remedial"),
                   text_from_flag(options.staff, "--staff"),
                   correction(options.correction, options.when_who, context, store));
    add_event(c, make_event(EventType::finding,
                            fmt::format("Point {}: {}", options.point, name_of(found)),
                            options.when_who, context, store));
    return fmt::format("point {} {}", options.point, name_of(found));
}

// A finding given without the point it answers: the case's points, and how
// to name one, rather than the list of every step respond can take.
[[noreturn]] void refuse_without_point(const RespondOptions& options, const Context& context) {
    const Store store = context.open_store();
    const std::string id = store.resolve(options.id);
    const Case c = store.load(id);
    if (c.points.empty())
        throw Error(ErrorKind::usage,
                    fmt::format("--finding answers a point raised, and {} has none yet: add one "
                                "with 'complaints point {} add --text TEXT', then give --point 1",
                                id, id));
    std::vector<std::string> points;
    for (const auto& point : c.points)
        points.push_back(fmt::format("{} \"{}\"{}", point.number, headline(point.text, 40),
                                     point.finding ? fmt::format(" ({})", name_of(*point.finding))
                                                   : std::string()));
    throw Error(ErrorKind::usage,
                fmt::format("--finding needs --point N, the point it answers: {} has {} ({}); "
                            "for example: complaints respond {} --point {} --finding {} "
                            "--conclusion TEXT",
                            id, plural(static_cast<int>(c.points.size()), "point"),
                            util::join(points, ", "), id, c.points.front().number,
                            options.finding.empty() ? "upheld" : options.finding));
}

void run_respond(const RespondOptions& options, const Context& context) {
    if (finding_without_point(options))
        refuse_without_point(options, context);
    check_one_step(options);
    Store store = context.open_store();
    if (options.draft && options.acknowledge)
        return draft_acknowledgement(options, context, store);
    if (options.draft)
        return options.delay.empty() ? draft(options, context, store)
                                     : draft_delay(options, context, store);
    const std::string id = store.resolve(options.id);
    // Read and checked before the lock: a bad file stops everything.
    const auto given = options.letter.empty()
                           ? std::nullopt
                           : std::optional(letter_sent_from(options.letter, store));
    std::string said;
    std::vector<std::string> cautions;
    const Case after = update_case(context, store, id, [&](Case& c, StoreWriter& writer) {
        if (options.sent)
            said = send(c, writer, given, options, context, store);
        else if (options.acknowledge)
            said = acknowledge(c, writer, given, options, context, store);
        else if (!options.delay.empty())
            said = delay(c, writer, given, options, context, store, cautions);
        else if (options.point != 0)
            said = finding(c, options, context, store);
        else if (!options.enclose.empty())
            said = enclose(c, options);
        else if (treatment_given(options))
            said = treatment(c, options, context, store);
        else if (!options.practitioners.empty())
            said = practitioners(c, options, context, store);
        else {
            require_formal_complaint(c, "record an apology");
            set_apology(c, text_from_flag(options.apology, "--apology"),
                        correction(options.correction, options.when_who, context, store));
            said = options.correction.empty() ? "apology recorded" : "apology corrected";
        }
    });
    fmt::print("{}: {}\n", id, said);
    const EventType step = options.sent          ? EventType::response_sent
                           : options.acknowledge ? EventType::acknowledged
                                                 : EventType::delay_explained;
    if (const Event* sent = last_event(after, step);
        (options.sent || options.acknowledge || !options.delay.empty()) && sent)
        fmt::print(stderr, "complaints: the letter sent is kept in {}\n", sent->letter);
    caution_unsigned(options, store, cautions);
    say_cautions(cautions);
}

} // namespace

void setup_respond(CLI::App& app, Context& context) {
    auto o = std::make_shared<RespondOptions>();
    CLI::App* command = app.add_subcommand(
        "respond",
        "findings per point, apology, draft letter, explanation of delay, response sent");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--point", o->point, "the point a finding answers")
        ->option_text("N")
        ->check(CLI::Validator(
            [](const std::string& value) -> std::string {
                return value.find_first_not_of("0123456789") == std::string::npos &&
                               std::stol("0" + value) == 0
                           ? "no point 0: points are numbered from 1, as 'show' lists them"
                           : "";
            },
            "N"));
    enum_choices<Finding>(
        command->add_option("--finding", o->finding, "upheld, partly-upheld or not-upheld"));
    command
        ->add_option("--conclusion", o->conclusion,
                     "the conclusion reached on the point (- reads stdin)")
        ->option_text("TEXT");
    command->add_option("--remedial", o->remedial, "remedial action taken on the point")
        ->option_text("TEXT");
    command->add_option("--staff", o->staff, "staff involved in the point")->option_text("NAMES");
    command->add_option("--apology", o->apology, "the apology the response gives")
        ->option_text("TEXT");
    command->add_flag("--draft", o->draft,
                      "write the response letter (Markdown) from the case, dated --at or today; "
                      "closed cases too");
    command
        ->add_option("--out", o->out,
                     "with --draft: write to FILE instead of stdout (a new file unless --force)")
        ->option_text("FILE");
    command->add_flag("--force", o->force, "with --draft --out: replace FILE if it exists");
    command
        ->add_option("--format", o->format,
                     "with --draft: markdown (the default) or html, a page to print or save as "
                     "PDF")
        ->option_text("FORMAT");
    command
        ->add_option("--enclose", o->enclose,
                     "record something this case's response encloses, besides complaints.yaml's "
                     "enclosures (repeat for each)")
        ->option_text("TEXT");
    command
        ->add_option("--treatment", o->treatment,
                     "the treatment the complaint is about, as the response summarises it (set "
                     "at open or later; after the response, with --correction)")
        ->option_text("TEXT");
    command->add_option("--treated-on", o->treated_on, "the day of that treatment")
        ->option_text("DATE");
    command->add_option("--treated-by", o->treated_by, "who gave that treatment")
        ->option_text("NAME");
    command
        ->add_option("--practitioner", o->practitioners,
                     "the practitioners a treatment-related complaint involves, when open did "
                     "not name them (repeat for each; replaces the list; after the response, "
                     "with --correction)")
        ->option_text("NAME");
    command->add_flag("--sent", o->sent,
                      "record that the written response was sent, and keep the letter in "
                      "letters/ID/");
    command->add_flag("--acknowledge", o->acknowledge,
                      "record that the complaint was acknowledged, and keep the acknowledgement "
                      "in letters/ID/; with --draft, write the letter only");
    choices(command->add_option("--via", o->via,
                                "with --sent: email or letter (--acknowledge: optional)"),
            {"email", "letter"});
    command
        ->add_option("--letter", o->letter,
                     "with --sent, --acknowledge or --delay: the letter as sent (edited by hand; - "
                     "reads stdin), "
                     "kept byte for byte instead of the one --draft writes")
        ->option_text("FILE");
    command
        ->add_option("--proceed-without-consent", o->proceed_without_consent,
                     "with --sent: why the response may go without the patient's consent")
        ->option_text("REASON");
    command
        ->add_option("--without-practitioner", o->without_practitioner,
                     "with --sent: why a treatment complaint's response goes without the "
                     "practitioner's account")
        ->option_text("REASON");
    command
        ->add_option("--delay", o->delay,
                     "record an explanation of the delay sent to the complainant, and keep its "
                     "letter; with --draft, write the letter only")
        ->option_text("REASON");
    command->add_option("--new-date", o->new_date, "with --delay: when the full response will come")
        ->option_text("DATE");
    add_correction_option(*command, o->correction);
    add_when_who(*command, o->when_who);
    command->callback([o, command, &context] {
        o->delay_given = command->count("--delay") > 0;
        run_respond(*o, context);
    });
}

} // namespace complaints::cli
