// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/maildir.hpp"

#include "complaints/base/error.hpp"
#include "complaints/store/atomic_file.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

namespace complaints {

namespace fs = std::filesystem;

namespace {

bool is_folder(const fs::path& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// NAME:2,S: the info after ":2," holds the flags in ASCII order; Seen is
// added to those already there.
std::string seen_name(const std::string& name) {
    const std::size_t info = name.find(":2,");
    if (info == std::string::npos)
        return name + ":2,S";
    std::string flags = name.substr(info + 3);
    if (flags.find('S') == std::string::npos) {
        flags += 'S';
        std::sort(flags.begin(), flags.end());
    }
    return name.substr(0, info + 3) + flags;
}

} // namespace

std::vector<MaildirMessage> new_messages(const fs::path& maildir) {
    if (!is_folder(maildir / "new") || !is_folder(maildir / "cur"))
        throw Error(ErrorKind::usage,
                    fmt::format("{}: not a Maildir (it needs the folders new/ and cur/)",
                                maildir.string()));
    std::vector<MaildirMessage> found;
    for (const auto& entry : fs::directory_iterator(maildir / "new")) {
        const std::string name = entry.path().filename().string();
        std::error_code ec;
        if (name.starts_with(".") || !entry.is_regular_file(ec) || entry.is_symlink(ec))
            continue;
        found.push_back({entry.path(), name});
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return found;
}

void mark_taken(const fs::path& maildir, const MaildirMessage& message) {
    const fs::path target = maildir / "cur" / seen_name(message.name);
    if (std::rename(message.path.c_str(), target.c_str()) != 0)
        fail_on_file("move to cur/", message.path);
    // A move is two entries: the folder it left and the one it joined.
    (void)sync_folder(maildir / "cur");
    (void)sync_folder(maildir / "new");
}

} // namespace complaints
