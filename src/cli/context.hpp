// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every command receives: the global options, the clock and the random
// source. Commands get the store, and the lock to write to it, through here,
// never by looking themselves.
#include "complaints/store/store.hpp"
#include "complaints/time/timestamp.hpp"

#include <cstdio>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace complaints::cli {

struct GlobalOptions {
    std::string repo;
    std::string color = "auto";
    bool no_pager = false;
};

struct Context {
    GlobalOptions global;
    date::sys_seconds now;
    // Mutable because commands receive the context as const (see `recorded`).
    mutable std::mt19937_64 random;
    // The command's name ("log", "calendar add"), never its arguments: the
    // lock file shows it to other writers, and an argument may be patient data.
    std::string command;
    // What this command has published ("LUM-2026-XTE74M", "complaints.yaml"),
    // once it has: if its output then fails, the message must say the
    // write happened, or someone would run the command again. Mutable
    // because writing commands receive the context as const.
    mutable std::string recorded;
    // The first case the command wrote: what `--format json` prints.
    mutable std::string first_recorded;
    // How many unreadable cases scan or load_all left out: the command's
    // output is then incomplete, and it exits 4 (bad data) after printing it.
    mutable std::size_t left_out = 0;

    // Who is writing: --by, $COMPLAINTS_USER, complaints.yaml's author, git's
    // user.name, then the login name.
    std::string author(const std::string& by, const Store& store) const;
    // Colour only on a terminal, never with NO_COLOR; --color decides first.
    bool colour(std::FILE* stream) const;
    // Every case through Store::scan (and .complaints-cache unless
    // `no_cache`). $COMPLAINTS_CACHE_SETTLE (seconds, default 2) is how long
    // a changed file is re-read regardless; $COMPLAINTS_TRACE_CACHE prints
    // what came from the cache and what was read, on stderr.
    // A case that cannot be read is left out with a warning naming its file
    // and line (see `left_out`), so one broken file does not hide the rest.
    void scan(const Store& store, bool no_cache, const std::function<void(Case&)>& visit) const;
    // Every case slim (see slim_case), as `scan` reads them through the
    // cache: for a command that needs a few facts of every other case (a
    // GMC number, a clinician's warnings and decisions) without parsing
    // every file. `strict`: an unreadable case is the error, as a write that
    // must see every case needs; else it is left out as `scan` does.
    std::vector<Case> slim_all(const Store& store, bool strict) const;
    // Every case in full (Store::load_all), leaving out the unreadable the
    // same way.
    std::vector<Case> load_all(const Store& store) const;

  private:
    // Only the dispatch (dispatch.cpp) opens the repository and locks it,
    // handing each command the view the command table says it needs.
    friend struct Dispatch;
    // The repository: --repo, else $COMPLAINTS_REPO, else the nearest folder
    // above the working directory with complaints.yaml. not_found otherwise.
    Store open_store() const;
    // The same, but nothing when there is no repository to find (commands
    // that work with or without one). A broken repository is still an error.
    std::optional<Store> find_store() const;
    // The repository's lock, and with it the only way to write (see
    // StoreWriter); every writing command takes it here. It waits
    // $COMPLAINTS_LOCK_WAIT seconds (else 10) for another writer, and tells
    // the others this process, user, host and command line meanwhile.
    StoreWriter lock(Store& store) const;
    // The repository once opened, for every view of it this command takes.
    mutable std::optional<Store> m_repository;

    void leave_out(const Error& e) const;
};

// Whether `stream` is a terminal: text from cases and messages is then shown
// with its control characters made visible (make_visible), whatever --color.
bool terminal(std::FILE* stream);

// The width a table must fit: $COLUMNS when it holds a width (as git reads
// it), else the terminal's when `stream` is one; none for a pipe or file.
std::optional<std::size_t> terminal_width(std::FILE* stream);

// "Now" from $COMPLAINTS_NOW when set (for reproducible scripts and tests),
// else the system clock.
date::sys_seconds current_time();

} // namespace complaints::cli
