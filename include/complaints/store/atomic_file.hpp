// SPDX-License-Identifier: Apache-2.0
#pragma once
// Writing a file so that readers see the old content or the new, never a
// mix: a temporary file in the same folder, fsynced, then renamed (or linked,
// for a file that must not exist yet) on an explicit commit. Destroying an
// uncommitted AtomicFile removes the temporary file and publishes nothing.
#include "complaints/store/in_repository.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <unistd.h>

namespace complaints {

class AtomicFile {
  public:
    // A file outside any repository (an `--out` file), in its folder as named.
    explicit AtomicFile(std::filesystem::path target);
    // The file `relative` below the repository's `root`: its folder reached
    // by open_folder_in_repository, so never through a link.
    AtomicFile(const std::filesystem::path& root, const std::filesystem::path& relative);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view data);
    // Makes the data durable and closes the temporary, so that commit() has
    // only the rename left: a command writing several files prepares them
    // all before it publishes the first. commit() does it when not done.
    void prepare();
    // Replaces the target. Throws only before the rename: once the target is
    // published, nothing undoes or denies it (a retry would write it twice),
    // and a folder that cannot be synced is a doubt(), not an error.
    void commit();
    // Publishes the target only if it does not exist yet; false if it did.
    // Like commit(), never throws once the target is published.
    bool commit_new();
    // Empty, or why the published file may not survive a crash: "cannot
    // make cases durable (fsync: Input/output error)".
    const std::string& doubt() const { return m_doubt; }

  private:
    void create_temporary();
    void flush_and_close();
    // Throws unless the target is missing or a plain file: a device, FIFO,
    // folder or link there is never replaced (`--out /dev/sda --force`).
    void require_plain_target() const;
    std::filesystem::path m_target; // as messages name it
    FileHandle m_folder;            // the target's folder, names resolved in it
    std::string m_name;             // the target's name in m_folder
    std::string m_temp;             // the temporary's name in m_folder
    int m_fd = -1;
    bool m_done = false;
    std::string m_doubt;
};

// Throws the io Error for a system call that failed on `path`, with errno's
// words: "cannot <doing> <path>: <why>".
[[noreturn]] void fail_on_file(std::string_view doing, const std::filesystem::path& path);

// The mode of a new private file: 0660 less the umask, never less than 0600,
// so owner and group may read and write and others never, whatever the umask.
mode_t private_file_mode();

// Creates `folder`, and any missing folder above it, 0770 less the umask
// (never less than 0700), as files get private_file_mode(). Returns whether
// it created `folder`; throws an io Error naming the one it could not create.
bool make_private_folders(const std::filesystem::path& folder);

// What a file of this mode is when it is not a plain file: "a FIFO",
// "a folder", "a symbolic link", ...
std::string_view file_kind(mode_t mode);

// The whole content of a file the repository holds, which must be a plain
// file: a link is never followed and a FIFO never waited on. Anything else
// is bad_data at `shown`: "is a FIFO; <rule>".
std::string read_plain_file(const std::filesystem::path& path, const std::string& shown,
                            std::size_t most,
                            std::string_view rule = "case files must be plain files in the "
                                                    "repository");

// Reads fd to its end and closes it; `path` names it in messages, and a
// file longer than `most` is bad_data.
std::string read_all_and_close(int fd, const std::filesystem::path& path, std::size_t most);

// The whole content of a file; throws an io Error naming it, and bad_data
// when it is larger than `most` bytes.
std::string read_file(const std::filesystem::path& path, std::size_t most = std::size_t(64) << 20);

// Makes a folder's new entries durable. Never throws: it runs after a file
// is published, when failing would make the caller deny a write that
// happened. Returns why it could not ("cannot make cases durable (fsync:
// Input/output error)"), or nothing. `sync` is ::fsync but in tests.
std::optional<std::string> sync_folder(const std::filesystem::path& folder,
                                       int (*sync)(int) = ::fsync);
// The same for the folder `at` (an O_PATH descriptor will do), named `shown`.
std::optional<std::string> sync_folder_at(int at, const std::filesystem::path& shown,
                                          int (*sync)(int) = ::fsync);

} // namespace complaints
