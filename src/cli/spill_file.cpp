#include "spill_file.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

[[noreturn]] void fail(std::string_view doing) {
    throw Error(ErrorKind::io, fmt::format("cannot {} the temporary file holding the matches: {}",
                                           doing, std::strerror(errno)));
}

// An unlinked file in $TMPDIR (else /tmp), gone when the process ends
// however it ends; null when the directory or file system cannot have one.
std::FILE* open_unlinked() {
    const char* dir = std::getenv("TMPDIR");
    const int fd = ::open(dir && *dir ? dir : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        return nullptr;
    std::FILE* file = ::fdopen(fd, "w+");
    if (!file)
        ::close(fd);
    return file;
}

} // namespace

SpillFile::SpillFile() : m_file(open_unlinked()) {}

SpillFile::~SpillFile() {
    if (m_file)
        std::fclose(m_file);
}

SpillFile::Place SpillFile::add(std::string_view record) {
    const Place place{m_size, static_cast<std::uint32_t>(record.size())};
    if (!m_file)
        m_memory.append(record);
    else if (std::fwrite(record.data(), 1, record.size(), m_file) != record.size())
        fail("write");
    m_size += record.size();
    return place;
}

void SpillFile::seal() {
    if (m_file && std::fflush(m_file) != 0)
        fail("write");
}

std::string SpillFile::read(Place place) const {
    if (!m_file)
        return m_memory.substr(place.offset, place.length);
    std::string record(place.length, '\0');
    std::size_t done = 0;
    while (done < record.size()) {
        const auto got = ::pread(fileno(m_file), record.data() + done, record.size() - done,
                                 static_cast<off_t>(place.offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)
            errno = EIO; // the file is shorter than what was written to it
        if (got <= 0)
            fail("read");
        done += static_cast<std::size_t>(got);
    }
    return record;
}

} // namespace complaints::cli
