// SPDX-License-Identifier: Apache-2.0
#include "complaints/merge/conflict_pick.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/merge/case_merge.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/in_repository.hpp"
#include "complaints/workflow/later_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace complaints {

namespace {

// Which side of `mark` the user's `side` names, if any.
std::optional<ConflictSide> side_named(const ConflictMark& mark, const std::string& side) {
    if (side == "upper" || (!mark.upper_label.empty() && side == side_word(mark.upper_label)))
        return ConflictSide::upper;
    if (side == "lower" || (!mark.lower_label.empty() && side == side_word(mark.lower_label)))
        return ConflictSide::lower;
    return std::nullopt;
}

// The words that name a side of the conflicts in `marks`, for a refusal.
std::vector<std::string> side_words(const std::vector<ConflictMark>& marks) {
    std::vector<std::string> words{"upper", "lower"};
    for (const auto& mark : marks)
        for (const auto* label : {&mark.upper_label, &mark.lower_label})
            if (!label->empty() &&
                std::find(words.begin(), words.end(), side_word(*label)) == words.end())
                words.push_back(side_word(*label));
    return words;
}

std::vector<std::string> fields_of(const std::vector<ConflictMark>& marks) {
    std::vector<std::string> fields;
    for (const auto& mark : marks)
        if (std::find(fields.begin(), fields.end(), mark.field) == fields.end())
            fields.push_back(mark.field);
    return fields;
}

// Which side of each chosen conflict `side` names. Every one must know it
// before any is resolved; a refusal names each conflict that does not.
std::vector<ConflictSide> sides_chosen(const CaseConflicts& found,
                                       const std::vector<std::size_t>& indexes,
                                       const std::string& side) {
    std::vector<ConflictSide> sides;
    std::vector<std::string> unknown;
    for (const auto i : indexes) {
        if (const auto named = side_named(found.marks[i], side))
            sides.push_back(*named);
        else
            unknown.push_back(fmt::format("{} (line {}; its sides: {})", found.marks[i].field,
                                          found.marks[i].line,
                                          util::join(side_words({found.marks[i]}), ", ")));
    }
    if (!unknown.empty())
        throw Error(ErrorKind::usage,
                    fmt::format("no side is called '{}' in {} of {}'s conflicts: {}", side,
                                unknown.size() == indexes.size() ? "any" : "some", found.file,
                                util::join(unknown, "; ")));
    return sides;
}

// One conflict settled: the field, and each side's word and lines.
struct Settled {
    std::string field;
    ConflictSide kept = ConflictSide::upper;
    std::string kept_word;
    std::string set_aside_word;
    std::string kept_lines;
    std::string set_aside_lines;
};

std::string word_for(const ConflictMark& mark, ConflictSide side) {
    const auto& label = side == ConflictSide::upper ? mark.upper_label : mark.lower_label;
    return label.empty() ? (side == ConflictSide::upper ? "upper" : "lower") : side_word(label);
}

Settled settled_of(const ConflictMark& mark, ConflictSide kept) {
    const auto other = kept == ConflictSide::upper ? ConflictSide::lower : ConflictSide::upper;
    return {mark.field,
            kept,
            word_for(mark, kept),
            word_for(mark, other),
            kept == ConflictSide::upper ? mark.upper : mark.lower,
            kept == ConflictSide::upper ? mark.lower : mark.upper};
}

// A side's lines as a value to keep on the record: their common indent and
// the final line end taken off ("finding: upheld").
std::string as_value(const std::string& lines) {
    std::size_t indent = std::string::npos;
    for (std::size_t at = 0; at < lines.size();) {
        const auto end = std::min(lines.find('\n', at), lines.size());
        const auto first = lines.find_first_not_of(' ', at);
        if (first < end)
            indent = std::min(indent, first - at);
        at = end + 1;
    }
    std::string value;
    for (std::size_t at = 0; at < lines.size();) {
        const auto end = std::min(lines.find('\n', at), lines.size());
        const auto line = std::string_view(lines).substr(at, end - at);
        value += std::string(line.substr(std::min(indent, line.size()))) + "\n";
        at = end + 1;
    }
    while (value.ends_with('\n'))
        value.pop_back();
    return value;
}

// A side's whole case, when the side's text is known and reads.
std::optional<Case> side_case(const std::string& text, const std::string& file) {
    if (text.empty())
        return std::nullopt;
    try {
        return read_case(text, file);
    } catch (const Error&) {
        return std::nullopt;
    }
}

// The events of `view` that only the side set aside recorded, and that
// recorded `settled`'s field: what the value set aside stood on.
std::vector<const Event*> set_aside_events(const Case& view, const Settled& settled,
                                           const SideTexts& sides, const std::string& file) {
    std::vector<const Event*> found;
    const bool upper_kept = settled.kept == ConflictSide::upper;
    const auto kept = side_case(upper_kept ? sides.upper : sides.lower, file);
    const auto set_aside = side_case(upper_kept ? sides.lower : sides.upper, file);
    if (!kept || !set_aside)
        return found;
    const auto in = [](const Case& c, const Event& event) {
        return std::find(c.events.begin(), c.events.end(), event) != c.events.end();
    };
    for (const auto& event : view.events)
        if (records_field(event, settled.field) && !is_void(view, event) && in(*set_aside, event) &&
            !in(*kept, event))
            found.push_back(&event);
    return found;
}

// The line after the last of the `events:` list's lines, markers included.
std::size_t end_of_events(const std::string& text) {
    auto at = text.starts_with("events:") ? 0 : text.find("\nevents:");
    if (at == std::string::npos)
        return text.size();
    at = text.find('\n', at + 1);
    while (at != std::string::npos && at + 1 < text.size()) {
        const char first = text[at + 1];
        // '-' and '#': an item written at the key's own indent, a comment.
        if (first != ' ' && first != '\n' && first != '<' && first != '=' && first != '>' &&
            first != '|' && first != '-' && first != '#')
            return at + 1;
        at = text.find('\n', at + 1);
    }
    return text.size();
}

// `text` with the record of each conflict settled added to its events: the
// voids of what the side set aside stood on, and the settlement itself. The
// events are added as text, since other conflicts may still be marked.
std::string with_record(const std::string& text, const std::string& file,
                        const std::vector<Settled>& settled, const Event& settling,
                        const SideTexts& sides, std::vector<std::string>& voided) {
    const auto view = side_case(keep_every(text, ConflictSide::upper), file);
    std::vector<Event> added;
    std::vector<const Event*> done; // a finding and its conclusion stand on one event
    for (const auto& one : settled) {
        if (view)
            for (const Event* event : set_aside_events(*view, one, sides, file)) {
                if (std::find(done.begin(), done.end(), event) != done.end())
                    continue;
                done.push_back(event);
                Event voiding = settling;
                voiding.type = EventType::voided;
                voiding.text = fmt::format("set aside when the merge conflict in {} was settled "
                                           "for {}'s side",
                                           one.field, one.kept_word);
                voiding.voids = reference_to(*view, *event);
                voiding.corrects = one.field; // what links it to the settlement
                added.push_back(std::move(voiding));
                voided.push_back(fmt::format("event {} ({}): {}", event - view->events.data() + 1,
                                             name_of(event->type), event->text));
            }
        Event record = settling;
        record.type = EventType::conflict_resolved;
        record.text = fmt::format("Merge conflict in {} settled: {}'s side kept, {}'s set aside",
                                  one.field, one.kept_word, one.set_aside_word);
        record.corrects = one.field;
        record.after = as_value(one.kept_lines);
        record.before = as_value(one.set_aside_lines);
        added.push_back(std::move(record));
    }
    std::string out = text;
    auto at = end_of_events(out);
    if (at == out.size() && !out.empty() && !out.ends_with('\n'))
        out += '\n', at = out.size();
    out.insert(at, write_event_items(added));
    // Added as text to a file written by hand, say: it must still read.
    if (view && !side_case(keep_every(out, ConflictSide::upper), file))
        throw Error(ErrorKind::bad_data,
                    fmt::format("{}: its events list is written in a way the record of the "
                                "settlement cannot be added to; nothing was changed: settle it "
                                "by editing the file",
                                file));
    return out;
}
} // namespace

std::vector<std::size_t> conflicts_in(const CaseConflicts& found, const std::string& field) {
    std::vector<std::size_t> indexes;
    for (std::size_t i = 0; i < found.marks.size(); ++i)
        if (field.empty() || found.marks[i].field == field)
            indexes.push_back(i);
    if (found.marks.empty())
        throw Error(ErrorKind::usage, fmt::format("{} has no merge conflict", found.file));
    if (indexes.empty()) {
        const auto fields = fields_of(found.marks);
        throw Error(ErrorKind::usage,
                    fmt::format("{} has no conflict in '{}'{}; its conflicts: {}", found.file,
                                field, did_you_mean(field, fields), util::join(fields, ", ")));
    }
    return indexes;
}

std::string side_word(const std::string& label) {
    return label.substr(0, label.find(' '));
}

CaseConflicts read_conflicts(const Store& store, const std::string& id) {
    CaseConflicts found;
    found.file = store.display_path(id);
    found.text = read_repository_file(store.root(), found.file, k_largest_case,
                                      "case files must be plain files in the repository");
    found.marks = conflict_marks(found.text);
    return found;
}

std::optional<Problem> two_cases_told(const SideTexts& sides, const std::string& file) {
    if (!sides.new_on_both)
        return std::nullopt;
    const auto upper = side_case(sides.upper, file);
    const auto lower = side_case(sides.lower, file);
    if (!upper || !lower || !two_different_cases(*upper, *lower))
        return std::nullopt;
    // What to do (abort the pull, give this site's case a new ID) is the
    // CLI's to say: it names git's commands and its own.
    return Problem{ProblemCode::id_drawn_twice,
                   fmt::format("{}: two different cases got the same ID (each site opened one: {} "
                               "from {}, and {} from {}); keeping one side per field would fuse "
                               "them",
                               file, format_timestamp(upper->received),
                               upper->complainant.empty() ? "nobody named" : upper->complainant,
                               format_timestamp(lower->received),
                               lower->complainant.empty() ? "nobody named" : lower->complainant),
                   upper->id};
}

ConflictPick pick_conflict_side(StoreWriter& writer, const std::string& id,
                                const std::string& field, const std::string& side,
                                const Event& settling, const SideTexts& sides) {
    const CaseConflicts found = read_conflicts(writer.store(), id);
    if (const auto told = two_cases_told(sides, found.file))
        throw Error(ErrorKind::refused, "", {*told});
    const auto indexes = conflicts_in(found, field);
    const auto chosen = sides_chosen(found, indexes, side);
    ConflictPick pick;
    pick.file = found.file;
    std::string text = found.text;
    std::vector<Settled> settled;
    // From the last: resolving one leaves the earlier ones where they were.
    for (std::size_t k = indexes.size(); k-- > 0;) {
        const auto& mark = found.marks[indexes[k]];
        text = keep_side(text, indexes[k], chosen[k]);
        settled.insert(settled.begin(), settled_of(mark, chosen[k]));
        pick.kept.insert(pick.kept.begin(),
                         fmt::format("{}: {}", mark.field, settled.front().kept_word));
    }
    text = with_record(text, found.file, settled, settling, sides, pick.voided);
    pick.left = conflict_marks(text);
    // The last conflict gone, the file must be a case every command reads.
    if (pick.left.empty())
        (void)read_case(text, found.file);
    AtomicFile out(writer.store().root(), found.file);
    out.write(text);
    out.commit();
    pick.doubt = out.doubt();
    return pick;
}

} // namespace complaints
