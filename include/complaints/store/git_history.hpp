// SPDX-License-Identifier: Apache-2.0
#pragma once
// The repository's git history, read through the git binary: the commits,
// what each changed against each parent, and the files' contents then.
// git is already required (sites share the repository through it, and the
// merge driver is git's), and its plumbing output (log --format, diff-tree
// --raw -z, cat-file --batch) is stable by design, so no libgit2: each read
// is one process, fed from a temporary file so neither side waits on a pipe.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace complaints {

// One commit as git log gives it.
struct GitCommit {
    std::string hash;
    std::vector<std::string> parents;
    std::string author; // "Name <email>", as committed (no mailmap)
    std::string date;   // the author's date, ISO 8601 with its offset
    std::string subject;
};

// One path a commit changed against one parent (diff-tree --raw, no renames).
struct GitChange {
    char status = 'M';    // A added, D deleted, M modified, T type changed
    std::string path;     // from the top of git's work tree
    std::string old_blob; // all zeros when added
    std::string new_blob; // all zeros when deleted
};

// What `commit` changed against `parent` (empty for a root commit).
struct GitDiff {
    std::string commit;
    std::string parent;
    std::vector<GitChange> changes;
};

// Whether a blob name is git's "no file" (all zeros).
bool no_blob(const std::string& blob);

class GitHistory {
  public:
    // Throws not_found when `root` is in no git repository, or git cannot run.
    explicit GitHistory(std::filesystem::path root);

    // The folder `root` is within git's work tree: "" at its top, else "clinic/".
    const std::string& prefix() const { return m_prefix; }
    // Every commit reachable from `rev`, parents before children; none when
    // `rev` is HEAD and nothing was committed yet.
    std::vector<GitCommit> commits(const std::string& rev) const;
    // One diff per commit and parent, in the order of `commits` and each
    // commit's parents; a root commit's against the empty tree.
    std::vector<GitDiff> diffs(const std::vector<GitCommit>& commits) const;
    // The contents of the blobs named, by name.
    std::map<std::string, std::string> blobs(const std::vector<std::string>& names) const;

  private:
    std::filesystem::path m_root;
    std::string m_prefix;
};

} // namespace complaints
