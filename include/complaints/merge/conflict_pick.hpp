// SPDX-License-Identifier: Apache-2.0
#pragma once
// Resolving a merge conflict in a case file by picking a side per field,
// named as the file's markers name it (the driver writes "this-site" and
// "other-site", which stay right during a rebase where git's "ours" is the
// other site), or as the upper or lower side.
#include "complaints/base/error.hpp"
#include "complaints/codec/merge_conflict.hpp"
#include "complaints/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace complaints {

// Case `id`'s file as it is, with the conflicts left in it (none when the
// file reads). The file is not parsed: a conflicted case cannot be.
struct CaseConflicts {
    std::string file; // relative to the root, as messages name it
    std::string text;
    std::vector<ConflictMark> marks;
};
CaseConflicts read_conflicts(const Store& store, const std::string& id);

// The indexes of the conflicts in `field` (every one when empty). A usage
// Error when the file has none, or none in that field (naming those it has).
std::vector<std::size_t> conflicts_in(const CaseConflicts& found, const std::string& field);

// What a pick did: the fields kept from each side, the events of the side
// set aside that it voided, and the conflicts left.
struct ConflictPick {
    std::string file;
    std::vector<std::string> kept;   // "summary: this-site"
    std::vector<std::string> voided; // "event 9 (finding): Point 1: not-upheld"
    std::vector<ConflictMark> left;
    std::string doubt; // the write's durability doubt (AtomicFile::doubt)
};

// The whole file as each side of the merge had it (git's stages 2 and 3:
// the upper and the lower side of every marker), when known: they tell which
// events each side recorded itself, so the events that recorded a value set
// aside can be voided. Empty when unknown (no merge under way).
struct SideTexts {
    std::string upper;
    std::string lower;
    bool new_on_both = false; // no common ancestor: each side added the file
};

// When the sides are two different cases that drew the same ID, the problem
// that says so (an id_drawn_twice about this site's case, whose fix the CLI
// names); settling a field would fuse them into one.
std::optional<Problem> two_cases_told(const SideTexts& sides, const std::string& file);

// Keeps side `side` ("upper", "lower", or the first word of a marker's
// label: "this-site", "other-site") of the conflict in `field`, or of every
// conflict when `field` is empty, and rewrites the file atomically. Other
// conflicts stay marked. Nothing is erased: for each conflict settled a
// `conflict-resolved` event (built from `settling`: who and when) names the
// field and keeps both sides, and the events only the side set aside
// recorded for that field (a point's finding) are voided, naming the
// conflict. Throws a usage Error, writing nothing, for a field that is not
// in conflict or a side no marker names (every such conflict named); bad_data
// when the last conflict resolved leaves a file that is not a valid case.
ConflictPick pick_conflict_side(StoreWriter& writer, const std::string& id,
                                const std::string& field, const std::string& side,
                                const Event& settling, const SideTexts& sides);

// The word that names a side in a marker's label: "this-site" of
// "this-site (HEAD)"; the label itself when it has one word.
std::string side_word(const std::string& label);

} // namespace complaints
