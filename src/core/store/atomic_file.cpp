// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/atomic_file.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace complaints {

void fail_on_file(std::string_view doing, const std::filesystem::path& path) {
    throw Error(ErrorKind::io,
                fmt::format("cannot {} {}: {}", doing, path.string(), std::strerror(errno)));
}

namespace {

// `wanted` less the umask, with the owner's `owner` bits whatever it says.
mode_t less_umask(mode_t wanted, mode_t owner) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return (wanted & ~mask) | owner;
}

// Reads fd to its end and closes it.
std::string read_all(int fd, const std::filesystem::path& path, std::size_t most) {
    std::string content;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            ::close(fd);
            fail_on_file("read", path);
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

} // namespace

mode_t private_file_mode() {
    return less_umask(0660, 0600);
}

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    std::string pattern =
        (m_target.parent_path() / ("." + m_target.filename().string() + ".XXXXXX")).string();
    m_fd = ::mkstemp(pattern.data());
    if (m_fd < 0)
        fail_on_file("create a temporary file beside", m_target);
    m_temp = pattern;
    ::fchmod(m_fd, private_file_mode());
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
            fail_on_file("write", m_temp);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFile::flush_and_close() {
    if (::fsync(m_fd) != 0)
        fail_on_file("flush", m_temp);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        fail_on_file("close", m_temp);
}

void AtomicFile::commit() {
    flush_and_close();
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0)
        fail_on_file("replace", m_target);
    m_done = true;
    m_doubt = sync_folder(m_target.parent_path()).value_or("");
}

bool AtomicFile::commit_new() {
    flush_and_close();
    // link() is the exclusive create: it fails when the name is taken.
    if (::link(m_temp.c_str(), m_target.c_str()) != 0) {
        if (errno == EEXIST)
            return false;
        fail_on_file("create", m_target);
    }
    m_done = true;
    ::unlink(m_temp.c_str()); // a leftover temporary is harmless: check reports it
    m_doubt = sync_folder(m_target.parent_path()).value_or("");
    return true;
}

std::string read_file(const std::filesystem::path& path, std::size_t most) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail_on_file("read", path);
    return read_all(fd, path, most);
}

std::string_view file_kind(mode_t mode) {
    if (S_ISLNK(mode))
        return "a symbolic link";
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return S_ISREG(mode) ? "a plain file" : "not a plain file";
}

std::string read_plain_file(const std::filesystem::path& path, const std::string& shown,
                            std::size_t most, std::string_view rule) {
    const auto refuse = [&](mode_t mode) {
        return Error(ErrorKind::bad_data, fmt::format("is {}; {}", file_kind(mode), rule),
                     Location{shown, 0, 0});
    };
    // lstat first, so that a device is never even opened; then the open
    // neither follows a link nor waits for a FIFO's writer, and fstat checks
    // what was opened, should the name have changed in between.
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
        throw refuse(info.st_mode);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno == ELOOP)
        throw refuse(S_IFLNK);
    if (fd < 0)
        fail_on_file("read", path);
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw refuse(info.st_mode);
    }
    return read_all(fd, path, most);
}

bool make_private_folders(const std::filesystem::path& folder) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return false;
    if (folder.has_parent_path() && folder.parent_path() != folder)
        make_private_folders(folder.parent_path());
    // Made 0700, then opened up to the group as the umask allows: mkdir
    // alone would give others whatever the umask leaves them.
    if (::mkdir(folder.c_str(), 0700) != 0) {
        if (errno == EEXIST && ::stat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
            return false; // another process made it meanwhile
        fail_on_file("create", folder);
    }
    if (::chmod(folder.c_str(), less_umask(0770, 0700)) != 0)
        fail_on_file("set the permissions of", folder);
    return true;
}

std::optional<std::string> sync_folder(const std::filesystem::path& folder, int (*sync)(int)) {
    const std::string shown = folder.empty() ? "." : folder.string();
    const int fd = ::open(shown.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fmt::format("cannot make {} durable (open: {})", shown, std::strerror(errno));
    std::optional<std::string> doubt;
    if (sync(fd) != 0)
        doubt = fmt::format("cannot make {} durable (fsync: {})", shown, std::strerror(errno));
    ::close(fd);
    return doubt;
}

} // namespace complaints
