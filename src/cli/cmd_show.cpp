// SPDX-License-Identifier: Apache-2.0
// complaints show: one case, readable by a person or a script.
#include "answer_date_text.hpp"
#include "clock_text.hpp"
#include "commands.hpp"
#include "json_output.hpp"
#include "letter_files.hpp"
#include "output.hpp"

#include "complaints/codec/codec.hpp"
#include "complaints/render/letters.hpp"
#include "complaints/store/attachments.hpp"
#include "complaints/workflow/corrections.hpp"
#include "complaints/workflow/feedback.hpp"
#include "complaints/workflow/workflow.hpp"
#include "problem_text.hpp"

#include <algorithm>
#include <functional>

namespace complaints::cli {

namespace {

// The practitioners as the register knows them: staff, or independent with
// the date their practising privileges are next reviewed.
std::string registered(const std::vector<std::string>& names, const Config& config) {
    std::vector<std::string> said;
    for (const auto& name : names) {
        const Practitioner* known = find_practitioner(config, name);
        if (!known) {
            said.push_back(name);
            continue;
        }
        std::string what = known->role.empty() ? "" : known->role + ", ";
        what += known->engagement == Engagement::staff ? "staff" : "practising privileges";
        if (known->privileges_review)
            what += ", review " + format_date(*known->privileges_review);
        said.push_back(fmt::format("{} ({})", name, what));
    }
    return util::join(said, "; ");
}

struct ShowOptions {
    std::string id;
    Format format = Format::table;
    bool letter = false;
    std::optional<int> attachment;
};

// The text with every line indented; trailing line breaks dropped.
std::string indent(std::string text, std::string_view pad) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    std::string out(pad);
    for (const char c : text) {
        out += c;
        if (c == '\n')
            out += pad;
    }
    return out;
}

bool open_clock(const Clock& clock) {
    return clock.state == ClockState::running || clock.state == ClockState::overdue;
}

// A running hours clock whose deadline falls on a day nobody works.
std::optional<OffDayDeadline> open_off_day(const Clock& clock, const Store& store) {
    return open_clock(clock) ? off_day_deadline(clock, store.calendar(), store.zone())
                             : std::nullopt;
}

void print_clocks(const Case& c, const std::vector<Clock>& clocks, const Store& store,
                  const std::function<std::string(std::string_view)>& heading) {
    if (clocks.empty())
        return;
    fmt::print("\n{}\n", heading("Deadlines"));
    for (const auto& clock : clocks) {
        const std::string hours = clock_hours_text(clock, store.config().policy);
        fmt::print("  {:<16} due {:<17} {}{}{}{}\n", clock.rule, due_text(clock, store.zone()),
                   standing_text(clock, store.zone()),
                   clock.extended ? " (extended)" : answer_date_note(c, clock),
                   clock.earliest ? ", expected from " + format_date(clock.earliest->day) : "",
                   hours.empty() ? "" : " (" + hours + ")");
        if (const auto off_day = open_off_day(clock, store))
            fmt::print("  {:<16}     {}\n", "", off_day_text(*off_day));
    }
}
// "not-satisfied" as a person reads it: "not satisfied".
std::string in_words(Satisfaction satisfaction) {
    std::string words(name_of(satisfaction));
    std::replace(words.begin(), words.end(), '-', ' ');
    return words;
}

using Heading = std::function<std::string(std::string_view)>;

// What the day makes of the case besides attention's notes: work held by an
// agent who has left, feedback open past the policy's prompt.
std::vector<Problem> stranded(const Case& c, const Store& store, date::sys_seconds now) {
    std::vector<Problem> notes;
    const Policy& policy = store.config().policy;
    const auto today = local_date(now, store.zone());
    if (auto held = held_by_leaver(c, policy, store.config().agents_left, today))
        notes.push_back(std::move(*held));
    if (auto prompt = feedback_prompt(c, policy, store.calendar(), store.zone(), now))
        notes.push_back(std::move(*prompt));
    return notes;
}

void print_header(const Case& c, const Store& store, const std::vector<Clock>& clocks,
                  const Heading& heading, date::sys_seconds now) {
    const auto& zone = store.zone();
    // A policy with no second stage (the platform's referrals run beside the
    // complaint) names none.
    const Policy& policy = store.config().policy;
    fmt::print("{}  {} {} ({}){}\n", heading(c.id), name_of(c.status), name_of(c.kind),
               c.category ? name_of(*c.category) : "category not set",
               has_second_stage(policy) ? fmt::format(", stage {}", stage(c, policy)) : "");
    fmt::print("Received:    {} {}\n", uk_time(c.received), received_by(c.channel));
    fmt::print("Complainant: {}\n", c.complainant.empty() ? "(not recorded)" : c.complainant);
    if (!c.on_behalf_of.empty() || c.consent)
        fmt::print("On behalf:   {} (consent: {})\n", c.on_behalf_of,
                   c.consent ? name_of(*c.consent) : "not recorded");
    // A clinical complaint about its practitioners says so on their line.
    if (!c.about.empty() || !c.gmc.empty() || c.practitioners.empty())
        fmt::print("About:       {}{}\n", c.about.empty() ? "(not recorded)" : c.about,
                   c.gmc.empty() ? "" : " (GMC " + c.gmc + ")");
    if (!c.agent.empty())
        fmt::print("{}{}\n",
                   policy.manager_investigates ? "Officer:     " : "Handler:     ", c.agent);
    if (c.notice_days)
        fmt::print("Notice:      {} day{} before the session{}\n", *c.notice_days,
                   *c.notice_days == 1 ? "" : "s",
                   c.session && c.withdrawn
                       ? fmt::format(" (session {}, withdrawn {})", format_date(*c.session),
                                     format_date(*c.withdrawn))
                       : "");
    if (c.warning) {
        fmt::print("Warning:     issued {}\n",
                   format_date(local_date(c.warning->utc, store.zone())));
        if (const Event* rescinded = first_event(c, EventType::warning_rescinded))
            fmt::print("             rescinded {}: {}\n",
                       format_date(local_date(rescinded->at.utc, store.zone())), rescinded->text);
    }
    if (!c.practitioners.empty())
        fmt::print("Practitioners: {}\n", registered(c.practitioners, store.config()));
    if (!c.treatment.empty() || c.treated_on || !c.treated_by.empty())
        fmt::print("Treatment:   {}{}{}\n", c.treatment.empty() ? "(not recorded)" : c.treatment,
                   c.treated_on ? ", " + format_date(*c.treated_on) : "",
                   c.treated_by.empty() ? "" : ", by " + c.treated_by);
    if (!c.enclosures.empty())
        fmt::print("Encloses:    {}\n", joined(c.enclosures));
    if (!c.type.empty())
        fmt::print("Type:        {}\n", c.type);
    if (c.exclusion)
        fmt::print(
            "Excluded:    {}{}{}{}\n", name_of(c.exclusion->reason),
            c.exclusion->earlier_case.empty() ? "" : " as " + c.exclusion->earlier_case,
            c.exclusion->body.empty()
                ? ""
                : fmt::format(" by {} (reference {})", c.exclusion->body, c.exclusion->reference),
            c.exclusion->text.empty() ? "" : ": " + c.exclusion->text);
    if (c.outcome)
        fmt::print("Outcome:     {}{}\n", name_of(*c.outcome),
                   c.satisfaction ? fmt::format(" (the complainant: {})", in_words(*c.satisfaction))
                                  : "");
    if (c.imported)
        fmt::print("Imported:    {} ({} row {})\n", c.imported->reference, c.imported->file,
                   c.imported->row);
    if (const auto next = next_clock(clocks)) {
        const std::string hours = clock_hours_text(*next, store.config().policy);
        fmt::print("Due next:    {} by {} ({}{})\n", next->rule, due_text(*next, zone),
                   standing_text(*next, zone), hours.empty() ? "" : "; " + hours);
        if (const auto off_day = open_off_day(*next, store))
            fmt::print("Warning:     the {} deadline {}\n", next->rule, off_day_text(*off_day));
    } else if (c.kind != Kind::complaint)
        fmt::print("Due next:    nothing: a {} has no deadlines\n", name_of(c.kind));
    for (const auto& note : attention(c, store.config().policy))
        fmt::print("Attention:   {}\n", attention_text(note));
    for (const auto& note : stranded(c, store, now))
        fmt::print("Attention:   {}\n", attention_text(note));
    fmt::print("File:        {}\n", store.display_path(c.id));
}

// "Corrected 2026-10-01: conclusion" for the items of `prefix` (a point's
// "point 2 ", or "apology") changed after they were sent.
std::string corrections_of(const Case& c, const std::string& prefix) {
    std::vector<std::string> items;
    std::optional<Timestamp> last;
    for (const auto& [item, at] : corrected_items(c)) {
        if (!item.starts_with(prefix))
            continue;
        items.push_back(item.size() > prefix.size() ? item.substr(prefix.size()) : item);
        last = std::max(last.value_or(at), at);
    }
    if (items.empty())
        return {};
    return fmt::format("Corrected {}: {} (the timeline keeps each version)",
                       format_date(written_date(*last)), util::join(items, ", "));
}

void print_points(const Case& c, const Heading& heading) {
    if (c.points.empty())
        return;
    fmt::print("\n{}\n", heading("Points raised"));
    for (const auto& point : c.points) {
        fmt::print("  {}. {}\n", point.number, indent(point.text, "     ").substr(5));
        if (!point.for_complainant.empty())
            fmt::print("     To the complainant: {}\n",
                       indent(point.for_complainant, "     ").substr(5));
        if (point.finding)
            fmt::print("     Finding: {}. {}\n", name_of(*point.finding),
                       indent(point.conclusion, "     ").substr(5));
        if (!point.remedial_action.empty())
            fmt::print("     Remedial action: {}\n", point.remedial_action);
        if (!point.staff.empty())
            fmt::print("     Staff: {}\n", point.staff);
        if (const auto note = corrections_of(c, fmt::format("point {} ", point.number));
            !note.empty())
            fmt::print("     {}\n", note);
        if (point.added)
            fmt::print("     Added {}{}\n", format_date(written_date(*point.added)),
                       point.correction.empty() ? ""
                                                : ", after the response, as a correction: " +
                                                      indent(point.correction, "     ").substr(5));
    }
    if (!c.apology.empty())
        fmt::print("\n{}\n{}\n", heading("Apology"), indent(c.apology, "  "));
    if (const auto note = corrections_of(c, "apology"); !note.empty())
        fmt::print("  {}\n", note);
}

// A referral as it stands: its outcome, still awaited, or (an advice
// service) none to await.
std::string referral_standing(const Escalation& e, const Policy& policy) {
    if (!e.outcome.empty())
        return "outcome: " + e.outcome;
    return awaits_outcome(e, policy) ? "review open" : "signposted (an advice service)";
}

void print_learning(const Case& c, const Store& store, const Heading& heading) {
    const auto& zone = store.zone();
    if (!c.escalations.empty()) {
        fmt::print("\n{}\n",
                   heading(has_second_stage(store.config().policy) ? "Stage 2" : "Referrals"));
        for (const auto& e : c.escalations)
            fmt::print("  {} {}{}: {}\n", format_date(local_date(e.at.utc, zone)), e.body,
                       e.reference.empty() ? "" : " (" + e.reference + ")",
                       referral_standing(e, store.config().policy));
    }
    if (!c.actions.empty()) {
        fmt::print("\n{}\n", heading("Action plan"));
        for (const auto& a : c.actions)
            fmt::print("  {}. {} (lead {}, by {}): {}\n", a.number, a.text, a.lead,
                       format_date(a.due),
                       a.done               ? "done " + format_date(local_date(a.done->utc, zone))
                       : a.progress.empty() ? "not started"
                                            : "in progress: " + a.progress.back().text);
    }
    if (!c.learning.empty())
        fmt::print("\n{}\n{}\n", heading("Lessons learnt"), indent(c.learning, "  "));
    if (!c.no_learning.empty())
        fmt::print("\n{}\n{}\n", heading("No learning identified"), indent(c.no_learning, "  "));
}

// How a step stood against the deadline it met, worked out now from the
// calendar and the policy: "response due 2026-09-25: met on time", and when
// it was entered after the deadline with an earlier --at, by how much.
std::vector<std::string> deadline_notes(const Case& c, const Event& event,
                                        const std::vector<Clock>& clocks, const Store& store) {
    std::vector<std::string> notes;
    for (const auto& clock : clocks) {
        const ClockRule* rule = find_clock(store.config().policy, clock.policy_rule);
        if (!clock.done || *clock.done != event.at || !rule ||
            std::find(rule->met_by.begin(), rule->met_by.end(), event.type) == rule->met_by.end())
            continue;
        notes.push_back(
            clock.answers_complainant
                ? fmt::format("{}: {}", clock.rule, timeliness(c, clock))
                : fmt::format("{} due {}: {}", clock.rule, due_text(clock, store.zone()),
                              clock.state == ClockState::met ? "met on time" : "met late"));
        if (const auto late = from_register(c, event)
                                  ? std::nullopt
                                  : entered_late(event, clock, store.calendar(), store.zone()))
            notes.push_back(fmt::format(
                "entered {}, {}after the deadline: met on paper only", format_date(late->entered),
                late->working_days == 0 ? "" : plural(late->working_days, "working day") + " "));
    }
    // A void explanation counts for nothing, on paper or off.
    for (const auto& clock : clocks)
        if (const auto late =
                clock.answers_complainant && !is_void(c, event)
                    ? explained_late_on_paper(event, clock, store.calendar(), store.zone())
                    : std::nullopt)
            notes.push_back(fmt::format(
                "entered {}, {}after the response was due: explained in time on paper only",
                format_date(late->entered),
                late->working_days == 0 ? "" : plural(late->working_days, "working day") + " "));
    return notes;
}

std::string minute(const Timestamp& at, const date::time_zone& zone) {
    return uk_time(in_zone(at.utc, zone));
}

// What a void voids, by the number the timeline gives it now.
std::string voids_text(const Case& c, const Event& event, const date::time_zone& zone) {
    if (!event.voids)
        return "Voids no event named in the file";
    const Event* target = find_event(c, *event.voids);
    if (!target)
        return fmt::format("Voids a {} of {} that this case does not have",
                           name_of(event.voids->type), minute(event.voids->at, zone));
    return fmt::format("Voids event {}, the {} of {}", target - c.events.data() + 1,
                       name_of(target->type), minute(target->at, zone));
}

// The text struck through (ANSI), line by line so the indentation is not.
std::string struck_through(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = std::string_view(text).substr(start, end - start);
        const std::size_t content = std::min(line.find_first_not_of(' '), line.size());
        out += fmt::format("{}\x1b[9m{}\x1b[0m{}", line.substr(0, content), line.substr(content),
                           end < text.size() ? "\n" : "");
        start = end + 1;
    }
    return out;
}

// Every event, numbered as `void ID N` takes it. A void event stays, marked
// with the reason and, in colour, struck through.
void print_timeline(const Case& c, const Store& store, const std::vector<Clock>& clocks,
                    const Heading& heading, bool colour) {
    const date::time_zone& zone = store.zone();
    fmt::print("\n{}\n", heading("Timeline"));
    const int width = static_cast<int>(std::to_string(c.events.size()).size());
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& event = c.events[i];
        const Event* voiding = voided_by(c, event);
        const auto struck = [&](const std::string& text) {
            return voiding && colour ? struck_through(text) : text;
        };
        std::string line =
            // 21: the widest time, "Wed 30 Sep 2026 10:20", so columns line up.
            fmt::format("{:<21}  {:<22} {}", minute(event.at, zone), name_of(event.type), event.by);
        fmt::print("  {:>{}}  {}{}\n", i + 1, width, struck(line),
                   voiding ? fmt::format("  [void: {}]", headline(voiding->text, 60)) : "");
        const std::string pad(static_cast<std::size_t>(width) + 5, ' ');
        if (event.type == EventType::voided)
            fmt::print("{}{}\n", pad, voids_text(c, event, zone));
        if (!event.text.empty())
            fmt::print("{}\n", struck(indent(event.text, pad)));
        if (event.booked_for)
            fmt::print("{}{}\n", pad, struck("Booked for: " + format_minute(*event.booked_for)));
        if (event.due && event.type == EventType::delay_explained)
            fmt::print("{}{}\n", pad, struck("New date given: " + format_date(*event.due)));
        if (!event.attendees.empty())
            fmt::print("{}{}\n", pad, struck("Attendees: " + joined(event.attendees)));
        if (event.type == EventType::conflict_resolved)
            fmt::print("{}kept: {}\n{}set aside: {}\n", pad,
                       indent(event.after, pad + "  ").substr(pad.size() + 2), pad,
                       indent(event.before, pad + "  ").substr(pad.size() + 2));
        if (event.type == EventType::corrected)
            fmt::print("{}{} was: {}\n{}now: {}\n", pad, event.corrects,
                       indent(event.before, pad + "  ").substr(pad.size() + 2), pad,
                       indent(event.after, pad + "  ").substr(pad.size() + 2));
        for (const auto& line : deadline_notes(c, event, clocks, store))
            fmt::print("{}{}\n", pad, line);
        if (!event.letter.empty())
            fmt::print("{}Letter kept: {}\n", pad, event.letter);
        if (event.attachment)
            fmt::print("{}{}\n", pad, struck("File kept: " + event.attachment->name));
    }
}

// "2.4 MB", "18 KB", "312 bytes".
std::string size_text(int bytes) {
    if (bytes >= (1 << 20))
        return fmt::format("{:.1f} MB", double(bytes) / (1 << 20));
    if (bytes >= (1 << 10))
        return fmt::format("{} KB", (bytes + 512) >> 10);
    return fmt::format("{} bytes", bytes);
}

// The files the case keeps, numbered as --attachment N takes them.
void print_attachments(const Case& c, const Store& store, const Heading& heading) {
    const auto all = attachments_of(c);
    if (all.empty())
        return;
    fmt::print("\n{}\n", heading("Attachments"));
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Attachment& a = *all[i]->attachment;
        fmt::print("  {}  {}  ({}, {}, {})\n", i + 1, a.name, a.media_type, size_text(a.size),
                   minute(all[i]->at, store.zone()));
        fmt::print("     attachments/{}/{}\n", c.id, a.file);
    }
}

void print_readable(const Case& c, const Store& store, const std::vector<Clock>& clocks,
                    bool colour, date::sys_seconds now) {
    const Heading heading = [&](std::string_view text) {
        return colour ? fmt::format("\x1b[1m{}\x1b[0m", text) : std::string(text);
    };
    print_header(c, store, clocks, heading, now);
    if (!c.summary.empty())
        fmt::print("\n{}\n{}\n", heading("Summary"), indent(c.summary, "  "));
    if (!c.desired_outcome.empty())
        fmt::print("\n{}\n{}\n", heading("What the complainant wants"),
                   indent(c.desired_outcome, "  "));
    print_points(c, heading);
    print_clocks(c, clocks, store, heading);
    print_learning(c, store, heading);
    print_attachments(c, store, heading);
    print_timeline(c, store, clocks, heading, colour);
}

// The last letter the case keeps, byte for byte as it was sent, or as a
// page to print (--format html).
void print_letter(const Case& c, const Store& store, Format format) {
    const Event* last = nullptr;
    for (const auto& event : c.events)
        if (!event.letter.empty())
            last = &event;
    if (!last)
        throw Error(ErrorKind::not_found,
                    fmt::format("{} keeps no letter yet; 'respond draft {}' shows the response "
                                "as it would be now",
                                c.id, c.id));
    const std::string kept = store.read_letter(c.id, last->letter);
    if (format == Format::html)
        return print_for_people(
            letter_html(kept, fmt::format("{}: {}", store.config().organisation, c.id)));
    print_for_people(kept);
}

// Attachment `number`, byte for byte, once its SHA-256 is verified: what
// goes out is what came in, or nothing.
void write_attachment(const Case& c, const Store& store, int number) {
    const Attachment& a = *attachment_numbered(c, number).attachment;
    if (const auto problem = attachment_problem(store, c.id, a))
        throw Error(ErrorKind::bad_data, fmt::format("cannot write out attachment {}", number),
                    {Problem(ProblemCode::attachment_damaged, *problem, c.id)});
    const std::string bytes = store.read_attachment(c.id, a);
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout))
        throw Error(ErrorKind::io, "cannot write the attachment to standard output");
}

void run_show(const ShowOptions& options, const Reader& repo) {
    const auto& [context, store] = repo;
    Case c = store.load(store.resolve(options.id));
    if (options.attachment)
        return write_attachment(c, store, *options.attachment);
    if (options.letter)
        return print_letter(c, store, options.format);
    // JSON and YAML escape controls themselves; the readable view, which a
    // pipe to a pager brings to a terminal too, shows them.
    if (options.format == Format::table)
        make_visible(c);
    const auto clocks = clocks_of(c, store, context.now);
    switch (options.format) {
    case Format::json:
        print_case_json(c, clocks, store);
        break;
    case Format::yaml:
        fmt::print("{}", write_case(c));
        break;
    default:
        print_readable(c, store, clocks, context.colour(stdout), context.now);
        break;
    }
}

} // namespace

void setup_show(CLI::App& app, Context& context) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* command = app.add_subcommand("show", "show one case: details, points and timeline");
    command->add_option("ID", options->id, "the case (any unambiguous part of its ID)")->required();
    add_format_option(*command, options->format,
                      {Format::table, Format::json, Format::yaml, Format::html});
    command->add_flag("--letter", options->letter,
                      "print the last letter kept (the one sent), byte for byte, or with "
                      "--format html as a page to print; closed cases too");
    command
        ->add_option("--attachment", options->attachment,
                     "write attachment N (as listed) to standard output, byte for byte, once its "
                     "SHA-256 is verified")
        ->option_text("N")
        ->excludes("--letter");
    const CLI::Option* format = command->get_option("--format");
    reads(*command, context, [options, format](const Reader& repo) {
        if (options->letter && format->count() > 0 && options->format != Format::html)
            throw Error(ErrorKind::usage, "--letter prints the letter exactly as it was sent, or "
                                          "with --format html as a page to print");
        if (!options->letter && options->format == Format::html)
            throw Error(ErrorKind::usage, "--format html goes with --letter: the letter kept, "
                                          "as a page to print");
        run_show(*options, repo);
    });
}

} // namespace complaints::cli
