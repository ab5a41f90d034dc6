// SPDX-License-Identifier: Apache-2.0
#pragma once
// Records written once and read back later, kept in an unlinked temporary
// file rather than in memory: a listing of 100,000 cases holds every match
// until it is sorted, and the page cache, not the process, should carry them.
// Falls back to memory when $TMPDIR (else /tmp) cannot hold one.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace complaints::cli {

class SpillFile {
  public:
    struct Place {
        std::uint64_t offset = 0;
        std::uint32_t length = 0;
    };

    SpillFile();
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    // Buffers the record; when the file cannot take it, every record moves
    // to memory (see flush). Throws Error(io) only when the file cannot give
    // back what it took.
    Place add(std::string_view record);
    // Call once every record is added; after it, read() may run on any thread.
    void seal();
    std::string read(Place place) const;

  private:
    void flush();
    void fall_back_to_memory(std::size_t written);
    int m_fd = -1;               // -1: every record lives in m_memory
    std::string m_memory;        // with a file: the records not yet written to it
    std::uint64_t m_in_file = 0; // bytes the file holds
    std::uint64_t m_size = 0;
};

} // namespace complaints::cli
