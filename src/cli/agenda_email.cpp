// SPDX-License-Identifier: Apache-2.0
#include "agenda_email.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace complaints::cli {

namespace {

// One address, "name@example.org": no spaces, controls or header syntax,
// one @ with something either side.
void check_address(const std::string& address, std::string_view flag) {
    const auto at = address.find('@');
    const bool plain = std::none_of(address.begin(), address.end(), [](unsigned char c) {
        return c <= ' ' || c == 0x7f || c == ',' || c == '<' || c == '>' || c == '"';
    });
    if (!plain || at == std::string::npos || at == 0 || at + 1 == address.size() ||
        address.find('@', at + 1) != std::string::npos)
        throw Error(ErrorKind::usage,
                    fmt::format("{}: not one plain mail address (name@example.org)", flag));
}

std::string crlf(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (const char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

} // namespace

std::string mail_message(const Mail& mail, date::sys_seconds now, const date::time_zone& zone,
                         const std::string& body) {
    check_address(mail.to, "--to");
    check_address(mail.from, "--from");
    const date::zoned_seconds local{&zone, now};
    const std::string when = date::format("%a, %d %b %Y %H:%M:%S %z", local);
    return fmt::format("From: {}\r\nTo: {}\r\nDate: {}\r\nSubject: {}\r\nMIME-Version: 1.0\r\n"
                       "Content-Type: text/plain; charset=utf-8\r\n"
                       "Content-Transfer-Encoding: 8bit\r\n\r\n{}",
                       mail.from, mail.to, when, mail.subject, crlf(body));
}

MemoryStream::MemoryStream(std::string& into) : m_into(into) {
    m_file = ::open_memstream(&m_buffer, &m_size);
    if (!m_file)
        throw Error(ErrorKind::io, "out of memory");
}

MemoryStream::~MemoryStream() {
    std::fclose(m_file);
    m_into.assign(m_buffer, m_size);
    std::free(m_buffer);
}

} // namespace complaints::cli
