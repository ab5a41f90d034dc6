#pragma once
// Writing a file so that readers see the old content or the new, never a
// mix: a temporary file in the same folder, fsynced, then renamed (or linked,
// for a file that must not exist yet) on an explicit commit. Destroying an
// uncommitted AtomicFile removes the temporary file and publishes nothing.
#include <filesystem>
#include <string>
#include <string_view>

namespace complaints {

class AtomicFile {
  public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view data);
    // Replaces the target.
    void commit();
    // Publishes the target only if it does not exist yet; false if it did.
    bool commit_new();

  private:
    void flush_and_close();
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    int m_fd = -1;
    bool m_done = false;
};

// The whole content of a file; throws an io Error naming it, and bad_data
// when it is larger than `most` bytes.
std::string read_file(const std::filesystem::path& path, std::size_t most = std::size_t(64) << 20);

// Makes a folder's new entries durable.
void sync_folder(const std::filesystem::path& folder);

} // namespace complaints
