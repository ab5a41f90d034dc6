// SPDX-License-Identifier: Apache-2.0
// `audit`'s walk: git's history read in three processes (the commits, every
// commit's changes against each parent, the case files' versions), each
// change then put to the rules of history.cpp.
#include "complaints/audit/history.hpp"

#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/store/git_history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace complaints {

namespace {

bool is_case_path(const std::string& path) {
    return path.starts_with("cases/") && path.ends_with(".yaml");
}

bool is_kept_path(const std::string& path) {
    return path.starts_with("letters/") || path.starts_with("attachments/");
}

// Each diff with only the paths audit reads, relative to the repository.
void keep_ours(std::vector<GitDiff>& diffs, const std::string& prefix) {
    for (auto& diff : diffs) {
        std::erase_if(diff.changes, [&](GitChange& change) {
            if (!change.path.starts_with(prefix))
                return true;
            change.path.erase(0, prefix.size());
            return !is_case_path(change.path) && !is_kept_path(change.path);
        });
    }
}

// The case files' versions, read once each and decoded on first use.
class Versions {
  public:
    Versions(const GitHistory& git, const std::vector<GitDiff>& diffs) {
        std::vector<std::string> names;
        for (const auto& diff : diffs)
            for (const auto& change : diff.changes)
                if (is_case_path(change.path))
                    for (const auto* blob : {&change.old_blob, &change.new_blob})
                        if (!no_blob(*blob))
                            names.push_back(*blob);
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        m_texts = git.blobs(names);
    }
    // The case a blob holds, or null when it cannot be read (`why` says why).
    const Case* get(const std::string& blob, const std::string& file, std::string* why = nullptr) {
        auto found = m_cases.find(blob);
        if (found == m_cases.end()) {
            Decoded decoded;
            try {
                decoded.c = read_case(m_texts[blob], file);
            } catch (const Error& e) {
                decoded.why = e.describe();
            }
            found = m_cases.emplace(blob, std::move(decoded)).first;
        }
        if (why)
            *why = found->second.why;
        return found->second.c ? &*found->second.c : nullptr;
    }

  private:
    struct Decoded {
        std::optional<Case> c;
        std::string why;
    };
    std::map<std::string, std::string> m_texts;
    std::map<std::string, Decoded> m_cases;
};

class Walk {
  public:
    Walk(Versions& versions, std::vector<HistoryProblem>& problems)
        : m_versions(versions), m_problems(problems) {}

    void commit(const GitCommit& commit, const GitDiff* first, std::size_t count) {
        m_commit = &commit;
        if (count == 1)
            single(*first);
        else
            merge(first, count);
    }

  private:
    void add(std::vector<HistoryProblem> found, const std::string& file) {
        for (auto& p : found) {
            p.commit = m_commit->hash;
            p.author = m_commit->author;
            p.date = m_commit->date;
            p.subject = m_commit->subject;
            p.file = file;
            m_problems.push_back(std::move(p));
        }
    }
    void add(HistoryProblem p, const std::string& file) { add(std::vector{std::move(p)}, file); }

    // Whether the diff adds a case file that holds `gone`'s events (re-id).
    bool re_ided(const GitDiff& diff, const Case& gone) {
        return std::any_of(diff.changes.begin(), diff.changes.end(), [&](const GitChange& c) {
            if (c.status != 'A' || !is_case_path(c.path))
                return false;
            const Case* moved = m_versions.get(c.new_blob, c.path);
            return moved && is_re_id_of(gone, *moved);
        });
    }
    // Whether the diff adds `blob` under another path: a kept file moved whole.
    static bool moved(const GitDiff& diff, const std::string& blob) {
        return std::any_of(diff.changes.begin(), diff.changes.end(), [&](const GitChange& c) {
            return c.status == 'A' && c.new_blob == blob;
        });
    }

    void deleted_case(const GitDiff& diff, const GitChange& change, const std::string& how) {
        const Case* gone = m_versions.get(change.old_blob, change.path);
        if (!gone || re_ided(diff, *gone))
            return;
        add(history_problem(
                fmt::format("case deleted{}, with its {} events", how, gone->events.size()),
                fmt::format("{} events, the last {}", gone->events.size(),
                            gone->events.empty() ? std::string()
                                                 : format_timestamp(gone->events.back().at))),
            change.path);
    }

    void changed_case(const GitChange& change) {
        std::string why;
        const Case* after = m_versions.get(change.new_blob, change.path, &why);
        if (!after) {
            add(history_problem("the file can no longer be read as a case", "", why), change.path);
            return;
        }
        // A version that could not be read was reported when it was committed.
        if (const Case* before = m_versions.get(change.old_blob, change.path))
            add(case_change_problems(*before, *after), change.path);
    }

    void kept_file(const GitDiff& diff, const GitChange& change, const std::string& how) {
        if (change.status == 'A')
            return;
        if (change.status == 'D' && moved(diff, change.old_blob))
            return;
        add(history_problem(
                fmt::format("kept file {}{}", change.status == 'D' ? "deleted" : "changed", how),
                "blob " + change.old_blob,
                no_blob(change.new_blob) ? std::string() : "blob " + change.new_blob),
            change.path);
    }

    void single(const GitDiff& diff) {
        for (const auto& change : diff.changes) {
            if (is_kept_path(change.path))
                kept_file(diff, change, "");
            else if (change.status == 'D')
                deleted_case(diff, change, "");
            else if (change.status != 'A')
                changed_case(change);
        }
    }

    void merge(const GitDiff* diffs, std::size_t count);

    Versions& m_versions;
    std::vector<HistoryProblem>& m_problems;
    const GitCommit* m_commit = nullptr;
};

// A path a merge did not change against some parent holds that parent's
// version, so only the events the other parents' versions held are asked
// for; a frozen field or a kept file counts only when the merge changed it
// against every parent.
void Walk::merge(const GitDiff* diffs, std::size_t count) {
    std::map<std::string, std::vector<std::pair<const GitDiff*, const GitChange*>>> paths;
    for (std::size_t i = 0; i < count; ++i)
        for (const auto& change : diffs[i].changes)
            paths[change.path].emplace_back(&diffs[i], &change);
    for (const auto& [path, changes] : paths) {
        const bool every = changes.size() == count;
        const GitChange& any = *changes.front().second;
        if (is_kept_path(path)) {
            const bool all_moved = std::all_of(changes.begin(), changes.end(), [](const auto& c) {
                return c.second->status == 'D' && moved(*c.first, c.second->old_blob);
            });
            // Against a parent that lacked it, the file is new; against the
            // others, changed or gone.
            const auto had = std::find_if(changes.begin(), changes.end(),
                                          [](const auto& c) { return c.second->status != 'A'; });
            if (every && had != changes.end() && !all_moved)
                kept_file(*had->first, *had->second, " by the merge");
            continue;
        }
        if (no_blob(any.new_blob)) {
            for (const auto& [diff, change] : changes)
                if (!no_blob(change->old_blob)) {
                    deleted_case(*diff, *change, " by the merge");
                    break;
                }
            continue;
        }
        std::string why;
        const Case* merged = m_versions.get(any.new_blob, path, &why);
        if (!merged) {
            if (every)
                add(history_problem("the merge left a file that cannot be read as a case", "", why),
                    path);
            continue;
        }
        std::vector<Case> parents;
        for (const auto& [diff, change] : changes)
            if (!no_blob(change->old_blob))
                if (const Case* parent = m_versions.get(change->old_blob, path))
                    parents.push_back(*parent);
        add(merge_problems(parents, *merged, every), path);
    }
}

} // namespace

HistoryAudit audit_history(const Store& store, const std::string& rev) {
    const GitHistory git(store.root());
    HistoryAudit audit;
    const auto commits = git.commits(rev);
    audit.commits = commits.size();
    auto diffs = git.diffs(commits);
    keep_ours(diffs, git.prefix());
    Versions versions(git, diffs);
    Walk walk(versions, audit.problems);
    std::size_t at = 0;
    for (const auto& commit : commits) {
        const std::size_t count = std::max<std::size_t>(commit.parents.size(), 1);
        walk.commit(commit, &diffs[at], count);
        at += count;
    }
    return audit;
}

} // namespace complaints
