// SPDX-License-Identifier: Apache-2.0
#pragma once
// `audit`: the repository's git history against the rules the tool keeps
// when it writes. No command edits or removes an event (a mistake is voided
// or corrected by a new one; re-id rewrites only the letters' paths), none
// changes what was sent without a `corrected` event, nor a closed case's
// outcome without reopening it, nor a kept letter or attachment, nor deletes
// a case other than by re-id. A change between two versions that did any of
// these was made by hand, and is reported.
#include "complaints/model/model.hpp"
#include "complaints/store/store.hpp"

#include <string>
#include <vector>

namespace complaints {

// One change the tool would have refused.
struct HistoryProblem {
    std::string commit; // the full hash
    std::string author; // "Name <email>"
    std::string date;   // the author's date, ISO 8601
    std::string subject;
    std::string file; // relative to the repository
    int event = 0;    // the event's number (from 1) in the version before; 0: no event
    std::string what;
    std::string before;
    std::string after;
};

// A problem as the rules find it: the walk adds the commit and the file.
HistoryProblem history_problem(std::string what, std::string before = {}, std::string after = {},
                               int event = 0);

// What changed from one version of a case file to the next, in one commit
// with one parent: events edited or removed, frozen fields changed.
std::vector<HistoryProblem> case_change_problems(const Case& before, const Case& after);

// The events of `before` that `after` lacks, each "edited" (naming the
// fields that changed) when `after` has a new event of its type at its time
// or with its text, else "removed". A version under another ID (re-id) is
// compared with its letters' paths moved as re-id moves them.
std::vector<HistoryProblem> lost_events(const Case& before, const Case& after);

// The items of what was sent (once it was) and of a closed case that
// changed without a new `corrected` (or `reopened`) event to account for it.
std::vector<HistoryProblem> frozen_field_problems(const Case& before, const Case& after);

// A merge's version of a case against the versions of the parents it
// differs from: an event any of them holds that the merge lacks (the tool
// never removes one, so a merge keeps both sites' events, each listed
// once); and, when the merge differs from every parent, a frozen field
// changed from every parent's value with nothing to account for it.
std::vector<HistoryProblem> merge_problems(const std::vector<Case>& parents, const Case& merged,
                                           bool differs_from_every_parent);

// Whether `moved` is `gone` under a new ID, as re-id makes it: every event
// of `gone` is in `moved`.
bool is_re_id_of(const Case& gone, const Case& moved);

// Every commit reachable from `rev` (a commit git knows: HEAD, a branch,
// a hash), against each of its parents: each change to cases/, letters/ and
// attachments/ the tool would have refused, in the order committed. Throws
// not_found when the repository is in no git repository or `rev` is unknown.
struct HistoryAudit {
    std::size_t commits = 0; // how many commits were read
    std::vector<HistoryProblem> problems;
};
HistoryAudit audit_history(const Store& store, const std::string& rev);

} // namespace complaints
