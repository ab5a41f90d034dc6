#pragma once
// The one error type of the core. `main` maps each kind to a documented
// exit code; the core never prints.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

enum class ErrorKind {
    usage = 2,     // the command line is wrong (bad flag, bad value)
    not_found = 3, // no repository, no such case, ambiguous ID
    bad_data = 4,  // a file in the repository is malformed
    refused = 5,   // the process or policy forbids it
    io = 6,        // the file system failed, or the repository is locked
};

// Where in a file the problem is; line and column are 1-based, 0 = unknown.
struct Location {
    std::string file;
    int line = 0;
    int column = 0;
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, Location where = {});
    ErrorKind kind() const { return m_kind; }
    const Location& where() const { return m_where; }
    // "file:line:col: message", or the message alone when no file is known.
    std::string describe() const;

private:
    ErrorKind m_kind;
    Location m_where;
};

// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

} // namespace complaints
