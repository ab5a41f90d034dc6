#include "complaints/atomic_file.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace complaints {

namespace {

[[noreturn]] void fail(std::string_view doing, const std::filesystem::path& path) {
    throw Error(ErrorKind::io,
                fmt::format("cannot {} {}: {}", doing, path.string(), std::strerror(errno)));
}

// Owner and group may read and write; others never, whatever the umask says.
mode_t private_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return (0660 & ~mask) | 0600;
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    std::string pattern =
        (m_target.parent_path() / ("." + m_target.filename().string() + ".XXXXXX")).string();
    m_fd = ::mkstemp(pattern.data());
    if (m_fd < 0)
        fail("create a temporary file beside", m_target);
    m_temp = pattern;
    ::fchmod(m_fd, private_mode());
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_done)
        ::unlink(m_temp.c_str());
}

void AtomicFile::write(std::string_view data) {
    while (!data.empty()) {
        const ssize_t written = ::write(m_fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail("write", m_temp);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFile::flush_and_close() {
    if (::fsync(m_fd) != 0)
        fail("flush", m_temp);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        fail("close", m_temp);
}

void AtomicFile::commit() {
    flush_and_close();
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0)
        fail("replace", m_target);
    m_done = true;
    sync_folder(m_target.parent_path());
}

bool AtomicFile::commit_new() {
    flush_and_close();
    // link() is the exclusive create: it fails when the name is taken.
    if (::link(m_temp.c_str(), m_target.c_str()) != 0) {
        if (errno == EEXIST)
            return false;
        fail("create", m_target);
    }
    ::unlink(m_temp.c_str());
    m_done = true;
    sync_folder(m_target.parent_path());
    return true;
}

std::string read_file(const std::filesystem::path& path, std::size_t most) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("read", path);
    std::string content;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            ::close(fd);
            fail("read", path);
        }
        if (got == 0)
            break;
        content.append(buffer, static_cast<std::size_t>(got));
        if (content.size() > most) {
            ::close(fd);
            throw Error(ErrorKind::bad_data,
                        fmt::format("{} is larger than {} MB, far more than any case "
                                    "needs; refusing to read it",
                                    path.string(), most >> 20));
        }
    }
    ::close(fd);
    return content;
}

void sync_folder(const std::filesystem::path& folder) {
    const int fd =
        ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        fail("open folder", folder);
    ::fsync(fd);
    ::close(fd);
}

} // namespace complaints
