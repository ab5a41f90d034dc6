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
std::string marked_text(std::string_view ours, std::string_view theirs, int marker_size = 7);

// One run between conflict markers: the line of its opening marker (1-based)
// and the field it is in, as a path through the file:
// "summary", "points[number: 1].finding", "events[at: ...].text".
struct ConflictMark {
    int line = 0;
    std::string field;
};

// Every conflict left in `text`; none in a file the tool wrote. A marker is
// a line that starts with 7 or more '<', '=' or '>' at its first column,
// which no value the tool writes can (values are indented or quoted).
std::vector<ConflictMark> conflict_marks(std::string_view text);

} // namespace complaints
