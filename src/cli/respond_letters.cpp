// SPDX-License-Identifier: Apache-2.0
// respond's letters: the acknowledgement, the explanation of delay and the
// response, drafted or recorded as sent and kept in letters/ID/.
#include "clock_text.hpp"
#include "letter_files.hpp"
#include "output.hpp"
#include "respond_steps.hpp"
#include "text_input.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/ops/respond.hpp"
#include "complaints/render/letters.hpp"
#include "complaints/workflow/cautions.hpp"
#include "complaints/workflow/workflow.hpp"

namespace complaints::cli {

namespace {

ClockContext clock_context(const Context& context, const Store& store) {
    return {store.config().policy, store.calendar(), store.zone(), context.now};
}

// When the step `type` completes was due for `c`, if a clock waits for it:
// the policy's date, or the new one an explanation of delay gave.
std::optional<DueDate> due_for(const Case& c, EventType type, const Context& context,
                               const Store& store) {
    const auto clock = clock_met_by(c, clock_context(context, store), type);
    if (!clock)
        return std::nullopt;
    return DueDate{clock->due.day, clock->due.day != clock->policy_due.day};
}

// The response as the case stands, dated the local day of `at`: what
// `send` keeps, unless --letter gives the one sent.
std::string response_on(const Case& c, const Timestamp& at, const Context& context,
                        const Store& store) {
    return response_letter(c, store.config(), store.zone(), local_date(at.utc, store.zone()),
                           due_for(c, EventType::response_sent, context, store));
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

// --out and --force go with a draft; a letter sent is not one.
void check_draft_out(const DraftOut& out, bool draft, const Sending& sending) {
    if (!out.out.empty() && !draft)
        throw Error(ErrorKind::usage, "--out goes with --draft");
    if (out.force && out.out.empty())
        throw Error(ErrorKind::usage, "--force goes with --out FILE");
    if (out.format == "json" && draft)
        throw Error(ErrorKind::usage,
                    "--format json prints the case as recorded, and --draft records nothing");
    if (out.format != "markdown" && out.format != "json" && !draft)
        throw Error(ErrorKind::usage, "--format goes with --draft: the letter kept is Markdown");
    if (draft && !sending.letter.empty())
        throw Error(ErrorKind::usage,
                    "--letter FILE is the letter as sent, and --draft sends nothing");
}

// A draft printed, or written to --out, in the --format chosen.
void put_letter(const std::string& markdown, const DraftOut& out, const Case& c, const Store& store,
                std::string_view what) {
    if (out.format != "markdown" && out.format != "html")
        throw Error(
            ErrorKind::usage,
            fmt::format("--format: unknown format '{}'; choose markdown or html", out.format));
    if (out.format != "html")
        return put_draft(markdown, out.out, out.force, what);
    put_draft(letter_html(markdown, fmt::format("{}: {}", store.config().organisation, c.id)),
              out.out, out.force, what);
}

// The letter as sent, read before the lock: a bad file stops everything.
std::optional<std::string> letter_given(const Sending& sending, const Store& store) {
    if (sending.letter.empty())
        return std::nullopt;
    return letter_sent_from(sending.letter, store);
}

// Where the letter kept for `step` is, and a letter kept as drafted without
// a signatory set: the record should not hold "unsigned" unremarked.
void say_kept(const Case& after, EventType step, const Sending& sending, const Store& store,
              std::vector<std::string> cautions) {
    if (const Event* sent = last_event(after, step))
        fmt::print(stderr, "complaints: the letter sent is kept in {}\n", sent->letter);
    const std::string_view placeholder =
        unsigned_placeholder(store.config(), step == EventType::response_sent);
    if (sending.letter.empty() && !placeholder.empty())
        cautions.push_back(fmt::format("the letter kept is signed \"{}\": set the name "
                                       "before the next letter, and keep the letter you actually "
                                       "sent with --letter FILE",
                                       placeholder));
    if (const std::string caution =
            responsible_person_caution(store.config(), step == EventType::response_sent);
        !caution.empty())
        cautions.push_back(caution);
    say_cautions(cautions);
}

// The explanation of delay on `c` as recorded (or, for a draft, on a copy),
// and its letter: the reason, and the date the response is then due.
struct Delay {
    DelayExplained explained;
    std::string letter;
};

DelayExplanation delay_explanation(const DelayRequest& request, const Context& context,
                                   const Store& store) {
    DelayExplanation explanation;
    explanation.reason = request.reason.find_first_not_of(" \t\r\n") == std::string::npos
                             ? request.reason
                             : text_from_flag(request.reason, "--reason");
    if (!request.new_date.empty())
        explanation.new_date = date_flag(request.new_date, "--new-date");
    explanation.event =
        make_event(EventType::delay_explained, "", request.when_who, context, store);
    return explanation;
}

// Records the explanation on `c`; `keep` is given the letter and returns
// where it is kept.
Delay delay_on(Case& c, const DelayRequest& request, const Context& context, const Store& store,
               const std::function<std::string(const std::string&, const Event&)>& keep) {
    Delay delay;
    delay.explained = explain_response_delay(
        c, delay_explanation(request, context, store), clock_context(context, store),
        [&](const Case& before, const DelayExplained& explained) {
            delay.letter = delay_letter(before, store.config(), store.zone(),
                                        local_date(explained.event.at.utc, store.zone()),
                                        explained.event.text, explained.promised, explained.aimed);
            return keep(delay.letter, explained.event);
        });
    return delay;
}

std::string delay_said(const DelayExplained& delay) {
    if (!delay.due)
        return "explanation of delay recorded";
    // What the clock makes of it, not what the letter asked for: an earlier
    // or a late explanation leaves the date where it was.
    const bool moved = !delay.aimed || *delay.due != *delay.aimed;
    return fmt::format("explanation of delay recorded; the response is {} {}",
                       moved ? "now due" : "still due", format_date(*delay.due));
}

std::string acknowledgement_said(const Case& c, const Context& context, const Store& store) {
    const auto clock = clock_met_by(c, clock_context(context, store), EventType::acknowledged);
    if (!clock || !clock->done)
        return "acknowledgement recorded";
    const std::string due = format_date(clock->due.day);
    return clock->state == ClockState::met
               ? fmt::format("acknowledgement recorded, on time (due {})", due)
               : fmt::format("acknowledgement recorded, late: due {}", due);
}

// The written response recorded as sent, its letter kept, and the waivers
// given; what is said of it.
std::string send(Case& c, StoreWriter& writer, const std::optional<std::string>& given,
                 const SendRequest& request, const Context& context, const Store& store) {
    ResponseRequest response{
        request.sending.via, request.proceed_without_consent, request.without_practitioner,
        make_event(EventType::response_sent, "", request.when_who, context, store)};
    const Event sent =
        send_written_response(c, response, store.config().policy, [&](std::string_view name) {
            return writer.keep_letter(
                c.id, local_date(response.event.at.utc, store.zone()), std::string(name),
                given ? *given : response_on(c, response.event.at, context, store));
        });
    const auto clock = clock_met_by(c, clock_context(context, store), EventType::response_sent);
    return sent.text + (clock ? ", " + timeliness(c, *clock) : "");
}

// The points the letter gives as the record words them, so the manager can
// put them to the complainant in the complainant's terms first.
void note_points_in_record_words(const Case& c) {
    std::vector<std::string> numbers;
    for (const auto& point : c.points)
        if (point.for_complainant.empty())
            numbers.push_back(std::to_string(point.number));
    if (numbers.empty())
        return;
    fmt::print(stderr,
               "complaints: note: point{} {} {} no words for the complainant, so the letter "
               "gives {} as recorded; to word one for them: complaints point {} wording N "
               "--for-complainant TEXT\n",
               numbers.size() == 1 ? "" : "s", util::join(numbers, ", "),
               numbers.size() == 1 ? "has" : "have", numbers.size() == 1 ? "it" : "them", c.id);
}

} // namespace

void draft_response(const DraftRequest& request, const Reader& repo) {
    check_draft_out(request.out, true, {});
    const auto& [context, store] = repo;
    check_response_allowed(store.config().policy, "draft a response letter");
    // Closed cases too: the letter can be drafted again at any time.
    const Case c = store.load(store.resolve(request.id));
    require_complaint(c, "draft a response");
    put_letter(response_on(c, when(request.when_who, context, store), context, store), request.out,
               c, store, "draft response");
    if (const auto apology = upheld_without_apology_caution(c))
        say_cautions({*apology});
    note_points_in_record_words(c);
}

void acknowledge(const AcknowledgeRequest& request, const Writer& repo) {
    check_draft_out(request.out, request.draft, request.sending);
    const auto& [context, store] = repo;
    const std::string id = store.resolve(request.id);
    if (request.draft) {
        const Case c = store.load(id);
        require_complaint(c, "draft an acknowledgement");
        require_unacknowledged(c, store.zone());
        return put_letter(
            acknowledgement_on(c, when(request.when_who, context, store), context, store),
            request.out, c, store, "draft acknowledgement");
    }
    const auto given = letter_given(request.sending, store);
    std::string said;
    const Case after = update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        const Acknowledgement acknowledgement{
            request.sending.via,
            make_event(EventType::acknowledged, "", request.when_who, context, store)};
        acknowledge_complaint(c, acknowledgement, store.zone(), [&](std::string_view name) {
            return writer.keep_letter(
                c.id, local_date(acknowledgement.event.at.utc, store.zone()), std::string(name),
                given ? *given : acknowledgement_on(c, acknowledgement.event.at, context, store));
        });
        said = acknowledgement_said(c, context, store);
    });
    fmt::print("{}: {}\n", id, said);
    say_kept(after, EventType::acknowledged, request.sending, store, {});
}

void explain_delay(const DelayRequest& request, const Writer& repo) {
    check_draft_out(request.out, request.draft, request.sending);
    if (request.reason == "-" && request.sending.letter == "-")
        throw Error(ErrorKind::usage, "--reason - and --letter - cannot both read standard input");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(request.id);
    if (request.draft) {
        Case c = store.load(id);
        const Delay delay =
            delay_on(c, request, context, store,
                     [](const std::string&, const Event&) { return std::string(); });
        put_letter(delay.letter, request.out, c, store, "draft delay letter");
        return say_cautions(delay.explained.cautions);
    }
    const auto given = letter_given(request.sending, store);
    std::string said;
    std::vector<std::string> cautions;
    const Case after = update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        const Delay delay = delay_on(
            c, request, context, store, [&](const std::string& letter, const Event& event) {
                return writer.keep_letter(c.id, local_date(event.at.utc, store.zone()), "delay",
                                          given ? *given : letter);
            });
        cautions = delay.explained.cautions;
        said = delay_said(delay.explained);
    });
    fmt::print("{}: {}\n", id, said);
    say_kept(after, EventType::delay_explained, request.sending, store, cautions);
}

void send_response(const SendRequest& request, const Writer& repo) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(request.id);
    const auto given = letter_given(request.sending, store);
    std::string said;
    const Case after = update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        check_response_allowed(store.config().policy, "send a written response");
        said = send(c, writer, given, request, context, store);
    });
    fmt::print("{}: {}\n", id, said);
    std::vector<std::string> cautions;
    if (const auto apology = upheld_without_apology_caution(after))
        cautions.push_back(*apology);
    say_kept(after, EventType::response_sent, request.sending, store, cautions);
}

} // namespace complaints::cli
