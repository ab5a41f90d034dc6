#pragma once
// One writer at a time per repository: an flock on `.complaints.lock`, held
// for the whole read-modify-write of a command. A StoreWriter (store.hpp)
// owns one, and is the only way to write; readers never take it: the atomic
// replace means they always see a whole file.
#include <chrono>
#include <filesystem>
#include <string>

namespace complaints {

class RepoLock {
  public:
    // Waits up to `patience` for the lock; then throws an io Error naming the
    // holder (process, user, host, since when, which command).
    RepoLock(const std::filesystem::path& root, std::chrono::milliseconds patience,
             const std::string& holder);
    ~RepoLock();
    RepoLock(const RepoLock&) = delete;
    RepoLock& operator=(const RepoLock&) = delete;

  private:
    int m_fd = -1;
};

} // namespace complaints
