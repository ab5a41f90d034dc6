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

std::string encode_case(const Case& c);
// Throws std::runtime_error on anything that is not what encode_case wrote.
Case decode_case(std::string_view bytes);

// The file: payloads one after another, then the index (ID, stamp, where
// its payload is), then the index's offset, so a writer streams and a reader
// reads the small index first and payloads in order.
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
    // Failure to write is not an error: the next command reads the files again.
    void commit();

  private:
    std::filesystem::path m_file;
    std::filesystem::path m_temporary;
    std::FILE* m_out = nullptr;
    std::vector<CacheEntry> m_entries;
    std::uint64_t m_written = 0;
};

} // namespace complaints
