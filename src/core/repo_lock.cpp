#include "complaints/repo_lock.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace complaints {

namespace {

std::string current_holder(int fd) {
    char buffer[512];
    const ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string holder(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0'))
        holder.pop_back();
    return holder.empty() ? "another process" : holder;
}

} // namespace

RepoLock::RepoLock(const std::filesystem::path& root, std::chrono::milliseconds patience,
                   const std::string& holder) {
    const auto path = root / ".complaints.lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0660);
    if (m_fd < 0)
        throw Error(ErrorKind::io, fmt::format("cannot open the lock {}: {}", path.string(),
                                               std::strerror(errno)));
    const auto give_up = std::chrono::steady_clock::now() + patience;
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            ::close(m_fd);
            throw Error(ErrorKind::io,
                        fmt::format("cannot lock {}: {}", path.string(), std::strerror(errno)));
        }
        if (std::chrono::steady_clock::now() >= give_up) {
            const std::string who = current_holder(m_fd);
            ::close(m_fd);
            throw Error(ErrorKind::io,
                        fmt::format("the repository is busy: {} holds {}; try again when it "
                                    "has finished",
                                    who, path.string()));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Who holds it, for the message another writer gets while it waits.
    if (::ftruncate(m_fd, 0) == 0) [[maybe_unused]]
        const ssize_t ignored = ::pwrite(m_fd, holder.data(), holder.size(), 0);
}

RepoLock::~RepoLock() {
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

} // namespace complaints
