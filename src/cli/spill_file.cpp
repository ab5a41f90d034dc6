// SPDX-License-Identifier: Apache-2.0
#include "spill_file.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

constexpr std::size_t k_buffer = std::size_t(1) << 16;

[[noreturn]] void fail(std::string_view doing) {
    throw Error(ErrorKind::io, fmt::format("cannot {} the temporary file holding the matches: {}",
                                           doing, std::strerror(errno)));
}

// An unlinked file in $TMPDIR (else /tmp), gone when the process ends
// however it ends; -1 when the directory or file system cannot have one.
int open_unlinked() {
    const char* dir = std::getenv("TMPDIR");
    return ::open(dir && *dir ? dir : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
}

// Reads `length` bytes at `offset`; false on failure (errno says why).
bool read_at(int fd, char* into, std::size_t length, std::uint64_t offset) {
    std::size_t done = 0;
    while (done < length) {
        const auto got = ::pread(fd, into + done, length - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)
            errno = EIO; // the file is shorter than what was written to it
        if (got <= 0)
            return false;
        done += static_cast<std::size_t>(got);
    }
    return true;
}

} // namespace

SpillFile::SpillFile() : m_fd(open_unlinked()) {}

SpillFile::~SpillFile() {
    if (m_fd >= 0)
        ::close(m_fd);
}

SpillFile::Place SpillFile::add(std::string_view record) {
    const Place place{m_size, static_cast<std::uint32_t>(record.size())};
    m_memory.append(record);
    m_size += record.size();
    if (m_fd >= 0 && m_memory.size() >= k_buffer)
        flush();
    return place;
}

// Moves the buffered records to the file. When the file cannot take them
// (a full $TMPDIR, a quota), what it holds is read back and every record is
// kept in memory from then on: the listing is the same, only larger in
// memory, as the man page promises.
void SpillFile::flush() {
    std::size_t done = 0;
    while (done < m_memory.size()) {
        const ssize_t written = ::write(m_fd, m_memory.data() + done, m_memory.size() - done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return fall_back_to_memory(done);
        done += static_cast<std::size_t>(written);
        m_in_file += static_cast<std::uint64_t>(written);
    }
    m_memory.clear();
}

void SpillFile::fall_back_to_memory(std::size_t written) {
    std::string all(m_in_file, '\0');
    if (!read_at(m_fd, all.data(), all.size(), 0))
        fail("read back");
    all.append(m_memory, written, std::string::npos);
    m_memory = std::move(all);
    m_in_file = 0;
    ::close(m_fd);
    m_fd = -1;
}

void SpillFile::seal() {
    if (m_fd >= 0)
        flush();
}

std::string SpillFile::read(Place place) const {
    if (m_fd < 0)
        return m_memory.substr(place.offset, place.length);
    std::string record(place.length, '\0');
    if (!read_at(m_fd, record.data(), record.size(), place.offset))
        fail("read");
    return record;
}

} // namespace complaints::cli
