// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/store.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/parallel.hpp"
#include "complaints/base/strings.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/case_cache.hpp"
#include "complaints/store/case_id.hpp"
#include "complaints/store/in_repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <optional>
#include <stdexcept>
#include <sys/stat.h>

namespace complaints {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_config_file = "complaints.yaml";

// Case files: `<ID>.yaml` anywhere under cases/, hidden temporaries skipped.
// `folder` is told of cases/ and of each folder the walk enters, with its
// stamp taken before it is listed (as the cache records them, CaseNames);
// `visit` of each file with the number of its folder in that order.
template <class Visit, class Folder>
void each_case_file(const fs::path& cases, Visit visit, Folder folder) {
    // The walk below enters no link, but would start through one.
    open_folder_in_repository(cases.parent_path(), cases.filename());
    folder(cases, folder_stamp(cases));
    // The folder at each depth: the walk is depth first, so a file's folder
    // is the last one entered one level up, found without a path made.
    std::vector<std::uint32_t> at_depth{0};
    std::uint32_t folders = 1;
    std::error_code ec;
    fs::recursive_directory_iterator it(cases, ec), end;
    if (ec)
        throw Error(ErrorKind::io, fmt::format("cannot read {}: {}", cases.string(), ec.message()));
    for (; it != end; it.increment(ec)) {
        if (ec)
            throw Error(ErrorKind::io,
                        fmt::format("cannot read {}: {}", cases.string(), ec.message()));
        const fs::path& path = it->path();
        // The walk enters a folder, never a link to one, after this entry.
        std::error_code type_ec;
        if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
            folder(path, folder_stamp(path));
            at_depth.resize(static_cast<std::size_t>(it.depth()) + 2);
            at_depth.back() = folders++;
        }
        const std::string stem = path.stem().string();
        // Whatever its type: a folder, FIFO or link with a case's name is
        // refused when loaded, never silently skipped nor followed.
        if (path.extension() == ".yaml" && is_case_id(stem))
            visit(stem, path, at_depth[static_cast<std::size_t>(it.depth())]);
    }
}

template <class Visit> void each_case_file(const fs::path& cases, Visit visit) {
    each_case_file(
        cases, [&](const std::string& id, const fs::path& path, std::uint32_t) { visit(id, path); },
        [](const fs::path&, const std::optional<FileStamp>&) {});
}

void write_new_file(const fs::path& root, const fs::path& relative, std::string_view content) {
    AtomicFile file(root, relative);
    file.write(content);
    if (!file.commit_new())
        throw Error(ErrorKind::refused,
                    fmt::format("{} already exists", (root / relative).string()));
}

} // namespace

std::optional<fs::path> find_repository(const fs::path& start) {
    std::error_code ec;
    fs::path folder = fs::absolute(start, ec);
    for (;;) {
        if (fs::is_regular_file(folder / k_config_file, ec))
            return folder;
        if (!folder.has_parent_path() || folder.parent_path() == folder)
            return std::nullopt;
        folder = folder.parent_path();
    }
}

namespace {
constexpr std::string_view k_merge_attribute = "cases/**/*.yaml merge=complaints\n";
}

bool route_cases_to_merge_driver(const fs::path& root) {
    std::string text;
    if (exists_in_repository(root, ".gitattributes"))
        text = read_repository_file(root, ".gitattributes", std::size_t(1) << 20,
                                    "git reads it from the repository");
    if (text.find(k_merge_attribute) != std::string::npos)
        return false;
    if (!text.empty() && text.back() != '\n')
        text += '\n';
    AtomicFile out(root, ".gitattributes");
    out.write(text + std::string(k_merge_attribute));
    out.commit();
    return true;
}

void init_repository(const fs::path& folder, const Config& config) {
    std::error_code ec;
    if (fs::exists(folder / k_config_file, ec))
        throw Error(ErrorKind::refused,
                    fmt::format("{} is already a complaints repository; nothing was changed",
                                folder.string()));
    // git keeps files, not folders: without a file in each, a clone of a
    // repository with no case yet has no cases/ (and `open` there fails),
    // and one with no letter kept has no letters/ (and the daily loop's
    // `git add -A cases letters` fails, staging nothing).
    make_private_folders(folder);
    for (const char* kept : {"cases", "letters"}) {
        std::vector<fs::path> created;
        open_folder_in_repository(folder, kept, &created);
        if (!exists_in_repository(folder, fs::path(kept) / ".gitkeep"))
            write_new_file(folder, fs::path(kept) / ".gitkeep", "");
    }
    if (!exists_in_repository(folder, ".gitignore"))
        write_new_file(folder, ".gitignore", ".complaints.lock\n.complaints-cache*\n");
    // Routes case files through `complaints merge-file` once a clone has run
    // `complaints git-setup`; without it git merges them as text.
    if (!exists_in_repository(folder, ".gitattributes"))
        write_new_file(folder, ".gitattributes",
                       std::string(k_merge_attribute) +
                           // A letter kept is the bytes sent: no line-end conversion, ever.
                           "letters/** -text\n"
                           // Evidence is kept as it came: never diffed, merged or converted.
                           "attachments/** binary\n");
    // Written last: its presence is what makes the folder a repository.
    write_new_file(folder, k_config_file, write_config(config));
}

namespace {

Config load_config(const fs::path& root) {
    return read_config(read_repository_file(root, k_config_file, std::size_t(1) << 20,
                                            "the configuration must be a plain file in the "
                                            "repository"),
                       k_config_file);
}

} // namespace

Store::Store(fs::path root)
    : m_root(std::move(root)), m_config(load_config(m_root)), m_zone(&find_zone(m_config.timezone)),
      m_calendar(working_calendar(m_config)) {}

std::vector<std::string> Store::case_ids() const {
    std::vector<std::string> ids;
    each_case_file(m_root / "cases",
                   [&](const std::string& id, const fs::path&) { ids.push_back(id); });
    std::sort(ids.begin(), ids.end());
    // An ID with two files is one case (that load refuses), never two.
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

namespace {

Error two_files(const std::string& id, const std::vector<std::string>& files) {
    return Error(ErrorKind::bad_data,
                 fmt::format("case {} has {} files, {}: one ID, one file; keep the right one "
                             "(git log shows which changed last) and remove the other",
                             id, files.size(), util::join(files, " and ")));
}

} // namespace

std::vector<Error>
Store::take_out_twins(std::vector<std::pair<std::string, std::string>>& paths) const {
    std::vector<Error> twins;
    std::vector<std::pair<std::string, std::string>> kept;
    kept.reserve(paths.size());
    for (std::size_t i = 0; i < paths.size();) {
        std::size_t end = i + 1;
        while (end < paths.size() && paths[end].first == paths[i].first)
            ++end;
        if (end - i == 1) {
            kept.push_back(std::move(paths[i]));
        } else {
            std::vector<std::string> files;
            for (std::size_t k = i; k < end; ++k)
                files.push_back(fs::path(paths[k].second).lexically_relative(m_root).string());
            std::sort(files.begin(), files.end());
            twins.push_back(two_files(paths[i].first, files));
        }
        i = end;
    }
    paths = std::move(kept);
    return twins;
}

std::vector<std::pair<std::string, std::string>> Store::case_paths(CaseNames* names) const {
    std::vector<std::pair<std::string, std::string>> paths;
    const fs::path cases = m_root / "cases";
    bool stamped = true; // every folder stamped
    const auto folder = [&](const fs::path& path, const std::optional<FileStamp>& stamp) {
        if (!names)
            return;
        stamped = stamped && stamp.has_value();
        names->folders.push_back(CaseNames::Folder{
            path == cases ? std::string() : path.lexically_relative(cases).string(),
            stamp.value_or(FileStamp{})});
    };
    each_case_file(
        cases,
        [&](const std::string& id, const fs::path& path, std::uint32_t in) {
            paths.emplace_back(id, path.native());
            if (names)
                names->names.push_back(CaseNames::Name{id, in});
        },
        folder);
    if (names && !stamped)
        *names = {};
    std::sort(paths.begin(), paths.end());
    return paths;
}

bool Store::each_cached_name(
    const std::function<void(std::string_view id, const std::string& folder)>& visit) const {
    if (m_bypass_cache)
        return false;
    const CachedNames names = read_case_names(m_root / k_cache_file);
    if (names.folders().empty())
        return false;
    const fs::path cases = m_root / "cases";
    std::vector<std::string> folders;
    for (const auto& folder : names.folders()) {
        const fs::path path = folder.path.empty() ? cases : cases / folder.path;
        // A file added, removed or renamed since changed its folder's stamp.
        if (folder_stamp(path) != folder.stamp)
            return false;
        folders.push_back(path.native());
    }
    names.each([&](std::string_view id, std::uint32_t folder) { visit(id, folders[folder]); });
    return true;
}

namespace {

// Whether `path` is a symbolic link: a folder the walks of `check` must not
// start through (check reports the link itself).
bool is_link(const fs::path& path) {
    std::error_code ec;
    return fs::is_symlink(fs::symlink_status(path, ec));
}

} // namespace

std::vector<fs::path> Store::case_files() const {
    std::vector<fs::path> files;
    std::error_code ec;
    if (is_link(m_root / "cases"))
        return files;
    for (fs::recursive_directory_iterator it(m_root / "cases", ec), end; !ec && it != end;
         it.increment(ec))
        if (it->path().extension() == ".yaml" && !it->path().filename().string().starts_with("."))
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<fs::path> Store::leftover_temporaries() const {
    std::vector<fs::path> files;
    for (const char* folder : {"cases", "letters"}) {
        std::error_code ec;
        if (is_link(m_root / folder))
            continue;
        for (fs::recursive_directory_iterator it(m_root / folder, ec), end; !ec && it != end;
             it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.starts_with(".") && (name.find(".yaml.") != std::string::npos ||
                                          name.find(".md.") != std::string::npos))
                files.push_back(it->path());
        }
    }
    // At the root: the configuration's and .gitattributes' temporaries, and
    // the cache's (`.complaints-cache.XXXXXX`, which holds names and
    // summaries) left by a listing that was killed.
    std::error_code ec;
    for (fs::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with(".complaints-cache.") || name.starts_with(".complaints.yaml.") ||
            name.starts_with(".gitattributes."))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string Store::resolve(std::string_view query) const {
    std::string wanted;
    for (const char c : query)
        wanted += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // A whole ID abbreviates no other (every ID has the same shape), so its
    // file alone answers.
    if (is_case_id(wanted)) {
        if (files_of(wanted).empty())
            throw Error(ErrorKind::not_found, fmt::format("no case matches '{}'", query));
        return wanted;
    }
    // From the cache, only the names that match are copied: the rest are
    // looked at where they lie.
    std::vector<std::string> ids;
    const bool cached = !wanted.empty() && each_cached_name([&](std::string_view id, auto&) {
        if (abbreviates(wanted, id))
            ids.emplace_back(id);
    });
    if (cached) {
        // In ID order, and an ID with two files once, as from a listing.
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    } else {
        ids = case_ids();
    }
    const auto found = matching_ids(query, ids);
    if (found.size() == 1)
        return found.front();
    if (found.empty())
        throw Error(ErrorKind::not_found, fmt::format("no case matches '{}'", query));
    std::vector<std::string> shown = found;
    shown.resize(std::min<std::size_t>(shown.size(), 5));
    throw Error(ErrorKind::not_found,
                fmt::format("'{}' is ambiguous: it matches {} cases ({}{}); type more of the ID",
                            query, found.size(), util::join(shown, ", "),
                            found.size() > 5 ? ", ..." : ""));
}

// cases/<ID>.yaml is the case's file unless the site keeps cases in folders
// (cases/2026/). Where cases/ holds no folder, one lstat is the whole answer:
// no second file can hide elsewhere. A folder's link count is 2 plus one for
// each folder inside it (each one's `..`) on the file systems that keep the
// count (ext4, xfs, tmpfs); btrfs and overlayfs say 1, "not counted". Else
// every file named for the case is found, as the walk of cases/ would find
// them (the cache's names while they hold), so a second file of the case in
// another folder is refused, never silently shadowed.
std::vector<std::string> Store::files_of(const std::string& id) const {
    const fs::path cases = m_root / "cases";
    const fs::path top = cases / (id + ".yaml");
    struct stat folder {};
    struct stat file {};
    if (::stat(cases.c_str(), &folder) == 0 && folder.st_nlink == 2) {
        // Whatever is there, even a link or a loop, is the case's file, and
        // the load refuses it by name.
        // Not there: asked again of the names below, as a file system that
        // says 2 whatever the folder holds (SMB without Unix extensions)
        // would otherwise hide a case kept in a folder.
        if (::lstat(top.c_str(), &file) == 0)
            return {top.native()};
    }
    std::vector<std::string> files;
    if (each_cached_name([&](std::string_view found, const std::string& folder) {
            if (found == id)
                files.push_back(folder + '/' + id + ".yaml");
        }))
        return files;
    each_case_file(cases, [&](const std::string& found, const fs::path& path) {
        if (found == id)
            files.push_back(path.native());
    });
    return files;
}

fs::path Store::path_of(const std::string& id) const {
    std::vector<std::string> files = files_of(id);
    if (files.empty())
        throw Error(ErrorKind::not_found, fmt::format("no case {}", id));
    if (files.size() > 1) {
        for (auto& file : files)
            file = fs::path(file).lexically_relative(m_root).string();
        std::sort(files.begin(), files.end());
        throw two_files(id, files);
    }
    return files.front();
}

std::string Store::display_path(const std::string& id) const {
    return path_of(id).lexically_relative(m_root).string();
}

namespace {

// The case's file text, proven readable: what a write publishes is read back
// by the same reader every command uses, so a write can never leave a file
// that takes its case (and every listing) down with it.
std::string encoded(const Case& c) {
    std::string text = write_case(c);
    if (text.size() > k_largest_case)
        throw Error(ErrorKind::bad_data,
                    fmt::format("case {} would be {:.1f} MB, more than the {} MB a case file may "
                                "hold; nothing was written",
                                c.id, static_cast<double>(text.size()) / (1 << 20),
                                k_largest_case >> 20));
    std::optional<Case> back;
    try {
        back = read_case(text, c.id);
    } catch (const Error& e) {
        throw std::logic_error(
            fmt::format("case {} as written would not read back ({}); nothing was written", c.id,
                        e.describe()));
    }
    if (!(*back == c))
        throw std::logic_error(
            fmt::format("case {} as written reads back differently; nothing was written", c.id));
    return text;
}

} // namespace

Case Store::load(const std::string& id) const {
    return load_file(id, path_of(id));
}

Case Store::load_file(const std::string& id, const fs::path& path) const {
    const std::string shown = path.lexically_relative(m_root).string();
    // A plain file inside the repository: a link could make a write land
    // anywhere, and reading a FIFO would wait for ever.
    Case c = read_case(read_repository_file(m_root, shown, k_largest_case,
                                            "case files must be plain files in the repository"),
                       shown);
    if (c.id != id)
        throw Error(ErrorKind::bad_data,
                    fmt::format("the file holds case '{}', but its name says {}", c.id, id),
                    Location{shown, 1, 1});
    return c;
}

std::vector<Case> Store::load_all(const std::function<void(const Error&)>& unreadable) const {
    // One walk of cases/ for every file (not one per case, as load() does).
    auto paths = case_paths();
    for (const Error& twin : take_out_twins(paths)) {
        if (!unreadable)
            throw twin;
        unreadable(twin);
    }
    std::vector<std::optional<Case>> loaded(paths.size());
    std::vector<std::optional<Error>> failed(paths.size());
    // Without `unreadable`, a file that fails stops the load with the first
    // bad file's error, as reading in order would.
    util::parallel_for(
        paths.size(),
        [&](std::size_t i) {
            try {
                loaded[i] = load_file(paths[i].first, paths[i].second);
            } catch (const Error& e) {
                if (!unreadable)
                    throw;
                failed[i] = e;
            }
        },
        64);
    std::vector<Case> cases;
    cases.reserve(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (failed[i])
            unreadable(*failed[i]);
        else
            cases.push_back(std::move(*loaded[i]));
    }
    return cases;
}

StoreWriter Store::lock(std::chrono::milliseconds patience, const std::string& holder,
                        std::function<void(const std::string&)> warn) {
    return StoreWriter(*this, patience, holder, std::move(warn));
}

StoreWriter::StoreWriter(const Store& store, std::chrono::milliseconds patience,
                         const std::string& holder, std::function<void(const std::string&)> warn)
    : m_store(store), m_lock(store.root(), patience, holder), m_warn(std::move(warn)) {}

void StoreWriter::published(const fs::path& path, const std::string& doubt) const {
    if (!doubt.empty() && m_warn)
        m_warn(fmt::format("{} was written, but {}: a crash or power cut now could still lose "
                           "it; the command succeeded, do not run it again",
                           path.lexically_relative(m_store.m_root).string(), doubt));
}

std::string StoreWriter::create(Case c, std::mt19937_64& random, const CleanTexts* scanned) {
    // What was queued for this case goes with it, written or not: a failed
    // create must not hand its files to the next.
    const ForgetAttachments forget{m_attachments, ""};
    guard_patient_data(c, m_store.m_config.policy, scanned);
    const int year = static_cast<int>(local_date(c.received.utc, *m_store.m_zone).year());
    for (int attempt = 0; attempt < 1000; ++attempt) {
        c.id = make_case_id(m_store.m_config.prefix, year, random);
        // A file of that name in any folder takes the ID (the exclusive
        // create below sees only cases/ itself); IDs are random, so this is
        // one lstat where cases/ holds no folder.
        if (!m_store.files_of(c.id).empty())
            continue;
        const std::string text = encoded(c);
        const fs::path path = m_store.m_root / "cases" / (c.id + ".yaml");
        AtomicFile file(m_store.m_root, path.lexically_relative(m_store.m_root));
        file.write(text);
        file.prepare();
        StagedFiles staged(m_store.m_root);
        stage_attachments("", c.id, staged);
        if (file.commit_new()) {
            staged.kept = true;
            for (const auto& [published_path, doubt] : staged.doubts)
                published(published_path, doubt);
            published(path, file.doubt());
            return c.id;
        }
    }
    throw Error(ErrorKind::io, "could not find a free case ID after 1000 tries");
}

void StoreWriter::save_config(const Config& config) {
    AtomicFile file(m_store.m_root, k_config_file);
    file.write(write_config(config));
    file.commit();
    published(m_store.m_root / k_config_file, file.doubt());
}

// The case file is written and synced first, then its attachments and
// letters published, then the case file replaced: a failure before that last
// rename takes them back, so the repository is exactly as it was; a crash
// leaves at worst a file no event names, never an event naming no file.
void StoreWriter::save(const Case& c, const CleanTexts* scanned) {
    const ForgetAttachments forget{m_attachments, c.id};
    guard_patient_data(c, m_store.m_config.policy, scanned);
    const std::string text = encoded(c);
    const fs::path path = m_store.path_of(c.id);
    AtomicFile file(m_store.m_root, path.lexically_relative(m_store.m_root));
    file.write(text);
    file.prepare();
    StagedFiles staged(m_store.m_root);
    stage_attachments(c.id, c.id, staged);
    stage_letters(c.id, staged);
    file.commit();
    staged.kept = true;
    for (const auto& [published_path, doubt] : staged.doubts)
        published(published_path, doubt);
    published(path, file.doubt());
}

} // namespace complaints
