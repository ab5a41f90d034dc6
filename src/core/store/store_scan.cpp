// SPDX-License-Identifier: Apache-2.0
// Store::scan: every case through the derived cache, in bounded memory.
#include "complaints/base/error.hpp"
#include "complaints/base/parallel.hpp"
#include "complaints/store/case_cache.hpp"
#include "complaints/store/store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>
#include <span>
#include <unordered_map>

namespace complaints {

namespace fs = std::filesystem;

namespace {

// Files are parsed and visited this many at a time, so memory holds a batch.
constexpr std::size_t k_batch = 512;

std::int64_t nanoseconds(const struct timespec& t) {
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// lstat, so a symbolic link never matches and the loader refuses it.
std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return FileStamp{st.st_size, nanoseconds(st.st_mtim), nanoseconds(st.st_ctim), st.st_ino};
}

struct Item {
    std::string id;
    std::string path;
    std::optional<FileStamp> stamp;
    const CacheEntry* cached = nullptr; // an entry whose stamp matches
};

// What a batch holds while it is read and visited.
struct Batch {
    explicit Batch(std::size_t size) : cases(size), payloads(size), failures(size) {}
    std::vector<std::optional<Case>> cases;
    std::vector<std::string> payloads;
    std::vector<std::exception_ptr> failures;
};

const std::string& id_of(const Item& item) {
    return item.id;
}
const std::string& id_of(const std::string& id) {
    return id;
}

// A case that failed to load: handed to `unreadable` when it is set and the
// failure is an Error (a file's fault); anything else stops the scan.
void leave_out(const std::exception_ptr& failure, const ScanOptions& options) {
    if (!options.unreadable)
        std::rethrow_exception(failure);
    try {
        std::rethrow_exception(failure);
    } catch (const Error& e) {
        options.unreadable(e);
    }
}

// The folders' stamps vouch for the names only when every folder is older
// than `racy_after`: a file added in the same tick as a folder was stamped
// would not change the stamp, and the names would miss it for good.
void trust_folders(CaseNames& names, std::int64_t racy_after) {
    for (const auto& folder : names.folders)
        if (folder.stamp.mtime_ns >= racy_after || folder.stamp.ctime_ns >= racy_after) {
            names = {};
            return;
        }
}

// A file changed within `settle` of now could change again within the
// clock's granularity without its stamp showing it (git's "racily clean"):
// its entry is stored so that it never matches, and it is read again.
std::int64_t racy_after(std::chrono::system_clock::duration settle) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               (std::chrono::system_clock::now() - settle).time_since_epoch())
        .count();
}

// Marks each item whose stamp matches its cache entry; returns whether the
// cache must be written anew. Names that no longer vouch for themselves are
// written anew too, so that one-case commands can resolve short IDs again.
bool match_cache(std::vector<Item>& items, const CacheReader& reader, const CaseNames& names,
                 ScanStats& stats) {
    std::unordered_map<std::string_view, const CacheEntry*> by_id;
    for (const auto& entry : reader.entries())
        by_id.emplace(entry.id, &entry);
    std::size_t matched = 0;
    for (auto& item : items) {
        const auto found = by_id.find(item.id);
        if (found != by_id.end() && item.stamp && *item.stamp == found->second->stamp) {
            item.cached = found->second;
            ++matched;
        }
    }
    for (const auto& entry : reader.entries())
        if (!std::binary_search(items.begin(), items.end(), entry.id,
                                [](const auto& a, const auto& b) { return id_of(a) < id_of(b); }))
            ++stats.gone;
    return matched != items.size() || reader.entries().size() != items.size() ||
           reader.folders() != names.folders;
}

// Decodes the batch's cached cases; returns whether an entry was damaged
// (its item is then read from its file instead).
bool decode_cached(std::span<Item> items, Batch& batch, CacheReader* reader) {
    bool damaged = false;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (!items[k].cached)
            continue;
        try {
            batch.payloads[k] = reader->payload(*items[k].cached);
            batch.cases[k] = decode_case(batch.payloads[k]);
        } catch (const std::exception&) {
            items[k].cached = nullptr;
            damaged = true;
        }
    }
    return damaged;
}

// Reads the batch's files that the cache did not give, on every core.
void read_files(std::span<const Item> items, Batch& batch, bool encode,
                const std::function<Case(const Item&)>& load) {
    if (std::all_of(items.begin(), items.end(), [](const Item& item) { return item.cached; }))
        return;
    util::parallel_for(
        items.size(),
        [&](std::size_t k) {
            if (items[k].cached)
                return;
            try {
                Case c = load(items[k]);
                slim_case(c);
                if (encode)
                    batch.payloads[k] = encode_case(c);
                batch.cases[k] = std::move(c);
            } catch (...) {
                batch.failures[k] = std::current_exception();
            }
        },
        16);
}

// Hands the batch's cases to `visit` in order, each stored in the new cache
// when one is written; a failure is left out, neither cached nor visited.
void visit_batch(std::span<const Item> items, Batch& batch, CacheWriter* writer, std::int64_t racy,
                 const ScanOptions& options, ScanStats& stats,
                 const std::function<void(Case&)>& visit) {
    for (std::size_t k = 0; k < items.size(); ++k) {
        const Item& item = items[k];
        if (batch.failures[k]) {
            leave_out(batch.failures[k], options);
            continue;
        }
        if (writer && item.stamp) {
            FileStamp stamp = *item.stamp;
            if (stamp.mtime_ns >= racy || stamp.ctime_ns >= racy)
                stamp.size = -1;
            writer->add(item.id, stamp, batch.payloads[k]);
        }
        ++(item.cached ? stats.from_cache : stats.read);
        visit(*batch.cases[k]);
    }
}

} // namespace

void Store::scan(const std::function<void(Case&)>& visit, const ScanOptions& options) const {
    ScanStats unused;
    ScanStats& stats = options.stats ? *options.stats : unused;
    const std::int64_t racy = racy_after(options.settle);
    std::vector<Item> items;
    CaseNames names;
    {
        auto paths = case_paths(&names);
        trust_folders(names, racy);
        for (const Error& twin : take_out_twins(paths))
            leave_out(std::make_exception_ptr(twin), options);
        items.reserve(paths.size());
        for (auto& [id, path] : paths) {
            auto stamp = stamp_of(path);
            items.push_back(Item{std::move(id), std::move(path), stamp, nullptr});
        }
    }
    std::optional<CacheReader> reader;
    bool changed = true;
    if (options.use_cache) {
        reader.emplace(m_root / k_cache_file);
        stats.cache_problem = reader->problem();
        changed = match_cache(items, *reader, names, stats);
    }
    std::optional<CacheWriter> writer;
    if (options.use_cache && changed)
        writer.emplace(m_root / k_cache_file);
    const auto load = [this](const Item& item) { return load_file(item.id, item.path); };
    bool damaged = false;
    for (std::size_t start = 0; start < items.size(); start += k_batch) {
        const std::span<Item> batch_items(items.data() + start,
                                          std::min(k_batch, items.size() - start));
        Batch batch(batch_items.size());
        damaged |= decode_cached(batch_items, batch, reader ? &*reader : nullptr);
        read_files(batch_items, batch, writer.has_value(), load);
        visit_batch(batch_items, batch, writer ? &*writer : nullptr, racy, options, stats, visit);
    }
    stats.rewritten = writer.has_value();
    if (writer) {
        writer->names(std::move(names));
        writer->commit();
    } else if (damaged) {
        // Entries that match their files but do not decode would be read
        // around on every run: drop the cache so the next one rebuilds it.
        std::error_code ec;
        std::filesystem::remove(m_root / k_cache_file, ec);
    }
}

} // namespace complaints
