// SPDX-License-Identifier: Apache-2.0
// Correcting the record by a later entry, never by erasing: reopen a closed
// or excluded case, add a point raised, void a mistaken event. (The clock
// start of a converted complaint is corrected by `convert`.)
#include "clock_text.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/text.hpp"
#include "complaints/workflow/corrections.hpp"
#include "complaints/workflow/later_entries.hpp"

#include <charconv>

namespace complaints::cli {

namespace {

struct ReopenOptions {
    std::string id;
    std::string reason;
    WhenWho when_who;
};

struct PointOptions {
    std::vector<std::string> words; // ID, then add, or wording and the point's number
    std::string text;
    std::string for_complainant;
    std::string correction;
    WhenWho when_who;
};

struct VoidOptions {
    std::string id;
    std::string event;
    std::string reason;
    WhenWho when_who;
};

// What the case held before it was reopened, kept word for word in the
// `reopened` event since the fields no longer hold it.
std::string before_reopening(const ClosedState& was, const Case& c, const date::time_zone& zone) {
    const std::string when =
        was.closed_at ? " " + format_date(local_date(was.closed_at->utc, zone)) : "";
    std::string text;
    if (was.exclusion)
        text = fmt::format("excluded{} ({}){}", when, name_of(was.exclusion->reason),
                           was.exclusion->text.empty() ? "" : ": " + was.exclusion->text);
    if (was.outcome)
        text +=
            fmt::format("{}closed{} as {}", text.empty() ? "" : "; ", when, name_of(*was.outcome));
    if (!was.learning.empty())
        text += "; lessons learnt: " + was.learning;
    if (!was.no_learning.empty())
        text += "; no learning identified: " + was.no_learning;
    if (text.empty())
        text = "closed" + when;
    if (c.warning)
        text += fmt::format("; the warning issued {} stands",
                            format_date(local_date(c.warning->utc, zone)));
    return text;
}

void run_reopen(const ReopenOptions& o, const Writer& repo) {
    const std::string reason = text_from_flag(o.reason, "--reason");
    if (folded(reason).empty()) // spaces are no reason
        throw Error(ErrorKind::usage, "--reason: say why the case is reopened");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    const Case c = update_case(repo, id, [&](Case& c) {
        const ClosedState was = reopen(c);
        Event reopening = make_event(EventType::reopened,
                                     fmt::format("Reopened: {}\nBefore reopening: {}", reason,
                                                 before_reopening(was, c, store.zone())),
                                     o.when_who, context, store);
        reopening.outcome = was.outcome;
        reopening.learning = was.learning;
        reopening.no_learning = was.no_learning;
        add_event(c, std::move(reopening));
    });
    std::string next;
    if (const auto clock = next_clock(clocks_of(c, store, context.now)))
        next = fmt::format("; {} due {} ({})", clock->rule, due_text(*clock, store.zone()),
                           standing_text(*clock, store.zone()));
    fmt::print("{}: reopened{}\n", id, next);
}

int event_number(const std::string& word);

// `point ID wording N --for-complainant TEXT`: the words the letter uses.
void run_wording(const PointOptions& o, const Writer& repo) {
    const int number = event_number(o.words[2]);
    if (o.for_complainant.empty())
        throw Error(ErrorKind::usage,
                    "point ID wording N needs --for-complainant TEXT: the point as the letter "
                    "puts it to the complainant");
    const std::string wording = text_from_flag(o.for_complainant, "--for-complainant");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.words[0]);
    update_case(repo, id, [&](Case& c) {
        set_point_wording(c, number, wording, correction(o.correction, o.when_who, context, store));
    });
    fmt::print("{}: point {}'s words to the complainant {}\n", id, number,
               o.correction.empty() ? "recorded" : "corrected");
}

void run_point(const PointOptions& o, const Writer& repo) {
    if (o.words.size() == 3 && o.words[1] == "wording")
        return run_wording(o, repo);
    if (o.words.size() != 2 || o.words[1] != "add")
        throw Error(ErrorKind::usage, "write 'point ID add --text TEXT [--for-complainant TEXT] "
                                      "[--correction REASON]' or 'point ID wording N "
                                      "--for-complainant TEXT'");
    if (o.text.empty())
        throw Error(ErrorKind::usage, "point ID add needs --text: the point raised");
    const std::string text = text_from_flag(o.text, "--text");
    const std::string wording = text_from_flag(o.for_complainant, "--for-complainant");
    if (!o.for_complainant.empty() && folded(wording).empty())
        throw Error(ErrorKind::usage, "--for-complainant: it is blank; give the words, or leave "
                                      "it out");
    const std::string correction = text_from_flag(o.correction, "--correction");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.words[0]);
    int number = 0;
    update_case(repo, id, [&](Case& c) {
        Event event = make_event(EventType::point_added, "", o.when_who, context, store);
        number = add_point(c, text, event.at, correction).number;
        c.points.back().for_complainant = wording;
        event.text = fmt::format(
            "Point {} added: {}{}{}", number, text,
            wording.empty() ? "" : "\nTo the complainant: " + wording,
            correction.empty() ? "" : "\nCorrection after the response was sent: " + correction);
        add_event(c, event);
    });
    fmt::print("{}: point {} added{}\n", id, number,
               correction.empty() ? "" : ", as a correction after the response");
}

int event_number(const std::string& word) {
    int number = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
    if (ec != std::errc{} || end != word.data() + word.size() || number < 1)
        throw Error(
            ErrorKind::usage,
            fmt::format("EVENT: '{}' is not an event's number (show numbers the timeline)", word));
    return number;
}

void run_void(const VoidOptions& o, const Writer& repo) {
    const int number = event_number(o.event);
    const std::string reason = text_from_flag(o.reason, "--reason");
    if (folded(reason).empty()) // spaces are no reason
        throw Error(ErrorKind::usage, "--reason: say why the event is void");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    std::string what;
    update_case(repo, id, [&](Case& c) {
        const Event& target = event_numbered(c, number);
        what = fmt::format("{} of {}", name_of(target.type),
                           format_timestamp(in_zone(target.at.utc, store.zone())).substr(0, 16));
        void_event(c, number, make_event(EventType::voided, reason, o.when_who, context, store),
                   store.config().policy);
    });
    fmt::print("{}: event {} ({}) is void; it stays on the timeline\n", id, number, what);
}

} // namespace

void setup_reopen(CLI::App& app, Context& context) {
    auto o = std::make_shared<ReopenOptions>();
    CLI::App* command = app.add_subcommand(
        "reopen", "open a closed or excluded case again; what it held stays in the record");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("--reason", o->reason, "why it is reopened (- reads stdin)")
        ->required()
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_reopen(*o, repo); });
}

void setup_point(CLI::App& app, Context& context) {
    auto o = std::make_shared<PointOptions>();
    CLI::App* command = app.add_subcommand(
        "point", "add a point raised: 'point ID add --text TEXT [--for-complainant TEXT] "
                 "[--correction REASON]'; its words to the complainant: 'point ID wording N "
                 "--for-complainant TEXT'");
    command->add_option("ID VERB", o->words, "the case, then add, or wording and the point's N")
        ->required();
    command->add_option("--text", o->text, "the point raised (- reads stdin)")->option_text("TEXT");
    command
        ->add_option("--for-complainant", o->for_complainant,
                     "the point as the response puts it to the complainant (\"Your left eyelid "
                     "has drooped\"), when the record's words are not theirs")
        ->option_text("TEXT");
    command
        ->add_option("--correction", o->correction,
                     "once the response has been sent: why the point is added now")
        ->option_text("REASON");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_point(*o, repo); });
}

void setup_void(CLI::App& app, Context& context) {
    auto o = std::make_shared<VoidOptions>();
    CLI::App* command = app.add_subcommand(
        "void", "void a mistaken event: it stays on the timeline, struck through, and counts "
                "for nothing");
    command->add_option("ID", o->id, "the case")->required();
    command->add_option("EVENT", o->event, "the event's number on show's timeline")->required();
    command->add_option("--reason", o->reason, "why the event is void (- reads stdin)")
        ->required()
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_void(*o, repo); });
}

} // namespace complaints::cli
