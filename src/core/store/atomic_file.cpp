// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/atomic_file.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
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

} // namespace

std::string read_all_and_close(int fd, const std::filesystem::path& path, std::size_t most) {
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

mode_t private_file_mode() {
    return less_umask(0660, 0600);
}

namespace {

// Six characters no one can guess, as mkstemp's: a link planted at the
// temporary's name beforehand would meet O_EXCL anyway.
std::string random_suffix() {
    static const char k_letters[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::string suffix(6, 'X');
    for (char& c : suffix)
        c = k_letters[random() % (sizeof k_letters - 1)];
    return suffix;
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    const std::filesystem::path folder =
        m_target.parent_path().empty() ? "." : m_target.parent_path();
    m_folder = FileHandle(::open(folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!m_folder)
        fail_on_file("create a temporary file beside", m_target);
    m_name = m_target.filename().string();
    create_temporary();
}

AtomicFile::AtomicFile(const std::filesystem::path& root, const std::filesystem::path& relative)
    : m_target(root / relative), m_folder(open_folder_in_repository(root, relative.parent_path())),
      m_name(relative.filename().string()) {
    create_temporary();
}

void AtomicFile::create_temporary() {
    for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
        m_temp = "." + m_name + "." + random_suffix();
        m_fd = ::openat(m_folder.get(), m_temp.c_str(),
                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (m_fd < 0 && errno != EEXIST)
            break;
    }
    if (m_fd < 0)
        fail_on_file("create a temporary file beside", m_target);
    ::fchmod(m_fd, private_file_mode());
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_done)
        ::unlinkat(m_folder.get(), m_temp.c_str(), 0);
}

void AtomicFile::write(std::string_view data) {
    while (!data.empty()) {
        const ssize_t written = ::write(m_fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail_on_file("write", m_target.parent_path() / m_temp);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFile::prepare() {
    flush_and_close();
}

void AtomicFile::flush_and_close() {
    if (m_fd < 0)
        return; // prepared already
    if (::fsync(m_fd) != 0)
        fail_on_file("flush", m_target.parent_path() / m_temp);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        fail_on_file("close", m_target.parent_path() / m_temp);
}

void AtomicFile::require_plain_target() const {
    struct stat info {};
    if (::fstatat(m_folder.get(), m_name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 ||
        S_ISREG(info.st_mode))
        return;
    throw Error(ErrorKind::io, fmt::format("{} is {}; only a plain file is ever replaced",
                                           m_target.string(), file_kind(info.st_mode)));
}

void AtomicFile::commit() {
    require_plain_target();
    flush_and_close();
    if (::renameat(m_folder.get(), m_temp.c_str(), m_folder.get(), m_name.c_str()) != 0)
        fail_on_file("replace", m_target);
    m_done = true;
    m_doubt = sync_folder_at(m_folder.get(), m_target.parent_path()).value_or("");
}

bool AtomicFile::commit_new() {
    flush_and_close();
    // The exclusive create: a rename that fails when the name is taken,
    // which leaves no temporary behind; where the file system lacks it,
    // link() (which fails when the name is taken) and an unlink.
    if (::renameat2(m_folder.get(), m_temp.c_str(), m_folder.get(), m_name.c_str(),
                    RENAME_NOREPLACE) == 0) {
        m_done = true;
        m_doubt = sync_folder_at(m_folder.get(), m_target.parent_path()).value_or("");
        return true;
    }
    if (errno == EEXIST)
        return false;
    if (errno != EINVAL && errno != ENOSYS)
        fail_on_file("create", m_target);
    if (::linkat(m_folder.get(), m_temp.c_str(), m_folder.get(), m_name.c_str(), 0) != 0) {
        if (errno == EEXIST)
            return false;
        fail_on_file("create", m_target);
    }
    m_done = true;
    // A leftover temporary is harmless: check reports it.
    ::unlinkat(m_folder.get(), m_temp.c_str(), 0);
    m_doubt = sync_folder_at(m_folder.get(), m_target.parent_path()).value_or("");
    return true;
}

std::string read_file(const std::filesystem::path& path, std::size_t most) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail_on_file("read", path);
    return read_all_and_close(fd, path, most);
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
    return read_all_and_close(fd, path, most);
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
    return sync_folder_at(AT_FDCWD, folder.empty() ? "." : folder, sync);
}

std::optional<std::string> sync_folder_at(int at, const std::filesystem::path& folder,
                                          int (*sync)(int)) {
    const std::string shown = folder.empty() ? "." : folder.string();
    // An O_PATH descriptor cannot be synced: the folder is opened for it.
    const int fd =
        ::openat(at, at == AT_FDCWD ? shown.c_str() : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fmt::format("cannot make {} durable (open: {})", shown, std::strerror(errno));
    std::optional<std::string> doubt;
    if (sync(fd) != 0)
        doubt = fmt::format("cannot make {} durable (fsync: {})", shown, std::strerror(errno));
    ::close(fd);
    return doubt;
}

} // namespace complaints
