// SPDX-License-Identifier: Apache-2.0
// respond ID --flag: the form before respond had subcommands. Parsed as it
// always was, checked to be one step, then run as that subcommand's request.
#include "respond_legacy.hpp"

#include "commands.hpp"
#include "respond_steps.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct OldOptions {
    std::string id;
    int point = 0;
    std::string finding;
    std::string conclusion;
    std::string remedial;
    std::string staff;
    std::string apology;
    bool draft = false;
    DraftOut out;
    bool sent = false;
    bool acknowledge = false;
    Sending sending;
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
    WhenWho when_who;
};

bool treatment_given(const OldOptions& o) {
    return !o.treatment.empty() || !o.treated_on.empty() || !o.treated_by.empty();
}

bool finding_given(const OldOptions& o) {
    return !o.finding.empty() || !o.conclusion.empty() || !o.remedial.empty() || !o.staff.empty();
}

// What a finding needs, given with no point and no other step to take.
bool finding_without_point(const OldOptions& o) {
    const bool other_step = !o.apology.empty() || o.draft || o.sent || !o.delay.empty() ||
                            o.acknowledge || !o.enclose.empty() || treatment_given(o) ||
                            !o.practitioners.empty();
    return o.point == 0 && !other_step && finding_given(o);
}

// The flags that belong with one step only.
void check_companions(const OldOptions& o) {
    if (o.point != 0 && o.finding.empty())
        throw Error(ErrorKind::usage,
                    "--point N needs --finding upheld, partly-upheld or not-upheld");
    if (o.point == 0 && finding_given(o))
        throw Error(ErrorKind::usage,
                    "--finding, --conclusion, --remedial and --staff go with --point N");
    if (o.sent && o.sending.via.empty())
        throw Error(ErrorKind::usage, "--sent needs --via email or letter");
    if ((o.sent || o.acknowledge) && !o.sending.via.empty() && o.sending.via != "email" &&
        o.sending.via != "letter")
        throw Error(ErrorKind::usage,
                    fmt::format("--via: {} goes by email or letter, not '{}'",
                                o.sent ? "a written response" : "an acknowledgement",
                                o.sending.via));
    if (!o.sending.via.empty() && !o.sent && !o.acknowledge)
        throw Error(ErrorKind::usage, "--via goes with --sent or --acknowledge");
    if (!o.correction.empty() && o.point == 0 && o.apology.empty() && !treatment_given(o) &&
        o.practitioners.empty())
        throw Error(ErrorKind::usage,
                    "--correction goes with --point N, --apology, --treatment/--treated-on/"
                    "--treated-by or --practitioner NAME");
    if (o.out.force && o.out.out.empty())
        throw Error(ErrorKind::usage, "--force goes with --draft --out FILE");
}

// Exactly one thing to do per call, so a mistake cannot half-apply.
void check_one_step(const OldOptions& o) {
    if (o.out.format != "markdown" && o.out.format != "html")
        throw Error(
            ErrorKind::usage,
            fmt::format("--format: unknown format '{}'; choose markdown or html", o.out.format));
    if (o.out.format != "markdown" && !o.draft)
        throw Error(ErrorKind::usage, "--format goes with --draft: the letter kept is Markdown");
    if (o.delay_given && o.delay.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(ErrorKind::usage,
                    "--delay: give the reason for the delay, as the letter tells the complainant");
    if (!o.new_date.empty() && o.delay.empty())
        throw Error(ErrorKind::usage, "--new-date goes with --delay REASON");
    if (!o.out.out.empty() && !o.draft)
        throw Error(ErrorKind::usage, "--out goes with --draft");
    // --draft with --delay or --acknowledge drafts that letter: one step.
    const bool other_letter = !o.delay.empty() || o.acknowledge;
    const int steps = (o.point != 0) + !o.apology.empty() + (o.draft && !other_letter) + o.sent +
                      !o.delay.empty() + o.acknowledge + !o.enclose.empty() + treatment_given(o) +
                      !o.practitioners.empty();
    if (steps != 1)
        throw Error(ErrorKind::usage,
                    "respond does one thing at a time: complaints respond acknowledge, finding, "
                    "apology, enclose, treatment, practitioners, draft, delay or send, each "
                    "followed by the case's ID (complaints respond send --help)");
    check_companions(o);
    if (!o.sending.letter.empty() && (o.draft || (!o.sent && !other_letter)))
        throw Error(ErrorKind::usage, "--letter FILE goes with --sent, --acknowledge or --delay: "
                                      "the letter that was sent");
    if (o.delay == "-" && o.sending.letter == "-")
        throw Error(ErrorKind::usage, "--delay - and --letter - cannot both read standard input");
}

void note(const OldOptions& o, std::string_view old_flag, std::string_view usage) {
    fmt::print(stderr,
               "complaints: note: 'respond ID {}' is deprecated and goes in a later version; "
               "next time: complaints respond {}\n",
               old_flag, fmt::format(fmt::runtime(usage), o.id));
}

// The step the old flags name, run as its subcommand, after the note.
void run_letter_step(const OldOptions& o, const Writer& repo) {
    if (o.acknowledge) {
        note(o, "--acknowledge", "acknowledge {}");
        return acknowledge({o.id, o.sending, o.draft, o.out, o.when_who}, repo);
    }
    if (!o.delay.empty()) {
        note(o, "--delay REASON", "delay {} --reason REASON");
        return explain_delay({o.id, o.delay, o.new_date, o.sending, o.draft, o.out, o.when_who},
                             repo);
    }
    if (o.draft) {
        note(o, "--draft", "draft {}");
        return draft_response({o.id, o.out, o.when_who}, repo);
    }
    note(o, "--sent", "send {} --via email|letter");
    send_response({o.id, o.sending, o.proceed_without_consent, o.without_practitioner, o.when_who},
                  repo);
}

void run_old(const OldOptions& o, const Writer& repo) {
    if (o.id.empty())
        throw Error(ErrorKind::usage,
                    "respond takes a step: complaints respond acknowledge, finding, apology, "
                    "enclose, treatment, practitioners, draft, delay or send, then the case's ID");
    if (finding_without_point(o))
        refuse_without_point(o.id, o.finding, repo);
    check_one_step(o);
    if (o.point != 0) {
        note(o, "--point N", "finding {} --point N --finding F --conclusion TEXT");
        return record_finding(
            {o.id, o.point, o.finding, o.conclusion, o.remedial, o.staff, o.correction, o.when_who},
            repo);
    }
    if (!o.apology.empty()) {
        note(o, "--apology TEXT", "apology {} --text TEXT");
        return record_apology({o.id, o.apology, o.correction, o.when_who}, repo);
    }
    if (!o.enclose.empty()) {
        note(o, "--enclose TEXT", "enclose {} --text TEXT");
        return enclose({o.id, o.enclose, o.when_who}, repo);
    }
    if (treatment_given(o)) {
        note(o, "--treatment TEXT", "treatment {} --treatment TEXT");
        return record_treatment(
            {o.id, o.treatment, o.treated_on, o.treated_by, o.correction, o.when_who}, repo);
    }
    if (!o.practitioners.empty()) {
        note(o, "--practitioner NAME", "practitioners {} --practitioner NAME");
        return name_practitioners({o.id, o.practitioners, o.correction, o.when_who}, repo);
    }
    run_letter_step(o, repo);
}

// The old form's names of the steps, hidden: help lists the subcommands.
void add_step_flags(CLI::App& respond, OldOptions& o) {
    respond.add_option("--point", o.point)->check(point_number());
    respond.add_option("--finding", o.finding);
    respond.add_option("--conclusion", o.conclusion);
    respond.add_option("--remedial", o.remedial);
    respond.add_option("--staff", o.staff);
    respond.add_option("--apology", o.apology);
    respond.add_flag("--draft", o.draft);
    respond.add_flag("--sent", o.sent);
    respond.add_flag("--acknowledge", o.acknowledge);
    respond.add_option("--delay", o.delay);
    respond.add_option("--enclose", o.enclose);
    respond.add_option("--treatment", o.treatment);
    respond.add_option("--treated-on", o.treated_on);
    respond.add_option("--treated-by", o.treated_by);
    respond.add_option("--practitioner", o.practitioners);
}

void add_companion_flags(CLI::App& respond, OldOptions& o) {
    respond.add_option("--out", o.out.out);
    respond.add_flag("--force", o.out.force);
    respond.add_option("--format", o.out.format);
    respond.add_option("--via", o.sending.via);
    respond.add_option("--letter", o.sending.letter);
    respond.add_option("--proceed-without-consent", o.proceed_without_consent);
    respond.add_option("--without-practitioner", o.without_practitioner);
    respond.add_option("--new-date", o.new_date);
    respond.add_option("--correction", o.correction);
    respond.add_option("--at", o.when_who.at);
    respond.add_option("--by", o.when_who.by);
}

// The hidden ID would show in the usage line as "[]".
class RespondUsage : public CLI::Formatter {
  public:
    std::string make_usage(const CLI::App*, std::string name) const override {
        return fmt::format("Usage: {} SUBCOMMAND ID [OPTIONS]\n", name);
    }
};

} // namespace

CLI::Validator point_number() {
    return CLI::Validator(
        [](const std::string& value) -> std::string {
            return value.find_first_not_of("0123456789") == std::string::npos &&
                           std::stol("0" + value) == 0
                       ? "no point 0: points are numbered from 1, as 'show' lists them"
                       : "";
        },
        "N");
}

void add_old_flags(CLI::App& respond, Context& context) {
    auto o = std::make_shared<OldOptions>();
    respond.add_option("ID", o->id);
    add_step_flags(respond, *o);
    add_companion_flags(respond, *o);
    for (CLI::Option* option : respond.get_options())
        if (option->get_name() != "--help")
            option->group("");
    respond.formatter(std::make_shared<RespondUsage>());
    writes(respond, context, [o, &respond](const Writer& repo) {
        if (!respond.get_subcommands().empty())
            return;
        o->delay_given = respond.count("--delay") > 0;
        run_old(*o, repo);
    });
}

void refuse_old_flags(const CLI::App& respond) {
    const std::string step = respond.get_subcommands().front()->get_name();
    for (const CLI::Option* option : respond.get_options()) {
        if (option->count() == 0 || option->get_lnames() == std::vector<std::string>{"help"})
            continue;
        if (option->get_lnames().empty())
            throw Error(ErrorKind::usage, fmt::format("respond {} takes one ID, not also '{}'",
                                                      step, option->as<std::string>()));
        const std::string flag = "--" + option->get_lnames().front();
        throw Error(ErrorKind::usage, fmt::format("respond {} takes no {}; see 'complaints "
                                                  "respond {} --help'",
                                                  step, flag, step));
    }
}

} // namespace complaints::cli
