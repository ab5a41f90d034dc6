#include "context.hpp"

#include "complaints/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace complaints::cli {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string git_user_name(const std::filesystem::path& root) {
    const std::string command =
        fmt::format("git -C '{}' config user.name 2>/dev/null", root.string());
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return {};
    std::string name;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe))
        name += buffer;
    ::pclose(pipe);
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

std::string Context::author(const std::string& by, const Store& store) const {
    if (!by.empty())
        return by;
    if (const auto user = env("COMPLAINTS_USER"); !user.empty())
        return user;
    if (!store.config().author.empty())
        return store.config().author;
    if (const auto name = git_user_name(store.root()); !name.empty())
        return name;
    return login_name();
}

bool Context::colour(std::FILE* stream) const {
    if (global.color == "always")
        return true;
    if (global.color == "never" || std::getenv("NO_COLOR"))
        return false;
    return ::isatty(::fileno(stream)) != 0;
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
    if (*end != '\0' || seconds < 0 || seconds > 3600)
        throw Error(ErrorKind::usage,
                    fmt::format("{} '{}' must be a number of seconds", name, given));
    return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

} // namespace

StoreWriter Context::lock(Store& store) const {
    const auto patience = seconds_from_env("COMPLAINTS_LOCK_WAIT", std::chrono::seconds(10));
    return store.lock(patience, lock_holder(command));
}

void Context::scan(const Store& store, bool no_cache,
                   const std::function<void(Case&)>& visit) const {
    ScanStats stats;
    store.scan(visit,
               ScanOptions{!no_cache,
                           seconds_from_env("COMPLAINTS_CACHE_SETTLE", std::chrono::seconds(2)),
                           &stats});
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

date::sys_seconds current_time() {
    if (const auto fixed = env("COMPLAINTS_NOW"); !fixed.empty()) {
        if (const auto at = parse_stored_timestamp(fixed))
            return at->utc;
        throw Error(ErrorKind::usage,
                    fmt::format("COMPLAINTS_NOW '{}' must be a time like 2026-11-02T09:14:00+00:00",
                                fixed));
    }
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace complaints::cli
