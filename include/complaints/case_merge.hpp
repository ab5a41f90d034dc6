#pragma once
// Three-way merge of one case file, for git's merge driver: two sites that
// both added to a case while apart get one file with every event of both.
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

struct CaseMerge {
    std::string text;                   // the merged case file, as the tool writes it
    std::vector<std::string> conflicts; // keys both sides changed in different ways
};

// Merges `ours` and `theirs`, both descended from `base` (empty when the
// file is new on both sides). Events are the union of both sides' events in
// time order: the list is append-only, so nothing either site recorded is
// dropped. Any other key takes the side that changed it; a key that both
// changed differently is a conflict, and then `text` is empty. Throws a
// bad_data Error when a side is not a valid case file, or when the merged
// case is not (naming `file`).
CaseMerge merge_case_files(std::string_view base, std::string_view ours, std::string_view theirs,
                           const std::string& file);

} // namespace complaints
