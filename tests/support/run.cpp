// SPDX-License-Identifier: Apache-2.0
#include "run.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace test {

namespace {

std::vector<std::string> clean_environment(const std::map<std::string, std::string>& extra) {
    std::map<std::string, std::string> env{{"PATH", "/usr/bin:/bin"},
                                           {"LANG", "C.UTF-8"},
                                           {"HOME", "/nonexistent"},
                                           {"USER", "tester"}};
    // The sanitisers' settings reach the binary under test: by default a
    // memory error exits 1, which is also "problems found", and a test
    // expecting that would pass.
    for (const char* kept : {"TZ", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"})
        if (const char* value = std::getenv(kept))
            env[kept] = value;
    for (const auto& [key, value] : extra)
        env[key] = value;
    std::vector<std::string> flat;
    for (const auto& [key, value] : env)
        flat.push_back(key + "=" + value);
    return flat;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Forks and execs the binary with standard input, output and error on the
// given files; returns the child's pid.
pid_t start(const Run& how, const char* in, const char* out, const char* err) {
    std::vector<std::string> argv = how.wrapper;
    argv.push_back(test::binary_path());
    argv.insert(argv.end(), how.args.begin(), how.args.end());
    auto env = clean_environment(how.env);
    auto argv_p = pointers(argv);
    auto env_p = pointers(env);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(::open(in, O_RDONLY), 0);
        ::dup2(::open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600), 1);
        ::dup2(::open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600), 2);
        if (!how.cwd.empty() && ::chdir(how.cwd.c_str()) != 0)
            ::_exit(127);
        ::execve(argv_p[0], argv_p.data(), env_p.data());
        ::_exit(127);
    }
    return pid;
}

// Waits for the child; kills it when `timeout` has passed. Polls, with a
// sleep that grows from 50 microseconds, so a quick run costs no latency.
int wait_at_most(pid_t pid, std::chrono::seconds timeout) {
    const auto give_up = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::microseconds(50);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= give_up) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            FAIL_CHECK("the command did not finish within " << timeout.count()
                                                            << " seconds; killed it");
            break;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::microseconds(10'000));
    }
    return status;
}

} // namespace

Result run(const Run& how) {
    return run_to(how, {});
}

Result run_to(const Run& how, const std::filesystem::path& output) {
    TempDir scratch;
    const auto in_path = scratch / "stdin", out_path = output.empty() ? scratch / "stdout" : output,
               err_path = scratch / "stderr";
    write_text(in_path, how.input);
    const pid_t pid = start(how, in_path.c_str(), out_path.c_str(), err_path.c_str());
    const int status = wait_at_most(pid, how.timeout);
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (output.empty())
        result.out = read_text(out_path);
    result.err = read_text(err_path);
    return result;
}

mode_t mode_of(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE_MESSAGE(::lstat(path.c_str(), &info) == 0, path);
    return info.st_mode & 07777;
}

int spawn(const Run& how) {
    return start(how, "/dev/null", "/dev/null", "/dev/null");
}

namespace {

std::vector<std::string> init_arguments(const std::string& preset, const std::string& prefix) {
    // Without git: the tests that need it start it as a site would.
    return {"--preset", preset, "--organisation", "Lumiere Medispa Cosmetic Skin Clinic",
            "--prefix", prefix, "--no-git"};
}

void init_repository(const std::filesystem::path& root, const std::vector<std::string>& arguments) {
    std::vector<std::string> args{"init", root.string()};
    args.insert(args.end(), arguments.begin(), arguments.end());
    const Result made = run(Run{args, "", {}, {}});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
}

mode_t current_umask() {
    const mode_t mask = ::umask(022);
    ::umask(mask);
    return mask;
}

// Where the repositories `init` made for this build of the binary are kept:
// a new build (another path, size or time) gets a new folder.
std::filesystem::path templates_folder() {
    struct stat binary {};
    REQUIRE(::stat(binary_path(), &binary) == 0);
    const auto key = std::to_string(std::hash<std::string>{}(binary_path())) + "-" +
                     std::to_string(binary.st_size) + "-" + std::to_string(binary.st_mtim.tv_sec) +
                     "." + std::to_string(binary.st_mtim.tv_nsec);
    return std::filesystem::temp_directory_path() / ("complaints-test-repos-" + key);
}

// A repository `init` made with these arguments under this umask, made once
// for the whole run: ctest runs each test in a process of its own, so the
// first to need it makes it under a private name and renames it into place.
std::filesystem::path initialised(const std::string& preset, const std::string& prefix) {
    const auto arguments = init_arguments(preset, prefix);
    std::string key = std::to_string(current_umask());
    for (const auto& argument : arguments)
        key += "\n" + argument;
    const auto folder = templates_folder();
    const auto made = folder / (preset + "-" + std::to_string(std::hash<std::string>{}(key)));
    if (std::filesystem::exists(made))
        return made;
    std::filesystem::create_directories(folder);
    // Whatever the test's umask: nobody else writes into it.
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
    const auto mine = folder / ("making-" + std::to_string(::getpid()));
    std::filesystem::remove_all(mine);
    init_repository(mine, arguments);
    std::error_code taken;
    std::filesystem::rename(mine, made, taken);
    if (taken) // another test process made it first: theirs is the same
        std::filesystem::remove_all(mine);
    return made;
}

// Copies `from` to `to` with each file's and folder's permission bits, as
// init set them.
void copy_exactly(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
    std::filesystem::permissions(to, std::filesystem::status(from).permissions());
    for (const auto& entry : std::filesystem::recursive_directory_iterator(from)) {
        const auto target = to / std::filesystem::relative(entry.path(), from);
        std::filesystem::permissions(target, entry.status().permissions());
    }
}

} // namespace

// `init` once and a copy for every test: the suite makes some 600
// repositories, and under the sanitisers each start of the binary costs a
// third of a second. test_init.cpp runs init itself.
Repo::Repo(const std::string& preset, const std::string& prefix) : root(dir / "repo") {
    copy_exactly(initialised(preset, prefix), root);
}

Result Repo::operator()(std::vector<std::string> args, const std::string& input) const {
    return run({std::move(args),
                input,
                root,
                {{"COMPLAINTS_NOW", now}, {"COMPLAINTS_USER", "Sam Manager"}},
                timeout});
}

std::string Repo::open_case(const std::string& received, std::vector<std::string> more) const {
    std::vector<std::string> args{"open", "--channel", "phone", "--received", received};
    args.insert(args.end(), more.begin(), more.end());
    const Result opened = (*this)(args);
    REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
    return opened.out.substr(0, opened.out.size() - 1);
}

void Repo::ok(std::vector<std::string> args) const {
    const Result result = (*this)(std::move(args));
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
}

std::string Repo::refused(std::vector<std::string> args, int code) const {
    const auto before = snapshot();
    const Result result = (*this)(std::move(args));
    CHECK(result.exit_code == code);
    CHECK(snapshot() == before);
    return result.err;
}

std::map<std::string, std::string> Repo::snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        // The lock and the cache are derived, not records.
        // (A link that loops is not a regular file, and no error.)
        if (std::error_code ec; entry.is_regular_file(ec) &&
                                entry.path().filename() != ".complaints.lock" &&
                                !entry.path().filename().string().starts_with(".complaints-cache"))
            files[entry.path().lexically_relative(root).string()] = read_text(entry.path());
    return files;
}

std::string Repo::case_file(const std::string& id) const {
    return read_text(root / "cases" / (id + ".yaml"));
}

Result on_terminal(const Repo& repo, const std::vector<std::string>& args,
                   const std::string& before) {
    std::string line = "unset VISUAL; " + before + "; exec '" + test::binary_path() + "'";
    for (const auto& arg : args) {
        line += " '";
        for (const char c : arg)
            line += c == '\'' ? std::string("'\\''") : std::string(1, c);
        line += "'";
    }
    return run_on_terminal(repo, line);
}

Result run_on_terminal(const Repo& repo, const std::string& line) {
    write_text(repo.dir / "run.sh", line + "\n");
    // No pager unless the line asks for one: `less` waiting for a key would
    // hang the test.
    const std::string command = "cd '" + repo.root.string() + "' && COMPLAINTS_NOW=" + repo.now +
                                " COMPLAINTS_PAGER=cat script -qec 'sh ../run.sh' /dev/null "
                                "</dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    Result result;
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        result.out.append(buffer, got);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace test
