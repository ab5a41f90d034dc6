#include "complaints/conflict_pick.hpp"

#include "complaints/atomic_file.hpp"
#include "complaints/codec.hpp"
#include "complaints/error.hpp"
#include "complaints/util/strings.hpp"

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
    found.text = read_plain_file(store.root() / found.file, found.file, k_largest_case);
    found.marks = conflict_marks(found.text);
    return found;
}

ConflictPick pick_conflict_side(StoreWriter& writer, const std::string& id,
                                const std::string& field, const std::string& side) {
    const CaseConflicts found = read_conflicts(writer.store(), id);
    const auto indexes = conflicts_in(found, field);
    // Every chosen conflict must know the side before any is resolved.
    std::vector<ConflictSide> sides;
    for (const auto i : indexes) {
        const auto named = side_named(found.marks[i], side);
        if (!named)
            throw Error(ErrorKind::usage,
                        fmt::format("no side of the conflict in {} is called '{}'; its sides: {}",
                                    found.marks[i].field, side,
                                    util::join(side_words({found.marks[i]}), ", ")));
        sides.push_back(*named);
    }
    ConflictPick pick;
    pick.file = found.file;
    std::string text = found.text;
    // From the last: resolving one leaves the earlier ones where they were.
    for (std::size_t k = indexes.size(); k-- > 0;) {
        const auto& mark = found.marks[indexes[k]];
        text = keep_side(text, indexes[k], sides[k]);
        const auto& label = sides[k] == ConflictSide::upper ? mark.upper_label : mark.lower_label;
        pick.kept.insert(
            pick.kept.begin(),
            fmt::format("{}: {}", mark.field,
                        label.empty()
                            ? std::string(sides[k] == ConflictSide::upper ? "upper" : "lower")
                            : side_word(label)));
    }
    pick.left = conflict_marks(text);
    // The last conflict gone, the file must be a case every command reads.
    if (pick.left.empty())
        (void)read_case(text, found.file);
    AtomicFile out(writer.store().root() / found.file);
    out.write(text);
    out.commit();
    pick.doubt = out.doubt();
    return pick;
}

} // namespace complaints
