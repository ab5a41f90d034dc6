// SPDX-License-Identifier: Apache-2.0
#pragma once
// Conflict markers in a case file: the merge driver writes them around the
// fields both sites changed differently, and every reader refuses a file that
// still has them, naming the line and the field.
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// Two versions of one file, the same but where a merge conflicted, as one
// text: the lines they share once, each run of lines where they differ
// between git's standard markers (`marker_size` characters, 7 by default):
//   <<<<<<< ours / our lines / ======= / their lines / >>>>>>> theirs
// `ours_label` and `theirs_label` follow the markers: git's labels, or words
// that say which site each side is (a rebase swaps git's ours and theirs).
std::string marked_text(std::string_view ours, std::string_view theirs, int marker_size = 7,
                        std::string_view ours_label = "ours",
                        std::string_view theirs_label = "theirs");

// One run between conflict markers: the line of its opening marker (1-based)
// and the field it is in, as a path through the file:
// "summary", "points[number: 1].finding", "events[at: ...].text".
struct ConflictMark {
    int line = 0;
    std::string field;
    // What follows the opening and the closing marker ("ours", "HEAD",
    // "this-site (HEAD)"), and the lines of each side as the file holds
    // them: the upper side between the opening marker and the '=' (or '|')
    // one, the lower between the '=' one and the closing marker.
    std::string upper_label;
    std::string lower_label;
    std::string upper;
    std::string lower;
};

// Every conflict left in `text`; none in a file the tool wrote. A marker is
// a line that starts with 7 or more '<', '=' or '>' at its first column,
// which no value the tool writes can (values are indented or quoted).
std::vector<ConflictMark> conflict_marks(std::string_view text);

// The clashing fields of `marks`, each once, in file order, joined by ", ":
// what a reader's refusal names.
std::string conflict_fields(const std::vector<ConflictMark>& marks);

enum class ConflictSide { upper, lower };

// `text` with the conflict numbered `index` (in conflict_marks' order)
// replaced by the lines of the side kept; every other conflict stays as it is.
std::string keep_side(std::string_view text, std::size_t index, ConflictSide side);

// `text` with every conflict replaced by the lines of `side`: each view of
// a merge git made of two ancestors that disagreed (a criss-cross's base).
std::string keep_every(std::string_view text, ConflictSide side);

} // namespace complaints
