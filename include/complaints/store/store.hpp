// SPDX-License-Identifier: Apache-2.0
#pragma once
// The case repository on disk: discovery, configuration, case files, IDs.
// A Store reads; a StoreWriter, which exists only while it holds the
// repository's lock, writes.
#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/codec/config.hpp"
#include "complaints/model/model.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/repo_lock.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace complaints {

// The nearest folder at or above `start` that holds complaints.yaml.
std::optional<std::filesystem::path> find_repository(const std::filesystem::path& start);

// Creates a repository in `folder` (made if missing). Refuses, writing
// nothing, when one is already there.
void init_repository(const std::filesystem::path& folder, const Config& config);

// Makes the repository's .gitattributes route case files through the merge
// driver (a repository made before `init` wrote it, or a file edited since);
// true when it had to add the line.
bool route_cases_to_merge_driver(const std::filesystem::path& root);

struct ScanStats {
    std::size_t from_cache = 0; // unchanged files served from the cache
    std::size_t read = 0;       // files read and parsed
    std::size_t gone = 0;       // cache entries whose file is gone
    bool rewritten = false;     // the cache was brought up to date
    // What stands at .complaints-cache when it is not a plain file ("is a
    // FIFO (named pipe)"): it was not read, nor waited on.
    std::string cache_problem;
};

struct ScanOptions {
    bool use_cache = true; // false: read every file, leave the cache alone
    // A file changed less than this long ago is read again next time too:
    // a second change within the clock's granularity could keep its stamp.
    std::chrono::milliseconds settle{2000};
    ScanStats* stats = nullptr;
    // When set, a case file that cannot be read (any Error from loading it)
    // is handed here and left out, instead of stopping the scan: one broken
    // file must not hide every other case. A case left out is never cached.
    std::function<void(const Error&)> unreadable;
};

class StoreWriter;
struct CaseNames;

// Reads the repository. It changes no case and no configuration: those go
// through the StoreWriter that `lock` returns, and only a non-const Store
// can lock. (`scan` does rewrite .complaints-cache, a derived copy that is
// never the record; see there.)
class Store {
  public:
    // Reads complaints.yaml of the repository at `root`.
    explicit Store(std::filesystem::path root);

    const std::filesystem::path& root() const { return m_root; }
    const Config& config() const { return m_config; }
    const date::time_zone& zone() const { return *m_zone; }
    const WorkingCalendar& calendar() const { return m_calendar; }
    // Never read .complaints-cache, not even its names to find a case by
    // (as $COMPLAINTS_NO_CACHE asks: a cache suspected of being wrong).
    void bypass_cache() { m_bypass_cache = true; }

    // Every case ID, from file names alone (cases/ and its subfolders).
    std::vector<std::string> case_ids() const;
    // Every .yaml file under cases/ (names that are not IDs included), for `check`.
    std::vector<std::filesystem::path> case_files() const;
    // Temporary files a writer killed mid-write left behind (`.NAME.XXXXXX`).
    std::vector<std::filesystem::path> leftover_temporaries() const;
    // The one case `query` abbreviates; not_found when none or several do.
    // A whole ID is looked for by its file name alone; a shorter one in the
    // names .complaints-cache keeps, while no folder under cases/ has
    // changed since, else in a listing of cases/.
    std::string resolve(std::string_view query) const;

    Case load(const std::string& id) const;
    // Every case in full, in ID order, read on as many threads as there are
    // cores. The first bad file (in ID order) is the error. `scan` is the
    // way to read many cases for a few fields each.
    // With `unreadable`, a file that fails is handed to it, in ID order, and
    // left out instead.
    std::vector<Case> load_all(const std::function<void(const Error&)>& unreadable = {}) const;
    // Every case in ID order, slim (see slim_case), handed to `visit` one at
    // a time so that memory stays flat: from .complaints-cache where the
    // file's stat is unchanged, else read and parsed on every core; the
    // cache is then brought up to date (readers write it without the lock:
    // it is replaced atomically and only ever a copy of the case files). The
    // first bad file is the error.
    void scan(const std::function<void(Case&)>& visit, const ScanOptions& options = {}) const;
    // The file's path relative to the root, as messages name it.
    std::string display_path(const std::string& id) const;
    // A letter kept for case `id`, byte for byte, by the path an event's
    // `letter` names. Throws bad_data when the path is not one of that case's
    // letters (letters/<ID>/NAME.md) or is not a plain file, not_found when the
    // file is missing.
    std::string read_letter(const std::string& id, const std::string& path) const;
    // Every file under letters/<ID>/ that is not a temporary, as an event's
    // `letter` would name it, sorted: for `check` to find those none names.
    std::vector<std::string> kept_letters() const;
    // The file an attachment of case `id` names, byte for byte, as kept
    // (not verified: see attachment_problem). Throws bad_data when the name
    // could not be one the tool wrote or the file is not a plain file,
    // not_found when it is missing.
    std::string read_attachment(const std::string& id, const Attachment& attachment) const;
    // Every file under attachments/<ID>/ that is not a temporary, as
    // attachments/<ID>/NAME, sorted: for `check` to find those none names.
    std::vector<std::string> kept_attachments() const;

    // Takes the repository's lock (see RepoLock) and returns the one thing
    // that can write to it. Waits up to `patience`, then throws an io Error
    // naming the holder; `holder` is what other writers are told meanwhile.
    // Not const, though it changes no member: a `const Store&` is a
    // read-only view, and a function given one cannot reach a write.
    // `warn` is told of a write that happened but may not survive a crash
    // (its folder could not be synced): the command still succeeded, and
    // must say so, or someone would run it again.
    StoreWriter lock(std::chrono::milliseconds patience, const std::string& holder,
                     std::function<void(const std::string&)> warn = {});

  private:
    friend class StoreWriter;
    std::filesystem::path path_of(const std::string& id) const;
    // Every file named for case `id` (two or more: a case in two folders),
    // without listing cases/ where that can be proven: see store.cpp.
    std::vector<std::string> files_of(const std::string& id) const;
    // Hands `visit` each case file's ID and folder (a path), in no order,
    // from the cache's names, and returns true, while they still hold (see
    // CaseNames); false, having handed nothing, when they do not.
    bool each_cached_name(
        const std::function<void(std::string_view id, const std::string& folder)>& visit) const;
    // (ID, path) of every case file, by ID; paths as strings, since 100,000
    // std::filesystem::path objects hold their parsed components too.
    // With `names`, the folders walked and the names found, for the cache.
    std::vector<std::pair<std::string, std::string>> case_paths(CaseNames* names = nullptr) const;
    // Takes out of `paths` (sorted by ID) every ID that has two files or
    // more (cases/X.yaml and cases/2026/X.yaml, after a copy or a move that
    // a merge undid): which one is the case is not for the tool to guess.
    // Returns a bad_data Error for each, naming its files.
    std::vector<Error>
    take_out_twins(std::vector<std::pair<std::string, std::string>>& paths) const;
    Case load_file(const std::string& id, const std::filesystem::path& path) const;
    std::filesystem::path m_root;
    Config m_config;
    const date::time_zone* m_zone;
    WorkingCalendar m_calendar;
    bool m_bypass_cache = false;
};

// The repository's writes, for as long as this object lives: it holds the
// lock from construction to destruction, so no write happens without it.
// Neither copied nor moved (there is never a writer without the lock); the
// Store it came from must outlive it.
class StoreWriter {
  public:
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    const Store& store() const { return m_store; }

    // Gives the case a new ID (prefix and year of receipt) and publishes its
    // file with an exclusive create. Returns the ID.
    // Both refuse a case the patient-data guard refuses; texts `scanned`
    // holds (clean_texts, taken before the lock) are not scanned again.
    std::string create(Case c, std::mt19937_64& random, const CleanTexts* scanned = nullptr);
    // Replaces an existing case's file atomically, after publishing the
    // letters kept for it (see keep_letter).
    void save(const Case& c, const CleanTexts* scanned = nullptr);
    // Keeps `text`, byte for byte, as letters/<ID>/<DATE>-<name>-<TAG>.md,
    // TAG six hex digits of the text, so two sites' different letters never
    // share a name (-2.md, -3.md, ... when taken) and returns that path, relative to the
    // root, for the event that sent it. Nothing is written yet: the next
    // `save` of the case creates the file, exclusively and before the case
    // file, so a kept letter is never replaced, a failed command leaves none,
    // and a crash leaves at worst a letter no event names. That `save`
    // refuses, writing nothing, a text check_letter_text refuses.
    std::string keep_letter(const std::string& id, date::year_month_day day, std::string_view name,
                            std::string text);
    // Keeps `bytes` as attachments/<ID>/<attachment.file> with the case's
    // next `save` (or, with `id` empty, the next `create`, once the new case
    // has its ID), staged as letters are: published before the case file,
    // so an event never names a file that is not there, and taken back when
    // the case file is not written, so a failed command leaves none (a crash
    // leaves at worst a file no event names). A file of that name (the same
    // content, kept before) is left as it is. A save or create that fails
    // drops what was queued for its case.
    void keep_attachment(const std::string& id, const Attachment& attachment, std::string bytes);
    // Replaces complaints.yaml atomically. The Store keeps the configuration
    // it read: open another to see this one.
    void save_config(const Config& config);

  private:
    friend class Store;
    StoreWriter(const Store& store, std::chrono::milliseconds patience, const std::string& holder,
                std::function<void(const std::string&)> warn);
    struct PendingLetter {
        std::string id;
        std::string path; // relative to the root
        std::string text;
    };
    // What a save has put in letters/ and attachments/ before its case
    // file: taken back (the files, then the folders it made) unless the case
    // file is written, so a failed command keeps no letter or attachment and
    // leaves no empty folder.
    struct StagedFiles {
        explicit StagedFiles(const std::filesystem::path& root) : root(root) {}
        ~StagedFiles();
        StagedFiles(const StagedFiles&) = delete;
        StagedFiles& operator=(const StagedFiles&) = delete;
        const std::filesystem::path& root;
        std::vector<std::filesystem::path> folders; // made, parents first
        std::vector<std::string> files;             // published, relative to the root
        std::vector<std::pair<std::filesystem::path, std::string>> doubts;
        bool kept = false;
    };
    // Checks every letter kept for `id`, writes them all, then publishes
    // them, into `staged`.
    void stage_letters(const std::string& id, StagedFiles& staged);
    struct PendingAttachment {
        std::string id; // empty: the case `create` is making
        Attachment attachment;
        std::string bytes;
    };
    // Drops the attachments queued for `id` when it goes, whatever happened.
    struct ForgetAttachments {
        std::vector<PendingAttachment>& pending;
        std::string id;
        ~ForgetAttachments() {
            std::erase_if(pending, [&](const PendingAttachment& kept) { return kept.id == id; });
        }
    };
    // Writes the pending attachments of `pending_id` into attachments/<id>/,
    // every one synced before the first is published, into `staged`.
    void stage_attachments(const std::string& pending_id, const std::string& id,
                           StagedFiles& staged);
    // Passes a published file's durability doubt, if any, to m_warn.
    void published(const std::filesystem::path& path, const std::string& doubt) const;
    const Store& m_store;
    RepoLock m_lock;
    std::function<void(const std::string&)> m_warn;
    std::vector<PendingLetter> m_letters;
    std::vector<PendingAttachment> m_attachments;
};

// Throws unless `text` can be kept as a letter sent: not empty, UTF-8
// without NUL bytes (bad_data, at its line and column in `shown`), and
// without the patient data the policy forbids (refused, likewise).
void check_letter_text(std::string_view text, const Policy& policy, const std::string& shown);

} // namespace complaints
