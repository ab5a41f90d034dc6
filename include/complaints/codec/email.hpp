// SPDX-License-Identifier: Apache-2.0
#pragma once
// An email as the complaints process reads it: who sent it, when it reached
// us, what it says as plain text, what it carries, and the IDs that tie a
// reply to the messages before it. Read with GMime (RFC 5322 and MIME:
// quoted-printable, base64, any charset to UTF-8); an HTML-only body is
// turned into text by libxml2's HTML parser.
#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

namespace complaints {

struct EmailFile {
    std::string name; // as the message names it ("attachment-2" when it does not)
    std::string bytes;
};

struct Email {
    std::string sender_name;    // the From display name; may be empty
    std::string sender_address; // the From address
    std::string recipients;     // the To header, names and addresses; may be empty
    std::string subject;
    std::string message_id; // without the angle brackets
    // In-Reply-To and References, each a Message-ID without brackets.
    std::vector<std::string> replies_to;
    // When it reached us: the date of the first (newest) Received header,
    // else the Date header (the sender's clock).
    date::sys_seconds received;
    std::string text; // the body as plain text, UTF-8, lines ending \n
    std::vector<EmailFile> files;
};

// Reads one message. A message that cannot be filed (no sender address, no
// date, no Message-ID, a body that is neither text nor HTML and no file) is
// bad_data naming `shown` and what is wrong.
Email read_email(std::string_view bytes, const std::string& shown);

// The text of an HTML document, as a reader sees it: one line a block,
// scripts and styles left out, entities decoded.
std::string html_to_text(std::string_view html);

} // namespace complaints
