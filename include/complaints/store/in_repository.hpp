// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one way into the repository's files: every path below the root is
// opened component by component, and a symbolic link anywhere below the
// root is refused, never followed. git carries links, so a clone of a
// hostile commit can put `letters/<ID>` -> /etc there; followed, a letter
// would be kept outside the repository, or an outside file shown or moved.
// Case files, letters, the configuration, imports and attachments are all
// read and written through these functions; nothing in the store opens a
// path below the root any other way.
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace complaints {

// A file descriptor, closed when it goes.
class FileHandle {
  public:
    FileHandle() = default;
    explicit FileHandle(int fd) : m_fd(fd) {}
    ~FileHandle();
    FileHandle(FileHandle&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileHandle& operator=(FileHandle&& other) noexcept;
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;

    int get() const { return m_fd; }
    explicit operator bool() const { return m_fd >= 0; }

  private:
    int m_fd = -1;
};

// Opens the folder `relative` (relative to `root`; empty for the root
// itself) as an O_PATH descriptor to open, create, rename and remove names
// in. No component below the root may be a symbolic link: the first that is
// throws bad_data naming it ("letters/X: is a symbolic link; ..."). With
// `created`, missing folders are made private (as make_private_folders) and
// appended to it; else a missing one is an io Error naming it.
// Uses openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) where the kernel has
// it, else opens each component with O_NOFOLLOW from the one above.
FileHandle open_folder_in_repository(const std::filesystem::path& root,
                                     const std::filesystem::path& relative,
                                     std::vector<std::filesystem::path>* created = nullptr);

// Opens the file `relative` (below `root`) with `flags` (O_NOFOLLOW and
// O_CLOEXEC added), none of its components a link: a link is bad_data
// naming it, as above; other failures set errno and return an empty handle.
FileHandle open_in_repository(const std::filesystem::path& root,
                              const std::filesystem::path& relative, int flags, mode_t mode = 0);

// The whole of the plain file `relative` below `root`: a link anywhere on
// the way, a FIFO, device or folder there is bad_data at `relative`, "is a
// FIFO (named pipe); <rule>"; a missing file is not_found; a file larger
// than `most` bytes is bad_data.
std::string read_repository_file(const std::filesystem::path& root,
                                 const std::filesystem::path& relative, std::size_t most,
                                 std::string_view rule);

// Whether anything (a link included) has the name `relative` below `root`,
// its folders reached without following a link.
bool exists_in_repository(const std::filesystem::path& root, const std::filesystem::path& relative);

// Removes the file `relative` (or, with `folder`, the empty folder) below
// `root` without following a link on the way; a link there is removed, not
// its target. False when it was not there (or, a folder, not empty).
bool remove_in_repository(const std::filesystem::path& root, const std::filesystem::path& relative,
                          bool folder = false);

// Every symbolic link below `root` (`.git` aside, which git owns), relative
// to it, sorted: for `check` to report.
std::vector<std::string> links_in_repository(const std::filesystem::path& root);

// The files kept one folder down in `top` (letters/<ID>/NAME,
// attachments/<ID>/NAME), relative to `root`, sorted; names starting with a
// dot (temporaries) left out. The walk neither starts through a link nor
// enters one below: check reports links on their own.
std::vector<std::string> kept_files(const std::filesystem::path& root, const std::string& top);

} // namespace complaints
