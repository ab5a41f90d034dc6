// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/repo_lock.hpp"

#include "complaints/base/error.hpp"
#include "complaints/store/atomic_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace complaints {

namespace {

using Clock = std::chrono::steady_clock;

// Closes the descriptor it holds unless released: a constructor that throws
// runs no destructor.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
    int release() { return std::exchange(fd, -1); }
};

[[noreturn]] void not_a_lock(const std::filesystem::path& path, std::string_view kind) {
    throw Error(ErrorKind::io, fmt::format("{} is {}, not a plain file; writers write into it, so "
                                           "no command writes until it is removed",
                                           path.string(), kind));
}

// The lock file, created if missing: never through a link (a clone of a
// hostile commit can put one there) and only a plain file with no other
// name, since every writer truncates and writes it. O_NONBLOCK: a FIFO there
// must not wait for a reader.
int open_lock(const std::filesystem::path& path) {
    Fd lock{::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0660)};
    if (lock.fd < 0 && errno == ELOOP)
        not_a_lock(path, file_kind(S_IFLNK));
    if (lock.fd < 0)
        fail_on_file("open the lock", path);
    struct stat info {};
    if (::fstat(lock.fd, &info) != 0)
        fail_on_file("open the lock", path);
    if (!S_ISREG(info.st_mode))
        not_a_lock(path, file_kind(info.st_mode));
    if (info.st_nlink > 1)
        not_a_lock(path, "a second name for another file (a hard link)");
    return lock.release();
}

// Who holds the lock, as the holder wrote it.
std::string current_holder(int fd) {
    char buffer[512];
    const ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string holder(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0'))
        holder.pop_back();
    return holder.empty() ? "another process" : holder;
}

// The process that holds a lock on the file or folder `fd` is open to, as
// the kernel's table of locks says now (/proc/locks), or 0 where it cannot
// say: the lock file names the last process to write it, which may have
// finished long ago.
pid_t lock_owner(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return 0;
    const std::string inode =
        fmt::format("{:02x}:{:02x}:{}", major(info.st_dev), minor(info.st_dev), info.st_ino);
    std::ifstream locks("/proc/locks");
    std::string line;
    while (std::getline(locks, line)) {
        // "1: FLOCK  ADVISORY  WRITE 4242 08:01:1234 0 EOF"; a waiter's line
        // has "->" after the number.
        std::istringstream fields(line);
        std::string number, type, mode, access, pid, where;
        fields >> number >> type;
        if (type == "->")
            continue;
        fields >> mode >> access >> pid >> where;
        if (where == inode)
            return static_cast<pid_t>(std::atol(pid.c_str()));
    }
    return 0;
}

// What the lock's holder is: the lock file's words when they name the
// process the kernel says holds it, else that process and its program.
std::string holder_now(int held, const std::string& written) {
    const pid_t pid = lock_owner(held);
    if (pid <= 0 || written.starts_with(fmt::format("process {} ", pid)))
        return written;
    std::ifstream comm(fmt::format("/proc/{}/comm", pid));
    std::string program;
    std::getline(comm, program);
    return program.empty() ? fmt::format("process {}", pid)
                           : fmt::format("process {} ({})", pid, program);
}

// Who holds the folder's lock, `folder`, with the lock file's words.
std::string holder_named_at(const std::filesystem::path& path, int folder) {
    Fd lock{::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)};
    struct stat info {};
    const bool readable = lock.fd >= 0 && ::fstat(lock.fd, &info) == 0 && S_ISREG(info.st_mode);
    return holder_now(folder, readable ? current_holder(lock.fd) : "another process");
}

[[noreturn]] void busy(const std::filesystem::path& path, const std::string& who) {
    throw Error(ErrorKind::io, fmt::format("the repository is busy: {} holds {}; try again when it "
                                           "has finished",
                                           who, path.string()));
}

// An exclusive flock on fd, tried until `give_up`; false if that came first.
bool take(int fd, Clock::time_point give_up, const std::filesystem::path& path) {
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            fail_on_file("lock", path);
        if (Clock::now() >= give_up)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// Whether the name still leads to the file fd holds: after an `rm`, or a
// new file put in its place, a lock on the old one excludes no one.
bool still_named(int fd, const std::filesystem::path& path) {
    struct stat held {
    }, named{};
    return ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 &&
           held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

// The repository's folder, locked: an `rm .complaints.lock` while a writer
// holds the file's lock lets the next writer lock a new file, but cannot
// take this one away. -1 where the file system cannot lock a folder (NFS
// cannot): there the file's lock alone keeps writers apart.
int lock_folder(const std::filesystem::path& root, Clock::time_point give_up,
                const std::filesystem::path& lock_path) {
    Fd folder{::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (folder.fd < 0)
        fail_on_file("open", root);
    while (::flock(folder.fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return -1;
        if (Clock::now() >= give_up)
            busy(lock_path, holder_named_at(lock_path, folder.fd));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return folder.release();
}

} // namespace

RepoLock::RepoLock(const std::filesystem::path& root, std::chrono::milliseconds patience,
                   const std::string& holder) {
    const auto path = root / ".complaints.lock";
    const auto give_up = Clock::now() + patience;
    Fd folder{lock_folder(root, give_up, path)};
    Fd lock;
    for (;;) {
        lock.fd = open_lock(path);
        if (!take(lock.fd, give_up, path))
            busy(path, holder_now(lock.fd, current_holder(lock.fd)));
        if (still_named(lock.fd, path))
            break;
        ::close(lock.release());
        if (Clock::now() >= give_up)
            busy(path, "a process that keeps removing it");
    }
    // Who holds it, for the message another writer gets while it waits:
    // the command's name only, which the caller makes sure of.
    if (::ftruncate(lock.fd, 0) == 0) [[maybe_unused]]
        const ssize_t ignored = ::pwrite(lock.fd, holder.data(), holder.size(), 0);
    m_folder = folder.release();
    m_fd = lock.release();
}

RepoLock::~RepoLock() {
    for (const int fd : {m_fd, m_folder})
        if (fd >= 0) {
            ::flock(fd, LOCK_UN);
            ::close(fd);
        }
}

} // namespace complaints
