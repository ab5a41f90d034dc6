// SPDX-License-Identifier: Apache-2.0
#pragma once
// The agenda as a mail message (RFC 5322) on stdout: the morning digest,
// for cron to hand to sendmail. It sends nothing itself.
#include <date/tz.h>

#include <cstdio>
#include <string>

namespace complaints::cli {

struct Mail {
    std::string to;
    std::string from;
    std::string subject;
};

// Headers (From, To, Date in the organisation's zone, Subject, plain UTF-8
// text), a blank line, then `body` with CRLF line ends. Throws a usage error
// naming the flag when an address is not one plain address (a line break
// would let it add headers).
std::string mail_message(const Mail& mail, date::sys_seconds now, const date::time_zone& zone,
                         const std::string& body);

// A FILE* whose output lands in a string once it is closed (at the end of
// its scope): for text written with fmt::print and print_table.
class MemoryStream {
  public:
    explicit MemoryStream(std::string& into);
    ~MemoryStream();
    MemoryStream(const MemoryStream&) = delete;
    MemoryStream& operator=(const MemoryStream&) = delete;
    std::FILE* file() const { return m_file; }

  private:
    std::string& m_into;
    char* m_buffer = nullptr;
    std::size_t m_size = 0;
    std::FILE* m_file = nullptr;
};

} // namespace complaints::cli
