// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/in_repository.hpp"

#include "complaints/base/error.hpp"
#include "complaints/store/atomic_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace complaints {

namespace fs = std::filesystem;

FileHandle::~FileHandle() {
    if (m_fd >= 0)
        ::close(m_fd);
}

FileHandle& FileHandle::operator=(FileHandle&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

namespace {

[[noreturn]] void refuse_link(const fs::path& shown) {
    throw Error(ErrorKind::bad_data,
                "is a symbolic link; nothing below the repository's root is read or written "
                "through a link (git can carry one that points anywhere): replace it with the "
                "folder or file itself, or remove it",
                Location{shown.generic_string(), 0, 0});
}

// The components of `relative`, refused when one would climb out of the root.
std::vector<std::string> components(const fs::path& relative) {
    std::vector<std::string> parts;
    if (relative.is_absolute())
        throw std::logic_error("not a path below the repository: " + relative.string());
    for (const auto& part : relative) {
        const std::string name = part.string();
        if (name.empty() || name == ".")
            continue;
        if (name == "..")
            throw std::logic_error("not a path below the repository: " + relative.string());
        parts.push_back(name);
    }
    return parts;
}

// After a failed openat of `name` in `folder`: a link is refused by name,
// anything else throws errno's words. errno is kept for the message.
[[noreturn]] void failed_at(int folder, const std::string& name, const fs::path& root,
                            const fs::path& shown) {
    const int why = errno;
    struct stat info {};
    if (::fstatat(folder, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode))
        refuse_link(shown);
    errno = why;
    fail_on_file("open", root / shown);
}

// Makes the folder `name` in `folder` private (0770 less the umask, as
// make_private_folders); false when another process made it first.
bool make_folder_at(int folder, const std::string& name, const fs::path& shown) {
    if (::mkdirat(folder, name.c_str(), 0700) != 0) {
        if (errno == EEXIST)
            return false;
        fail_on_file("create", shown);
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    FileHandle made{
        ::openat(folder, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)};
    if (!made || ::fchmod(made.get(), (0770 & ~mask) | 0700) != 0) {
        // A folder made but not made private is taken back: a failed
        // command leaves nothing, an empty folder included.
        const int why = errno;
        ::unlinkat(folder, name.c_str(), AT_REMOVEDIR);
        errno = why;
        fail_on_file("set the permissions of", shown);
    }
    return true;
}

// The kernel's own walk, which refuses links and `..` beyond the root
// atomically; empty where the kernel lacks openat2 or it fails for any
// reason (the walk by components then says which and why).
FileHandle kernel_walk(int root, const fs::path& relative) {
#ifdef SYS_openat2
    open_how how{};
    how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
    const long fd = ::syscall(SYS_openat2, root, relative.c_str(), &how, sizeof how);
    if (fd >= 0)
        return FileHandle(static_cast<int>(fd));
#endif
    (void)root;
    (void)relative;
    return {};
}

} // namespace

namespace {

enum class Missing { error, empty, create };

// open_folder_in_repository's walk; with Missing::empty, a missing folder
// gives an empty handle instead of an error.
FileHandle walk(const fs::path& root, const fs::path& relative, Missing missing,
                std::vector<fs::path>* created) {
    const auto parts = components(relative);
    FileHandle current{::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)};
    if (!current)
        fail_on_file("open", root);
    if (parts.empty())
        return current;
    if (FileHandle fast = kernel_walk(current.get(), relative))
        return fast;
    constexpr int k_folder = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    fs::path shown;
    for (const auto& name : parts) {
        shown /= name;
        int fd = ::openat(current.get(), name.c_str(), k_folder);
        if (fd < 0 && errno == ENOENT && missing == Missing::create) {
            if (make_folder_at(current.get(), name, root / shown) && created)
                created->push_back(root / shown);
            fd = ::openat(current.get(), name.c_str(), k_folder);
        }
        if (fd < 0 && errno == ENOENT && missing == Missing::empty)
            return {};
        if (fd < 0)
            failed_at(current.get(), name, root, shown);
        current = FileHandle(fd);
    }
    return current;
}

} // namespace

FileHandle open_folder_in_repository(const fs::path& root, const fs::path& relative,
                                     std::vector<fs::path>* created) {
    return walk(root, relative, created ? Missing::create : Missing::error, created);
}

FileHandle open_in_repository(const fs::path& root, const fs::path& relative, int flags,
                              mode_t mode) {
    const auto parts = components(relative);
    if (parts.empty())
        throw std::logic_error("no file named below the repository");
    const FileHandle folder = open_folder_in_repository(root, relative.parent_path());
    const int fd =
        ::openat(folder.get(), parts.back().c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0 && errno == ELOOP)
        refuse_link(relative);
    return FileHandle(fd);
}

std::string read_repository_file(const fs::path& root, const fs::path& relative, std::size_t most,
                                 std::string_view rule) {
    const auto refuse = [&](mode_t mode) {
        return Error(ErrorKind::bad_data, fmt::format("is {}; {}", file_kind(mode), rule),
                     Location{relative.string(), 0, 0});
    };
    const FileHandle folder = open_folder_in_repository(root, relative.parent_path());
    const std::string name = relative.filename().string();
    // fstatat first, so that a device is never even opened; then the open
    // neither follows a link nor waits for a FIFO's writer, and fstat checks
    // what was opened, should the name have changed in between.
    struct stat info {};
    if (::fstatat(folder.get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
        !S_ISREG(info.st_mode))
        throw refuse(info.st_mode);
    const int fd =
        ::openat(folder.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno == ELOOP)
        throw refuse(S_IFLNK);
    if (fd < 0)
        fail_on_file("read", root / relative);
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw refuse(info.st_mode);
    }
    return read_all_and_close(fd, root / relative, most);
}

bool exists_in_repository(const fs::path& root, const fs::path& relative) {
    const FileHandle folder = walk(root, relative.parent_path(), Missing::empty, nullptr);
    struct stat info {};
    return folder &&
           ::fstatat(folder.get(), relative.filename().c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
}

bool remove_in_repository(const fs::path& root, const fs::path& relative, bool folder) {
    const FileHandle parent = walk(root, relative.parent_path(), Missing::empty, nullptr);
    if (!parent)
        return false;
    if (::unlinkat(parent.get(), relative.filename().c_str(), folder ? AT_REMOVEDIR : 0) == 0)
        return true;
    if (errno == ENOENT || (folder && (errno == ENOTEMPTY || errno == EEXIST)))
        return false;
    fail_on_file("remove", root / relative);
}

std::vector<std::string> links_in_repository(const fs::path& root) {
    std::vector<std::string> links;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it.depth() == 0 && it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        std::error_code type_ec;
        if (it->is_symlink(type_ec))
            links.push_back(it->path().lexically_relative(root).generic_string());
    }
    std::sort(links.begin(), links.end());
    return links;
}

std::vector<std::string> kept_files(const fs::path& root, const std::string& top) {
    std::vector<std::string> found;
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(root / top, ec)))
        return found;
    for (fs::recursive_directory_iterator it(root / top, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it.depth() == 1 && !name.starts_with(".") && !it->is_directory(ec))
            found.push_back(it->path().lexically_relative(root).generic_string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace complaints
