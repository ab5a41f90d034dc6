// SPDX-License-Identifier: Apache-2.0
#pragma once
// A derived index of the case files, as git's index is: for each file its
// size, modification and change times and inode, with the case as it was
// last read in a compact binary form. A file whose stat differs in any way
// is read again, so the cache never says what a case holds: the file does.
// It lives in `.complaints-cache` (gitignored); deleting it is always safe.
#include "complaints/model/model.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

// What a case keeps in the cache: everything but the texts of points (bar
// a correction's reason, which attention reads) and events (bar `action`
// events), and unknown keys. Listing and reporting read
// no more than this; tests/cli/test_list.cpp holds list to show's JSON.
void slim_case(Case& c);

// A file's identity as stat gives it.
struct FileStamp {
    std::int64_t size = -1;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// A folder's stamp, through a link as listing it would go; none when it
// cannot be read.
std::optional<FileStamp> folder_stamp(const std::filesystem::path& folder);

std::string encode_case(const Case& c);
// Throws std::runtime_error on anything that is not what encode_case wrote.
Case decode_case(std::string_view bytes);

// Where the cache lives, under the repository's root.
inline constexpr const char* k_cache_file = ".complaints-cache";

// The names under cases/ as the scan that wrote the cache listed them: each
// folder with its stamp taken before it was listed, and every file named
// for a case, in its folder (unreadable cases and IDs with two files
// included, which the entries leave out). Adding, removing or renaming a
// file changes its folder's stamp, so while every stamp is unchanged these
// are the names a listing would give: a one-case command resolves a short
// ID from them without listing cases/.
struct CaseNames {
    struct Folder {
        std::string path; // relative to cases/; "" is cases/ itself
        FileStamp stamp;
        friend bool operator==(const Folder&, const Folder&) = default;
    };
    struct Name {
        std::string id;
        std::uint32_t folder = 0; // an index into `folders`
    };
    // Empty when the listing could not vouch for itself (a folder changed
    // too recently: see Store::scan): the names are then never trusted.
    std::vector<Folder> folders;
    std::vector<Name> names;
};

// The names part as read_case_names reads it: checked whole, each name then
// handed out as a view into it, since a string for each of 100,000 names
// costs more than the rest of resolving a short ID.
class CachedNames {
  public:
    // Empty when there are no names to trust (see CaseNames::folders).
    const std::vector<CaseNames::Folder>& folders() const { return m_folders; }
    // Each name, in the order the walk found them, with the index of its
    // folder in folders().
    void each(const std::function<void(std::string_view id, std::uint32_t folder)>& visit) const;

  private:
    friend CachedNames read_case_names(const std::filesystem::path& file);
    std::vector<CaseNames::Folder> m_folders;
    std::string m_names; // the names part, its checksum taken off
};

// The names part alone, without the index of entries; empty when the cache
// is missing, not a plain file, from another version or damaged.
CachedNames read_case_names(const std::filesystem::path& file);

// The file: payloads one after another, then the index (ID, stamp, where
// its payload is), then the names (above), then the offsets of the names
// and of the index, so a writer streams and a reader reads the small index
// first and payloads in order, or the names alone.
struct CacheEntry {
    std::string id;
    FileStamp stamp;
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
};

class CacheReader {
  public:
    // Opens the cache; `entries()` is empty when it is missing, from another
    // version of the tool, or damaged (then every file is read again).
    // A link, FIFO, folder or device there is no cache either: never
    // followed nor waited on, and `problem()` says what it is.
    explicit CacheReader(const std::filesystem::path& file);
    const std::vector<CacheEntry>& entries() const { return m_entries; }
    // The folders of the names part (see CaseNames), without the names.
    const std::vector<CaseNames::Folder>& folders() const { return m_folders; }
    // "is a FIFO (named pipe)" when something other than a plain file is
    // there, else "".
    const std::string& problem() const { return m_problem; }
    // The payload of an entry; throws std::runtime_error when it cannot.
    std::string payload(const CacheEntry& entry);

    ~CacheReader();
    CacheReader(const CacheReader&) = delete;
    CacheReader& operator=(const CacheReader&) = delete;

  private:
    std::string m_problem; // before m_file, whose opening sets it
    std::FILE* m_file = nullptr;
    std::uint64_t m_position = 0; // where the next read starts (none yet)
    std::vector<CacheEntry> m_entries;
    std::vector<CaseNames::Folder> m_folders;
};

class CacheWriter {
  public:
    // Writes to a temporary file beside `file` (mkstemp, as private as a
    // case file: it holds names); commit() renames it over.
    explicit CacheWriter(std::filesystem::path file);
    ~CacheWriter();
    CacheWriter(const CacheWriter&) = delete;
    CacheWriter& operator=(const CacheWriter&) = delete;
    void add(const std::string& id, const FileStamp& stamp, std::string_view payload);
    // The names part, written by commit().
    void names(CaseNames names) { m_names = std::move(names); }
    // Failure to write is not an error: the next command reads the files again.
    void commit();

  private:
    std::filesystem::path m_file;
    std::filesystem::path m_temporary;
    std::FILE* m_out = nullptr;
    std::vector<CacheEntry> m_entries;
    CaseNames m_names;
    std::uint64_t m_written = 0;
};

} // namespace complaints
