// SPDX-License-Identifier: Apache-2.0
#pragma once
// Whether git in this clone merges case files with `complaints merge-file`,
// and how `git-setup` names the program so that it survives a move or an
// upgrade. Without the driver git merges case files as text and can lose
// a site's work, so every writing command and `check` say when it is missing.
#include "complaints/merge/case_merge.hpp"
#include "complaints/merge/conflict_pick.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace complaints::cli {

// Runs git with `args` in `folder`; throws naming what failed.
void run_git(const std::filesystem::path& folder, std::vector<std::string> args);

// The program git-setup registers: "complaints" when PATH finds this very
// binary (an upgrade in place keeps working), else its full path, with a
// note saying what that means.
struct DriverProgram {
    std::string command;
    std::string note; // empty when registered by name
};
DriverProgram driver_program();

// Registers the driver in the clone at `root` (git keeps drivers out of
// history, so each clone needs it) and returns the command registered.
std::string register_merge_driver(const std::filesystem::path& root);

// Whether PATH finds git.
bool git_installed();

// Whether `folder` is inside a git clone already.
bool in_git_clone(std::filesystem::path folder);

// A warning when `root` is in a git clone whose merge driver for case files
// is missing or names a program that is gone; empty otherwise (and when git
// itself is missing: nothing to merge with).
std::string merge_driver_doubt(const std::filesystem::path& root);

// The words the driver writes after its conflict markers, for the merge
// git runs in the current folder: git's "ours" is this site in a merge,
// the other site in a rebase (which replays this site's commits onto the
// other's), so each side is named as the site it is.
SideLabels merge_side_labels();

// The file (relative to `root`) as each side of the merge under way had it:
// git's stages 2 (the upper side of the driver's markers) and 3 (the
// lower). Empty texts when no merge is under way or git cannot say.
SideTexts merge_sides(const std::filesystem::path& root, const std::string& file);

} // namespace complaints::cli
