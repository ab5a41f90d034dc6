// SPDX-License-Identifier: Apache-2.0
#pragma once
// One writer at a time per repository: an flock on the repository's folder
// and one on `.complaints.lock`, held for the whole read-modify-write of a
// command. The folder's lock survives an `rm` of the file; the file's works
// where a folder cannot be locked (NFS), against older versions of the tool,
// and holds the holder's description. A StoreWriter (store.hpp)
// owns one, and is the only way to write; readers never take it: the atomic
// replace means they always see a whole file.
#include <chrono>
#include <filesystem>
#include <string>

namespace complaints {

class RepoLock {
  public:
    // Waits up to `patience` for the lock; then throws an io Error naming the
    // holder (process, user, host, which command). Refuses (io) a lock file
    // that is a link, FIFO, folder or hard link: it writes `holder` into it.
    RepoLock(const std::filesystem::path& root, std::chrono::milliseconds patience,
             const std::string& holder);
    ~RepoLock();
    RepoLock(const RepoLock&) = delete;
    RepoLock& operator=(const RepoLock&) = delete;

  private:
    int m_folder = -1; // the repository's folder, -1 where it cannot be locked
    int m_fd = -1;     // .complaints.lock
};

} // namespace complaints
