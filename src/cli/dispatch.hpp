// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a command is handed, by what the command table says it needs: the
// repository, opened once per run, as a read-only view for a command that
// reads and with its lock for one that writes. A command's callback is set
// through `reads`, `writes` and their kin, never directly, so that a reading
// command cannot reach a write by its signature: a Reader holds only a
// const Store, and only a non-const Store can lock (see Store::lock).
#include "context.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace complaints::cli {

// In order: each needs what those before it need, and more.
enum class Needs {
    nothing,    // help, the merge driver: no repository
    if_any,     // the repository when there is one (`calendar`'s queries)
    read,       // reads the repository, writes nothing
    write_case, // writes one case (and its kept letters), under the lock
    write_files // writes several files under one lock (`re-id`, `calendar import`)
};

struct Reader {
    const Context& context;
    const Store& store;
};

struct Writer {
    const Context& context;
    Store& store;

    operator Reader() const { return {context, store}; }
    // The repository's lock: the only way to write (StoreWriter).
    StoreWriter lock() const;
};

// Each sets `command`'s callback, after checking that the command table
// allows its top-level command `needs` this much (a logic error at start-up
// otherwise, so the whole suite fails on a table that says less than the
// code does).
void runs(CLI::App& command, Context& context, std::function<void()> run);
void reads_if_any(CLI::App& command, Context& context, std::function<void(const Reader*)> run);
void reads(CLI::App& command, Context& context, std::function<void(const Reader&)> run);
void writes(CLI::App& command, Context& context, std::function<void(const Writer&)> run);
// `writes` for a command the table says writes several files.
void writes_files(CLI::App& command, Context& context, std::function<void(const Writer&)> run);

} // namespace complaints::cli
