// SPDX-License-Identifier: Apache-2.0
#pragma once
// A Maildir, as getmail, fetchmail, offlineimap and procmail deliver to it:
// each message one file, new ones in new/, taken ones moved to cur/ with
// their flags after ":2," (cr.yp.to/proto/maildir.html). A message is moved
// only once it is filed, so a run stopped at any point leaves each message
// filed and moved, filed and not yet moved (the next run sees its
// Message-ID filed and only moves it), or untouched.
#include <filesystem>
#include <string>
#include <vector>

namespace complaints {

struct MaildirMessage {
    std::filesystem::path path; // new/NAME
    std::string name;
};

// The messages in `maildir`/new, oldest name first (delivery names start
// with the time). A folder without new/ and cur/ is a usage error.
std::vector<MaildirMessage> new_messages(const std::filesystem::path& maildir);

// Moves a message to cur/ with the Seen flag, as a mail reader would once
// it is read; the folders are synced so the move survives a crash.
void mark_taken(const std::filesystem::path& maildir, const MaildirMessage& message);

} // namespace complaints
