// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/case_cache.hpp"

#include "cache_shape.hpp"
#include "complaints/model/case_fields.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/workflow/clinicians.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace complaints {

namespace {

// The cache's version: its layout's number, raised by hand when the
// encoding itself changes, and the hash of the fields it holds, which
// changes by itself with them. An older file is ignored and rebuilt.
// Worked out once, when first needed: clang 14 cannot build a Case in a
// constant expression with libstdc++ 12's strings, as g++ 12 can.
constexpr std::string_view k_layout = "complaints-cache 18 ";
const std::string& magic() {
    static const std::string text = fmt::format("{}{:016x}\n", k_layout, cache_shape::of_case());
    return text;
}

class Encoder {
  public:
    std::string bytes;
    // LEB128: seven bits a byte, low first. Most values are lengths and
    // counts under 128, and empty texts are common: one byte each.
    void u64(std::uint64_t v) {
        while (v >= 0x80) {
            bytes.push_back(static_cast<char>((v & 0x7F) | 0x80));
            v >>= 7;
        }
        bytes.push_back(static_cast<char>(v));
    }
    // Zigzag, so small negative numbers (west of Greenwich) stay short.
    void i64(std::int64_t v) {
        u64((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }
    void fixed64(std::uint64_t v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void flag(bool v) { bytes.push_back(v ? 1 : 0); }
    void text(std::string_view v) {
        u64(v.size());
        bytes.append(v);
    }
    void stamp(const Timestamp& t) {
        i64(t.utc.time_since_epoch().count());
        i64(t.offset_minutes);
    }
    void day(date::year_month_day d) { i64(date::sys_days{d}.time_since_epoch().count()); }
    template <class E> void choice(E e) { u64(static_cast<std::uint64_t>(e)); }
    template <class T, class F> void maybe(const std::optional<T>& v, F write) {
        flag(v.has_value());
        if (v)
            write(*v);
    }
    template <class T, class F> void list(const std::vector<T>& items, F write) {
        u64(items.size());
        for (const auto& item : items)
            write(item);
    }
    // fields::describe visits these: every field in description order.
    void field(const fields::Key&, const std::string& v) { text(v); }
    void field(const fields::Key&, int v) { i64(v); }
    template <class E>
    requires std::is_enum_v<E>
    void field(const fields::Key&, E v) { choice(v); }
    void field(const fields::Key&, const Timestamp& v) { stamp(v); }
    void field(const fields::Key&, const date::year_month_day& v) { day(v); }
    template <fields::Record R> void field(const fields::Key&, const R& record) {
        fields::describe(*this, record);
    }
    template <class T> void field(const fields::Key& key, const std::optional<T>& v) {
        maybe(v, [&](const T& inner) { field(key, inner); });
    }
    template <class T> void field(const fields::Key& key, const std::vector<T>& items) {
        list(items, [&](const T& item) { field(key, item); });
    }
    void extras(const std::vector<Extra>& unknown) {
        list(unknown, [&](const Extra& extra) {
            text(extra.key);
            text(extra.yaml);
        });
    }
    void no_extras() {}
};

class Decoder {
  public:
    explicit Decoder(std::string_view bytes) : m_rest(bytes) {}
    std::uint64_t u64() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_rest.empty())
                throw std::runtime_error("cache: entry cut short");
            const auto byte = static_cast<unsigned char>(m_rest.front());
            m_rest.remove_prefix(1);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return v;
        }
        throw std::runtime_error("cache: number too long");
    }
    std::int64_t i64() {
        const std::uint64_t v = u64();
        return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
    }
    bool flag() {
        char c;
        take(&c, 1);
        return c != 0;
    }
    std::string text() { return std::string(view()); }
    // A text as a view into the bytes decoded, copying nothing.
    std::string_view view() {
        const std::uint64_t n = u64();
        if (n > m_rest.size())
            throw std::runtime_error("cache: text past the end");
        const std::string_view v = m_rest.substr(0, n);
        m_rest.remove_prefix(n);
        return v;
    }
    Timestamp stamp() {
        Timestamp t;
        t.utc = date::sys_seconds{std::chrono::seconds{i64()}};
        t.offset_minutes = static_cast<int>(i64());
        return t;
    }
    date::year_month_day day() { return date::year_month_day{date::sys_days{date::days{i64()}}}; }
    template <class E> E choice() {
        const std::uint64_t v = u64();
        if (v >= EnumNames<E>::names.size())
            throw std::runtime_error("cache: value out of range");
        return static_cast<E>(v);
    }
    template <class T, class F> std::optional<T> maybe(F read) {
        if (!flag())
            return std::nullopt;
        return read();
    }
    template <class T, class F> std::vector<T> list(F read) {
        const std::uint64_t n = u64();
        if (n > m_rest.size())
            throw std::runtime_error("cache: list past the end");
        std::vector<T> items;
        items.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i)
            items.push_back(read());
        return items;
    }
    bool done() const { return m_rest.empty(); }
    void field(const fields::Key&, std::string& v) { v = text(); }
    void field(const fields::Key&, int& v) { v = static_cast<int>(i64()); }
    template <class E>
    requires std::is_enum_v<E>
    void field(const fields::Key&, E& v) { v = choice<E>(); }
    void field(const fields::Key&, Timestamp& v) { v = stamp(); }
    void field(const fields::Key&, date::year_month_day& v) { v = day(); }
    template <fields::Record R> void field(const fields::Key&, R& record) {
        fields::describe(*this, record);
    }
    template <class T> void field(const fields::Key& key, std::optional<T>& v) {
        if (flag())
            field(key, v.emplace());
    }
    template <class T> void field(const fields::Key& key, std::vector<T>& items) {
        items = list<T>([&] {
            T item;
            field(key, item);
            return item;
        });
    }
    void extras(std::vector<Extra>& unknown) {
        unknown = list<Extra>([&] {
            Extra extra;
            extra.key = text();
            extra.yaml = text();
            return extra;
        });
    }
    void no_extras() {}

  private:
    void take(void* out, std::size_t n) {
        if (m_rest.size() < n)
            throw std::runtime_error("cache: entry cut short");
        std::memcpy(out, m_rest.data(), n);
        m_rest.remove_prefix(n);
    }
    std::string_view m_rest;
};

std::int64_t read_i64(std::FILE* file) {
    std::int64_t v;
    if (std::fread(&v, sizeof v, 1, file) != 1)
        throw std::runtime_error("cache: cut short");
    return v;
}

// The cache for reading, or null: when it is missing, unreadable, or not a
// plain file (then `problem` says what it is). O_NONBLOCK: a FIFO there
// would otherwise wait for a writer for ever.
std::FILE* open_cache(const std::filesystem::path& file, std::string& problem) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP)
            problem = fmt::format("is {}", file_kind(S_IFLNK));
        return nullptr;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        problem = fmt::format("is {}", file_kind(info.st_mode));
        ::close(fd);
        return nullptr;
    }
    std::FILE* stream = ::fdopen(fd, "rb");
    if (!stream)
        ::close(fd);
    return stream;
}

} // namespace

void slim_case(Case& c) {
    for (auto& event : c.events) {
        // A warning's, a suspension decision's or an appeal's reason, and who
        // made it, are in the report and `clinician`.
        if (event_info(event.type).group != EventGroup::standing) {
            event.text = {};
            event.by = {};
        }
        // A meeting to come says who is to attend on the agenda.
        if (event.type != EventType::mediation_booked)
            event.attendees = {};
        event.corrects = {};
        event.before = {};
        event.after = {};
        event.letter = {};
        event.reference = {};
        // The Message-ID stays: intake finds a message filed before by it.
        event.attachment = {};
        event.extras = {};
    }
    for (auto& point : c.points) {
        Point slim;
        slim.number = point.number;
        slim.finding = point.finding;
        slim.added = point.added;
        slim.correction = std::move(point.correction);
        point = std::move(slim);
    }
    c.extras = {};
}

namespace {

constexpr std::size_t k_check_size = 8;

// A checksum of the entry, word by word (a multiply and a shift each), so
// that it costs little beside reading the bytes. It finds damage, not
// tampering: the cache is private to the repository's users.
std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t h = 0x243F6A8885A308D3ull ^ bytes.size();
    const auto mix = [&h](std::uint64_t word) {
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    };
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + at, 8);
        mix(word);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    mix(tail);
    return h;
}

} // namespace

std::optional<FileStamp> folder_stamp(const std::filesystem::path& folder) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0)
        return std::nullopt;
    const auto nanoseconds = [](const struct timespec& t) {
        return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    };
    return FileStamp{st.st_size, nanoseconds(st.st_mtim), nanoseconds(st.st_ctim), st.st_ino};
}

std::string encode_case(const Case& c) {
    Encoder e;
    fields::describe(e, c);
    const std::uint64_t sum = checksum(e.bytes);
    e.bytes.append(reinterpret_cast<const char*>(&sum), k_check_size);
    return std::move(e.bytes);
}

Case decode_case(std::string_view entry) {
    if (entry.size() < k_check_size)
        throw std::runtime_error("cache: entry cut short");
    const std::string_view bytes = entry.substr(0, entry.size() - k_check_size);
    std::uint64_t sum;
    std::memcpy(&sum, entry.data() + bytes.size(), k_check_size);
    if (sum != checksum(bytes))
        throw std::runtime_error("cache: entry damaged (checksum)");
    Decoder d(bytes);
    Case c;
    fields::describe(d, c);
    if (!d.done())
        throw std::runtime_error("cache: bytes left over");
    return c;
}

namespace {

// Where the parts of the file start, from its trailer (see CacheEntry).
struct Parts {
    std::int64_t index_at = 0;
    std::int64_t folders_at = 0;
    std::int64_t names_at = 0;
    std::int64_t trailer_at = 0;
};

Parts read_parts(std::FILE* file) {
    std::string found(magic().size(), '\0');
    if (std::fread(found.data(), 1, found.size(), file) != found.size() || found != magic())
        throw std::runtime_error("cache: another version");
    if (std::fseek(file, -24, SEEK_END) != 0)
        throw std::runtime_error("cache: cut short");
    Parts parts;
    parts.trailer_at = std::ftell(file);
    parts.index_at = read_i64(file);
    parts.folders_at = read_i64(file);
    parts.names_at = read_i64(file);
    if (parts.index_at < static_cast<std::int64_t>(magic().size()) ||
        parts.index_at > parts.folders_at || parts.folders_at > parts.names_at ||
        parts.names_at > parts.trailer_at)
        throw std::runtime_error("cache: bad offsets");
    return parts;
}

std::string read_span(std::FILE* file, std::int64_t from, std::int64_t to) {
    std::string bytes(static_cast<std::size_t>(to - from), '\0');
    if (std::fseek(file, from, SEEK_SET) != 0 ||
        std::fread(bytes.data(), 1, bytes.size(), file) != bytes.size())
        throw std::runtime_error("cache: part cut short");
    return bytes;
}

// A part of the names with its checksum after it: a damaged name could
// otherwise make a short ID match one case where it matches two.
std::string sealed(Encoder& e) {
    const std::uint64_t sum = checksum(e.bytes);
    e.fixed64(sum);
    return std::move(e.bytes);
}

std::string_view unsealed(std::string_view part) {
    if (part.size() < k_check_size)
        throw std::runtime_error("cache: part cut short");
    const std::string_view bytes = part.substr(0, part.size() - k_check_size);
    std::uint64_t sum;
    std::memcpy(&sum, part.data() + bytes.size(), k_check_size);
    if (sum != checksum(bytes))
        throw std::runtime_error("cache: part damaged (checksum)");
    return bytes;
}

std::string encode_folders(const std::vector<CaseNames::Folder>& folders) {
    Encoder e;
    e.list(folders, [&](const CaseNames::Folder& folder) {
        e.text(folder.path);
        e.i64(folder.stamp.size);
        e.i64(folder.stamp.mtime_ns);
        e.i64(folder.stamp.ctime_ns);
        e.u64(folder.stamp.inode);
    });
    return sealed(e);
}

std::string encode_names(const std::vector<CaseNames::Name>& names) {
    Encoder e;
    e.list(names, [&](const CaseNames::Name& name) {
        e.text(name.id);
        e.u64(name.folder);
    });
    return sealed(e);
}

std::vector<CaseNames::Folder> decode_folders(std::string_view part) {
    Decoder d(unsealed(part));
    auto folders = d.list<CaseNames::Folder>([&] {
        CaseNames::Folder folder;
        folder.path = d.text();
        folder.stamp = FileStamp{d.i64(), d.i64(), d.i64(), d.u64()};
        return folder;
    });
    if (!d.done())
        throw std::runtime_error("cache: bytes left over");
    return folders;
}

// Hands `visit` each name of a names part (its checksum taken off); throws
// std::runtime_error on anything the writer did not write.
void visit_names(std::string_view names, std::size_t folders,
                 const std::function<void(std::string_view, std::uint32_t)>& visit) {
    Decoder d(names);
    const std::uint64_t count = d.u64();
    if (count > names.size())
        throw std::runtime_error("cache: list past the end");
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::string_view id = d.view();
        const std::uint64_t folder = d.u64();
        if (folder >= folders)
            throw std::runtime_error("cache: name in no folder");
        visit(id, static_cast<std::uint32_t>(folder));
    }
    if (!d.done())
        throw std::runtime_error("cache: bytes left over");
}

} // namespace

void CachedNames::each(
    const std::function<void(std::string_view id, std::uint32_t folder)>& visit) const {
    // None read (no cache, or one refused whole): no names, not a damaged part.
    if (m_folders.empty())
        return;
    visit_names(m_names, m_folders.size(), visit);
}

CachedNames read_case_names(const std::filesystem::path& file) {
    std::string problem;
    std::FILE* stream = open_cache(file, problem);
    if (!stream)
        return {};
    CachedNames found;
    try {
        const Parts parts = read_parts(stream);
        found.m_folders = decode_folders(read_span(stream, parts.folders_at, parts.names_at));
        found.m_names = read_span(stream, parts.names_at, parts.trailer_at);
        found.m_names.resize(unsealed(found.m_names).size());
        // Read through once here, so that each() never meets damage.
        visit_names(found.m_names, found.m_folders.size(), [](std::string_view, std::uint32_t) {});
    } catch (const std::exception&) {
        found = {};
    }
    std::fclose(stream);
    return found;
}

CacheReader::CacheReader(const std::filesystem::path& file) : m_file(open_cache(file, m_problem)) {
    if (!m_file)
        return;
    try {
        const Parts parts = read_parts(m_file);
        const std::string index = read_span(m_file, parts.index_at, parts.folders_at);
        Decoder d(index);
        m_entries = d.list<CacheEntry>([&] {
            CacheEntry entry;
            entry.id = d.text();
            entry.stamp = FileStamp{d.i64(), d.i64(), d.i64(), d.u64()};
            entry.offset = d.u64();
            entry.length = static_cast<std::uint32_t>(d.u64());
            if (entry.offset + entry.length > static_cast<std::uint64_t>(parts.index_at))
                throw std::runtime_error("cache: payload outside the file");
            return entry;
        });
        m_folders = decode_folders(read_span(m_file, parts.folders_at, parts.names_at));
    } catch (const std::exception&) {
        m_entries.clear();
        m_folders.clear();
    }
}

CacheReader::~CacheReader() {
    if (m_file)
        std::fclose(m_file);
}

std::string CacheReader::payload(const CacheEntry& entry) {
    std::string bytes(entry.length, '\0');
    // Entries are read in file order: seeking only when not already there
    // keeps stdio's buffer, one read for many payloads.
    if (entry.offset != m_position &&
        std::fseek(m_file, static_cast<long>(entry.offset), SEEK_SET) != 0)
        throw std::runtime_error("cache: payload outside the file");
    if (std::fread(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        throw std::runtime_error("cache: payload cut short");
    m_position = entry.offset + entry.length;
    return bytes;
}

CacheWriter::CacheWriter(std::filesystem::path file) : m_file(std::move(file)) {
    // mkstemp: a name no one can guess and plant a link at, created 0600.
    std::string pattern = m_file.string() + ".XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        return;
    m_temporary = pattern;
    ::fchmod(fd, private_file_mode());
    m_out = ::fdopen(fd, "wb");
    if (!m_out) {
        ::close(fd);
        ::unlink(m_temporary.c_str());
        return;
    }
    if (std::fwrite(magic().data(), 1, magic().size(), m_out) == magic().size())
        m_written = magic().size();
}

CacheWriter::~CacheWriter() {
    if (m_out) {
        std::fclose(m_out);
        std::error_code ec;
        std::filesystem::remove(m_temporary, ec);
    }
}

void CacheWriter::add(const std::string& id, const FileStamp& stamp, std::string_view payload) {
    if (!m_out)
        return;
    m_entries.push_back(
        CacheEntry{id, stamp, m_written, static_cast<std::uint32_t>(payload.size())});
    if (std::fwrite(payload.data(), 1, payload.size(), m_out) != payload.size()) {
        std::fclose(m_out);
        m_out = nullptr;
        return;
    }
    m_written += payload.size();
}

void CacheWriter::commit() {
    if (!m_out)
        return;
    Encoder e;
    e.list(m_entries, [&](const CacheEntry& entry) {
        e.text(entry.id);
        e.i64(entry.stamp.size);
        e.i64(entry.stamp.mtime_ns);
        e.i64(entry.stamp.ctime_ns);
        e.u64(entry.stamp.inode);
        e.u64(entry.offset);
        e.u64(entry.length);
    });
    const std::uint64_t folders_at = m_written + e.bytes.size();
    e.bytes += encode_folders(m_names.folders);
    const std::uint64_t names_at = m_written + e.bytes.size();
    e.bytes += encode_names(m_names.names);
    e.fixed64(m_written);
    e.fixed64(folders_at);
    e.fixed64(names_at);
    const bool written = std::fwrite(e.bytes.data(), 1, e.bytes.size(), m_out) == e.bytes.size();
    const bool closed = std::fclose(m_out) == 0;
    m_out = nullptr;
    std::error_code ec;
    if (written && closed)
        std::filesystem::rename(m_temporary, m_file, ec);
    if (!written || !closed || ec)
        std::filesystem::remove(m_temporary, ec);
}

} // namespace complaints
