// SPDX-License-Identifier: Apache-2.0
#include "context.hpp"

#include "decision_scan.hpp"
#include "merge_driver.hpp"
#include "pager.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/time/calendar.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fcntl.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// Runs `git -C ROOT config user.name` without a shell: the repository's
// path is one argument of git's, never part of a line a shell would parse
// (a folder named "it's" or "$(...)" is just a name). Nothing when git is
// missing or has no name.
std::string git_user_name(const std::filesystem::path& root) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        return {};
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    ::posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const std::string folder = root.string();
    const char* argv[] = {"git", "-C", folder.c_str(), "config", "user.name", nullptr};
    pid_t pid = 0;
    const int failed =
        ::posix_spawnp(&pid, "git", &actions, nullptr, const_cast<char* const*>(argv), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    std::string name;
    char buffer[256];
    for (ssize_t got; !failed && (got = ::read(out[0], buffer, sizeof buffer)) != 0;) {
        if (got > 0)
            name.append(buffer, static_cast<std::size_t>(got));
        else if (errno != EINTR)
            break;
    }
    ::close(out[0]);
    if (!failed)
        while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
        name.pop_back();
    return name;
}

std::string login_name() {
    if (const auto user = env("USER"); !user.empty())
        return user;
    if (const passwd* entry = ::getpwuid(::getuid()))
        return entry->pw_name;
    return "unknown";
}

} // namespace

Store Context::open_store() const {
    if (!global.repo.empty() || !env("COMPLAINTS_REPO").empty()) {
        const std::filesystem::path root =
            global.repo.empty() ? env("COMPLAINTS_REPO") : global.repo;
        if (!std::filesystem::is_regular_file(root / "complaints.yaml"))
            throw Error(ErrorKind::not_found,
                        fmt::format("{} is not a complaints repository (it has no complaints.yaml)",
                                    root.string()));
        return Store(root);
    }
    if (const auto root = find_repository(std::filesystem::current_path()))
        return Store(*root);
    throw Error(
        ErrorKind::not_found,
        "not inside a complaints repository (no complaints.yaml here or in any folder "
        "above); use --repo DIR, set COMPLAINTS_REPO, or create one with 'complaints init'");
}

std::optional<Store> Context::find_store() const {
    if (!global.repo.empty() || !env("COMPLAINTS_REPO").empty())
        return open_store();
    if (const auto root = find_repository(std::filesystem::current_path()))
        return Store(*root);
    return std::nullopt;
}

namespace {

// The author's name, checked: it goes into the case file, and a name that is
// not UTF-8 would make a file the reader refuses. `source` says where it
// came from, for the message.
std::string checked_author(std::string name, std::string_view source) {
    require_clean_text(name, source);
    return name;
}

} // namespace

std::string Context::author(const std::string& by, const Store& store) const {
    if (!by.empty())
        return checked_author(by, "--by");
    if (const auto user = env("COMPLAINTS_USER"); !user.empty())
        return checked_author(user, "COMPLAINTS_USER");
    if (!store.config().author.empty())
        return store.config().author;
    if (const auto name = git_user_name(store.root()); !name.empty())
        return checked_author(name, "git's user.name");
    return checked_author(login_name(), "the login name");
}

// The conventions other tools follow (no-color.org, bixense.com/clicolors):
// a flag beats the environment; the user's NO_COLOR beats CLICOLOR_FORCE,
// which beats a terminal that says it cannot show colour (TERM=dumb).
bool Context::colour(std::FILE* stream) const {
    if (global.color == "always")
        return true;
    if (global.color == "never" || !env("NO_COLOR").empty())
        return false;
    if (const auto force = env("CLICOLOR_FORCE"); !force.empty() && force != "0")
        return true;
    if (env("TERM") == "dumb")
        return false;
    return terminal(stream);
}

bool terminal(std::FILE* stream) {
    if (stream == stdout && stdout_paged())
        return true;
    return ::isatty(::fileno(stream)) != 0;
}

std::optional<std::size_t> terminal_width(std::FILE* stream) {
    const std::string columns = env("COLUMNS");
    std::size_t width = 0;
    const auto [end, ec] = std::from_chars(columns.data(), columns.data() + columns.size(), width);
    if (!columns.empty() && ec == std::errc{} && end == columns.data() + columns.size() &&
        width > 0 && width <= 10000)
        return width;
    if (stream == stdout && stdout_paged())
        return paged_width();
    winsize size{};
    if (terminal(stream) && ::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return std::nullopt;
}

namespace {

// A description of this process for the lock file: who and which command,
// never its arguments.
std::string lock_holder(const std::string& command) {
    char host[256] = "?";
    ::gethostname(host, sizeof host - 1);
    return fmt::format("process {} ({} on {}, '{}')", ::getpid(), login_name(), host, command);
}

// A span in seconds from the environment, or `fallback` when unset.
std::chrono::milliseconds seconds_from_env(const char* name, std::chrono::milliseconds fallback) {
    const std::string given = env(name);
    if (given.empty())
        return fallback;
    char* end = nullptr;
    const double seconds = std::strtod(given.c_str(), &end);
    // Written so that NaN, which fails every comparison, fails this one.
    if (*end != '\0' || !(seconds >= 0 && seconds <= 3600))
        throw Error(ErrorKind::usage,
                    fmt::format("{} '{}' must be a number of seconds", name, given));
    return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

} // namespace

StoreWriter Context::lock(Store& store) const {
    const auto patience = seconds_from_env("COMPLAINTS_LOCK_WAIT", std::chrono::seconds(10));
    const auto warn = [](const std::string& doubt) {
        fmt::print(stderr, "complaints: warning: {}\n",
                   terminal(stderr) ? visible_controls(doubt) : doubt);
    };
    // A write is what a later merge could lose: say so before it is made.
    if (const std::string doubt = merge_driver_doubt(store.root()); !doubt.empty())
        warn(doubt);
    return store.lock(patience, lock_holder(command), warn);
}

namespace {

// Store::scan with the cache's settling time and trace from the environment.
// `unreadable` empty: the first bad file is the error. COMPLAINTS_NO_CACHE
// is --no-cache for every command, those without the flag too (open and
// close read the other cases through the cache).
void scan_cases(const Store& store, bool no_cache, const std::function<void(Case&)>& visit,
                const std::function<void(const Error&)>& unreadable) {
    const std::string bypass = env("COMPLAINTS_NO_CACHE");
    no_cache = no_cache || (!bypass.empty() && bypass != "0");
    ScanStats stats;
    store.scan(visit,
               ScanOptions{!no_cache,
                           seconds_from_env("COMPLAINTS_CACHE_SETTLE", std::chrono::seconds(2)),
                           &stats, unreadable});
    if (!stats.cache_problem.empty())
        fmt::print(stderr,
                   "complaints: warning: .complaints-cache {}, not a cache; read every case "
                   "file instead\n",
                   stats.cache_problem);
    if (!env("COMPLAINTS_TRACE_CACHE").empty())
        fmt::print(stderr, "complaints: cache: {} unchanged, {} read, {} gone{}\n",
                   stats.from_cache, stats.read, stats.gone,
                   no_cache          ? ", not used"
                   : stats.rewritten ? ", rewritten"
                                     : "");
}

} // namespace

void Context::scan(const Store& store, bool no_cache,
                   const std::function<void(Case&)>& visit) const {
    scan_cases(store, no_cache, visit, [this](const Error& e) { leave_out(e); });
}

std::vector<Case> Context::slim_all(const Store& store, bool strict) const {
    std::vector<Case> cases;
    const auto keep = [&](Case& c) { cases.push_back(std::move(c)); };
    if (strict)
        scan_cases(store, false, keep, {});
    else
        scan_cases(store, false, keep, [this](const Error& e) { leave_out(e); });
    return cases;
}

DecisionRecord every_decision(const Store& store, bool no_cache) {
    DecisionRecord record;
    if (store.config().policy.warnings.kept)
        scan_cases(
            store, no_cache, [&](Case& c) { record.see(c, store.zone()); }, [](const Error&) {});
    return record;
}

void Context::leave_out(const Error& e) const {
    const std::string what = e.describe();
    fmt::print(stderr, "complaints: warning: {}; this case is left out\n",
               terminal(stderr) ? visible_controls(what) : what);
    ++left_out;
}

std::vector<Case> Context::load_all(const Store& store) const {
    return store.load_all([this](const Error& e) { leave_out(e); });
}

date::sys_seconds current_time() {
    if (const auto fixed = env("COMPLAINTS_NOW"); !fixed.empty()) {
        if (const auto at = parse_stored_timestamp(fixed)) {
            const int year = static_cast<int>(written_date(*at).year());
            if (year < k_first_year || year > k_last_case_year)
                throw Error(ErrorKind::usage,
                            fmt::format("COMPLAINTS_NOW '{}' is in the year {}: the clock must be "
                                        "in {} to {}, as a case's times are",
                                        fixed, year, k_first_year, k_last_case_year));
            return at->utc;
        }
        throw Error(ErrorKind::usage,
                    fmt::format("COMPLAINTS_NOW '{}' must be a time like 2026-11-02T09:14:00+00:00",
                                fixed));
    }
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace complaints::cli
