// SPDX-License-Identifier: Apache-2.0
#include "complaints/audit/check.hpp"

#include "complaints/audit/review_check.hpp"
#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/base/utf8.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/attachments.hpp"
#include "complaints/store/case_id.hpp"
#include "complaints/store/in_repository.hpp"
#include "complaints/workflow/agents.hpp"
#include "complaints/workflow/clocks.hpp"
#include "complaints/workflow/later_entries.hpp"
#include "complaints/workflow/received.hpp"
#include "complaints/workflow/steps.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace complaints {

namespace {

// The line where a top-level key starts, so a problem points at it.
int line_of_key(const std::string& text, std::string_view key) {
    int line = 1;
    std::size_t start = 0;
    while (start < text.size()) {
        if (std::string_view(text).substr(start).starts_with(std::string(key) + ":"))
            return line;
        start = text.find('\n', start);
        if (start == std::string::npos)
            break;
        ++start;
        ++line;
    }
    return 1;
}

// The line of the event at `index`: the list item under `events:`.
int line_of_event(const std::string& text, std::size_t index) {
    int line = line_of_key(text, "events");
    std::size_t start = 0;
    for (int k = 1; k < line && start != std::string::npos; ++k)
        start = text.find('\n', start) + 1;
    std::size_t items = 0;
    for (; start != std::string::npos && start < text.size(); ++line) {
        if (std::string_view(text).substr(start).starts_with("  - ") && items++ == index)
            return line;
        start = text.find('\n', start);
        if (start != std::string::npos)
            ++start;
    }
    return line_of_key(text, "events");
}

// States no sequence of commands produces: a sign the file was edited by hand.
std::vector<std::pair<std::string, std::string>> impossible_states(const Case& c) {
    std::vector<std::pair<std::string, std::string>> found;
    if (c.status == Status::closed && !c.outcome && !c.exclusion)
        found.emplace_back("status", "the case is closed with no outcome (close records one)");
    if (c.status == Status::open && (c.outcome || c.exclusion))
        found.emplace_back("status", "the case is open but has an outcome or an exclusion");
    if (c.kind != Kind::complaint && (first_answer(c) || !c.escalations.empty()))
        found.emplace_back(
            "kind", fmt::format("a {} has a formal response or escalation", name_of(c.kind)));
    if (first_answer(c))
        for (const auto& point : c.points)
            if (!point.finding && point.correction.empty()) // a correction is answered later
                found.emplace_back(
                    "points",
                    fmt::format("the response was sent but point {} has no finding", point.number));
    // A register's lessons come without the tool's action plan.
    if (!c.learning.empty() && c.actions.empty() && !c.imported)
        found.emplace_back("learning", "lessons learnt are recorded without an action plan");
    if (c.warning && c.kind != Kind::complaint)
        found.emplace_back("warning", "only a formal complaint can issue a warning");
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& event = c.events[i];
        const auto which = fmt::format("event {} ({})", i + 1, name_of(event.type));
        if (event.at < c.received && !may_precede_receipt(event.type))
            found.emplace_back(
                "events", fmt::format("{} is dated {}, before the case was received ({})", which,
                                      format_timestamp(event.at), format_timestamp(c.received)));
        if (event.type == EventType::corrected && (event.text.empty() || event.corrects.empty()))
            found.emplace_back("events",
                               fmt::format("{} changes what was sent without saying {}", which,
                                           event.corrects.empty() ? "what it corrects"
                                                                  : "why (its text is empty)"));
    }
    return found;
}

// A warning the policy's rules would not have issued: written by hand, or
// before the rules (an outcome that cannot warn, a service with no GMC
// number).
std::vector<std::string> warning_problems(const Case& c, const Policy& policy) {
    std::vector<std::string> found;
    if (!c.warning)
        return found;
    const auto& outcomes = policy.warnings.outcomes;
    if (c.outcome && !outcomes.empty() &&
        std::find(outcomes.begin(), outcomes.end(), *c.outcome) == outcomes.end())
        found.push_back(fmt::format("a warning was issued on a complaint closed {}, which "
                                    "cannot carry one",
                                    name_of(*c.outcome)));
    if (policy.warnings.needs_gmc && c.gmc.empty())
        found.push_back(fmt::format("a warning was issued to '{}', who has no GMC number: a "
                                    "service is never warned",
                                    c.about));
    return found;
}

// The line of the first occurrence of `needle` in `text`, else 1.
int line_of_text(const std::string& text, std::string_view needle) {
    const std::size_t at = text.find(needle);
    return at == std::string::npos
               ? 1
               : 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

// Every span the patient-data guard finds, each at the line that holds it.
// The walk goes in file order, so each is looked for after the last one
// found (a number written twice is two lines); a span the file spells
// differently (escaped in double quotes) is given its top-level key's line.
void patient_data_problems(const Case& c, const std::string& text, const std::string& file,
                           const Policy& policy, std::vector<CheckProblem>& problems) {
    std::size_t after = 0;
    for (const auto& found : find_all_patient_data(c, policy)) {
        const std::string_view span =
            std::string_view(found.text).substr(found.span.offset, found.span.length);
        const std::size_t key = text.find("\n" + found.field.top_key + ":");
        const std::size_t key_at = key == std::string::npos ? 0 : key;
        std::size_t at = text.find(span, std::max(after, key_at));
        if (at == std::string::npos)
            at = text.find(span, key_at);
        int line = line_of_key(text, found.field.top_key);
        if (at != std::string::npos) {
            line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
            after = at + span.size();
        }
        problems.push_back({file, line, describe(found)});
    }
}

// Control characters in a text: refused at input now, but a file written
// before, or by hand, may hold them (escaped in YAML, so it still reads).
// Each is reported at its top-level key's line; output shows them visibly.
void control_problems(const Case& c, const std::string& text, const std::string& file,
                      std::vector<CheckProblem>& problems) {
    for_each_text(c, [&](const TextField& field, const std::string& value) {
        const auto at = first_control(value);
        if (!at)
            return;
        std::size_t after = *at;
        const auto code = util::decode_utf8(value, after).value_or(0);
        problems.push_back(
            {file, line_of_key(text, field.top_key),
             fmt::format("the {} holds a control character U+{:04X} at position {}, which a "
                         "terminal would obey: remove it by hand",
                         field.name, static_cast<std::uint32_t>(code),
                         util::utf8_length(std::string_view(value).substr(0, *at)) + 1)});
    });
}

// The line of a git conflict in a letter (an opening marker, later a closing
// one), or 0: what two sites' letters kept under one name leave after a pull.
int conflict_line(std::string_view text) {
    int line = 1;
    int opened = 0;
    for (std::size_t at = 0; at < text.size(); ++line) {
        const auto end = std::min(text.find('\n', at), text.size());
        const std::string_view row = text.substr(at, end - at);
        if (row.starts_with("<<<<<<< ") || row == "<<<<<<<")
            opened = opened ? opened : line;
        else if (opened && (row.starts_with(">>>>>>> ") || row == ">>>>>>>"))
            return opened;
        at = end + 1;
    }
    return 0;
}

constexpr const char* k_letter_conflict =
    "git's conflict markers: two sites kept different letters under this name; what was sent is "
    "between them";

// A kept letter of case `id` that holds git's conflict markers, at its
// line: for the letters check_letters cannot reach (their case is unread,
// or no event names them). A letter that cannot be read says nothing here.
void letter_conflict(const Store& store, const std::string& id, const std::string& letter,
                     std::vector<CheckProblem>& problems) {
    try {
        if (const int line = conflict_line(store.read_letter(id, letter)))
            problems.push_back({letter, line, k_letter_conflict});
    } catch (const Error&) {
    }
}

// Each letter an event names is there, and holds nothing the policy forbids.
// `named` gathers them, for letters_none_names.
void check_letters(const Case& c, const std::string& text, const std::string& file,
                   const Store& store, std::set<std::string>& named,
                   std::vector<CheckProblem>& problems) {
    for (const auto& event : c.events) {
        if (event.letter.empty())
            continue;
        named.insert(event.letter);
        try {
            const std::string letter = store.read_letter(c.id, event.letter);
            if (const int line = conflict_line(letter))
                problems.push_back({event.letter, line, k_letter_conflict});
            check_letter_text(letter, store.config().policy, event.letter);
        } catch (const Error& e) {
            // The letter, or a link on its way (reported once, as a link).
            if (e.where().file == event.letter)
                problems.push_back({event.letter, e.where().line, e.what()});
            else if (event.letter.starts_with(e.where().file + "/"))
                continue;
            else
                problems.push_back({file, line_of_text(text, event.letter), e.what()});
        }
    }
}

// A letter kept is written before the case that names it: one that no
// event names is a write stopped half-way, or a file added by hand.
void letters_none_names(const Store& store, const std::vector<std::string>& kept,
                        const std::set<std::string>& named, std::vector<CheckProblem>& problems) {
    for (const auto& letter : kept)
        if (!named.count(letter)) {
            // letters/<ID>/NAME: the case it was kept for.
            const auto id_start = letter.find('/') + 1;
            const std::string case_id =
                letter.substr(id_start, letter.find('/', id_start) - id_start);
            letter_conflict(store, case_id, letter, problems);
            // The CLI names the command that records it.
            const Problem unrecorded{ProblemCode::letter_unrecorded,
                                     "no event names this letter: a write stopped before its case "
                                     "was saved, or it was added by hand; remove it, or record "
                                     "it and remove this copy",
                                     case_id};
            problems.push_back({letter, 0, unrecorded.message, unrecorded});
        }
}

// git carries symbolic links, and no command follows one below the root:
// each is named, since what it stands for is unreadable to every command.
void links_problems(const Store& store, std::vector<CheckProblem>& problems) {
    for (const auto& link : links_in_repository(store.root())) {
        const Problem problem{ProblemCode::link_in_repository,
                              "is a symbolic link; no command reads or writes through a link in "
                              "the repository (git can carry one that points anywhere): replace "
                              "it with the folder or file itself, or remove it"};
        problems.push_back({link, 0, problem.message, problem});
    }
}

// Each file an event keeps is there and is the bytes its SHA-256 names,
// void events' too (the file stays). `named` gathers them, for
// attachments_none_names.
void check_attachments(const Case& c, const std::string& text, const std::string& file,
                       const Store& store, std::set<std::string>& named,
                       std::vector<CheckProblem>& problems) {
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const auto& attachment = c.events[i].attachment;
        if (!attachment)
            continue;
        named.insert("attachments/" + c.id + "/" + attachment->file);
        if (const auto problem = attachment_problem(store, c.id, *attachment)) {
            const Problem damaged{ProblemCode::attachment_damaged, *problem, c.id};
            problems.push_back({file, line_of_event(text, i), *problem, damaged});
        }
    }
}

// A file is written before the case that names it: one that no event names
// is what a write that stopped left, harmless, or a file put there by hand.
void attachments_none_names(const std::vector<std::string>& kept,
                            const std::set<std::string>& named,
                            std::vector<CheckProblem>& problems) {
    for (const auto& path : kept)
        if (!named.count(path)) {
            const auto id_start = path.find('/') + 1;
            const Problem unrecorded{ProblemCode::attachment_unrecorded,
                                     "no event names this file: a write stopped before its case "
                                     "was saved, or it was put there by hand; nothing reads it",
                                     path.substr(id_start, path.find('/', id_start) - id_start)};
            problems.push_back({path, 0, unrecorded.message, unrecorded});
        }
}

void check_case(const Case& c, const std::string& text, const std::string& file, const Store& store,
                date::sys_seconds now, std::set<std::string>& letters,
                std::vector<CheckProblem>& problems) {
    const auto report = [&](std::string_view key, std::string message, bool agenda = false) {
        problems.push_back(
            {file, line_of_key(text, key), std::move(message), std::nullopt, agenda});
    };
    for (auto& [key, message] : impossible_states(c))
        report(key, message);
    for (auto& message : warning_problems(c, store.config().policy))
        report("warning", std::move(message));
    if (const auto ahead = received_ahead(c, now))
        report("received", *ahead);
    if (c.clock_from && *c.clock_from > local_date(now, store.zone()))
        report("clock_from", fmt::format("the clock starts on {}, a day still to come: its "
                                         "deadline is later than it should be",
                                         format_date(*c.clock_from)));
    for (auto& [index, message] : void_problems(c, store.config().policy))
        problems.push_back({file, line_of_event(text, index), std::move(message)});
    // An imported case records after the fact the steps its register kept:
    // the others (an agreed record, the policy's order) it never asks for.
    if (!c.imported)
        for (auto& [index, message] : order_problems(c, store.config().policy))
            problems.push_back({file, line_of_event(text, index), std::move(message)});
    for (auto& [index, message] : sent_twice(c))
        problems.push_back({file, line_of_event(text, index), std::move(message)});
    for (auto& [index, message] : every_copy_void(c))
        problems.push_back({file, line_of_event(text, index), std::move(message)});
    // A review body's outcome still to come is news to wait for, not a
    // fault in the record: list --attention and the agenda show it.
    for (const auto& note : attention(c, store.config().policy))
        if (note.code != ProblemCode::referral_open && !c.imported)
            problems.push_back({file, line_of_key(text, "events"), note.message, note, true});
    // Work stranded with an agent who left: the agenda's to hand over.
    if (auto held = held_by_leaver(c, store.config().policy, store.config().agents_left,
                                   local_date(now, store.zone())))
        problems.push_back({file, line_of_key(text, "agent"), held->message, *held, true});
    const ClockContext clocks{store.config().policy, store.calendar(), store.zone(), now};
    for (const auto& clock : case_clocks(c, clocks))
        if (clock.state == ClockState::overdue)
            report("received",
                   fmt::format("the {} deadline of {} has passed", clock.rule,
                               format_date(clock.due.day)),
                   true);
    for (const auto& action : overdue_actions(c, local_date(now, store.zone())))
        report("actions",
               fmt::format("action {} was due {} and is not done", action->number,
                           format_date(action->due)),
               true);
    patient_data_problems(c, text, file, store.config().policy, problems);
    control_problems(c, text, file, problems);
    check_letters(c, text, file, store, letters, problems);
    check_attachments(c, text, file, store, letters, problems);
}

} // namespace

std::vector<CheckProblem> check_repository(const Store& store, date::sys_seconds now) {
    std::vector<CheckProblem> problems;
    std::map<std::string, std::string> seen;
    std::set<std::string> letters;
    // Every letter kept, listed once (not once per unreadable case).
    const std::vector<std::string> kept = store.kept_letters();
    const std::vector<std::string> attachments = store.kept_attachments();
    ReviewCheck reviews(store.config().policy, store.zone());
    for (const auto& path : store.case_files()) {
        const std::string file = path.lexically_relative(store.root()).string();
        const std::string id = path.stem().string();
        if (!is_case_id(id)) {
            problems.push_back(
                {file, 0, "the file name is not a case ID, so no command can reach it"});
            continue;
        }
        if (const auto [other, fresh] = seen.emplace(id, file); !fresh) {
            problems.push_back({file, 0, fmt::format("case {} is also in {}", id, other->second)});
            continue;
        }
        try {
            const std::string text =
                read_repository_file(store.root(), file, std::size_t(8) << 20,
                                     "case files must be plain files in the repository");
            const Case c = read_case(text, file);
            if (c.id != id)
                problems.push_back(
                    {file, 1,
                     fmt::format("the file holds case '{}', but its name says {}", c.id, id)});
            check_case(c, text, file, store, now, letters, problems);
            reviews.see(c, file, line_of_key(text, "events"));
        } catch (const Error& e) {
            problems.push_back({file, e.where().line, e.what()});
            // Its letters are not strays: the case that names them is unread.
            // Their conflict markers are still worth naming.
            for (const auto& letter : kept)
                if (letter.starts_with("letters/" + id + "/")) {
                    letters.insert(letter);
                    letter_conflict(store, id, letter, problems);
                }
            for (const auto& attachment : attachments)
                if (attachment.starts_with("attachments/" + id + "/"))
                    letters.insert(attachment);
        }
    }
    reviews.report(local_date(now, store.zone()), problems);
    letters_none_names(store, kept, letters, problems);
    links_problems(store, problems);
    attachments_none_names(attachments, letters, problems);
    for (const auto& path : store.leftover_temporaries())
        problems.push_back(
            {path.lexically_relative(store.root()).string(), 0,
             path.filename().string().starts_with(".complaints-cache.")
                 ? "a temporary copy of the cache left by a listing that was stopped (or one "
                   "running now); it holds names and summaries of cases: delete it"
                 : "a temporary file left by a write that was interrupted; nothing reads it and "
                   "it is safe to delete"});
    return problems;
}

} // namespace complaints
