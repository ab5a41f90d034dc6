// SPDX-License-Identifier: Apache-2.0
#pragma once
// Three-way merge of one case file, for git's merge driver: two sites that
// both worked on a case while apart get one file with the work of both.
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

struct CaseMerge {
    // The merged case file as the tool writes it; when there are conflicts,
    // with git's conflict markers around each clashing field.
    std::string text;
    // Where each conflict is, as readers name it ("points[n: 1].finding").
    std::vector<std::string> conflicts;
    // The file is new on both sides and holds two different complaints (not
    // received at the same time from the same person): two sites drew the
    // same ID. The merge is then a conflict even where no field clashes.
    bool two_cases = false;
};

// Two sides of a file new on both sides hold different complaints (not
// received at the same time from the same person): two sites drew one ID.
struct Case;
bool two_different_cases(const Case& ours, const Case& theirs);

// The words after the conflict markers: which site each side is. git's
// "ours" is this clone in a merge but the other site in a rebase, so the
// driver says which (see cmd_merge.cpp); a user picks a side by these words.
struct SideLabels {
    std::string ours = "ours";
    std::string theirs = "theirs";
};

// Merges `ours` and `theirs`, both descended from `base` (empty when the
// file is new on both sides), item by item against the base:
// - every field of the case, of each point, action, escalation and event
//   takes the side that changed it; the same field changed differently on
//   both sides is a conflict;
// - points and actions are the same item when raised as the same (text and
//   `added`: a merge elsewhere may have moved one to a new number), else when
//   they have the same number in the base; events, action progress and escalations are the same
//   item when equal, else when an edit of it (an event keeping two of its time, type and text;
//   progress its time or text; an escalation its body or time);
// - an item one side deleted and the other left alone is deleted; deleted at
//   one side and changed at the other is a conflict;
// - items added at either side are all kept (once when both added the same);
//   a point or action both sides added under one number keeps it at ours,
//   and theirs takes the next free number, its events' "Action N"/"Point N"
//   rewritten to match. Events, progress and escalations stay in time order.
// Throws a bad_data Error when a side is not a valid case file, or when the
// merged case is not (naming `file`). `marker_size` is git's %L.
CaseMerge merge_case_files(std::string_view base, std::string_view ours, std::string_view theirs,
                           const std::string& file, int marker_size = 7,
                           const SideLabels& labels = {});

} // namespace complaints
