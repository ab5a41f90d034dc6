#include "complaints/case_cache.hpp"

#include <fmt/format.h>

#include <cstring>
#include <stdexcept>
#include <unistd.h>

namespace complaints {

namespace {

// Raised with the tool's cache layout: an older file is ignored and rebuilt.
constexpr std::string_view k_magic = "complaints-cache 4\n";

class Encoder {
  public:
    std::string bytes;
    void u64(std::uint64_t v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
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
};

class Decoder {
  public:
    explicit Decoder(std::string_view bytes) : m_rest(bytes) {}
    std::uint64_t u64() {
        std::uint64_t v;
        take(&v, sizeof v);
        return v;
    }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    bool flag() {
        char c;
        take(&c, 1);
        return c != 0;
    }
    std::string text() {
        const std::uint64_t n = u64();
        if (n > m_rest.size())
            throw std::runtime_error("cache: text past the end");
        std::string v(m_rest.substr(0, n));
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

  private:
    void take(void* out, std::size_t n) {
        if (m_rest.size() < n)
            throw std::runtime_error("cache: entry cut short");
        std::memcpy(out, m_rest.data(), n);
        m_rest.remove_prefix(n);
    }
    std::string_view m_rest;
};

void encode_event(Encoder& e, const Event& event) {
    e.stamp(event.at);
    e.i64(static_cast<int>(event.type));
    e.text(event.text);
    e.maybe(event.recorded, [&](const Timestamp& t) { e.stamp(t); });
    e.maybe(event.due, [&](date::year_month_day d) { e.day(d); });
}

Event decode_event(Decoder& d) {
    Event event;
    event.at = d.stamp();
    const auto type = d.i64();
    if (type < 0 || type >= static_cast<std::int64_t>(EnumNames<EventType>::names.size()))
        throw std::runtime_error("cache: unknown event type");
    event.type = static_cast<EventType>(type);
    event.text = d.text();
    event.recorded = d.maybe<Timestamp>([&] { return d.stamp(); });
    event.due = d.maybe<date::year_month_day>([&] { return d.day(); });
    return event;
}

void encode_action(Encoder& e, const Action& a) {
    e.i64(a.number);
    e.text(a.text);
    e.text(a.lead);
    e.day(a.due);
    e.maybe(a.added, [&](const Timestamp& t) { e.stamp(t); });
    e.list(a.progress, [&](const ActionProgress& p) {
        e.stamp(p.at);
        e.text(p.text);
    });
    e.maybe(a.done, [&](const Timestamp& t) { e.stamp(t); });
}

Action decode_action(Decoder& d) {
    Action a;
    a.number = static_cast<int>(d.i64());
    a.text = d.text();
    a.lead = d.text();
    a.due = d.day();
    a.added = d.maybe<Timestamp>([&] { return d.stamp(); });
    a.progress = d.list<ActionProgress>([&] {
        ActionProgress p;
        p.at = d.stamp();
        p.text = d.text();
        return p;
    });
    a.done = d.maybe<Timestamp>([&] { return d.stamp(); });
    return a;
}

void encode_escalation(Encoder& e, const Escalation& x) {
    e.text(x.body);
    e.stamp(x.at);
    e.text(x.reference);
    e.text(x.outcome);
    e.maybe(x.outcome_at, [&](const Timestamp& t) { e.stamp(t); });
}

Escalation decode_escalation(Decoder& d) {
    Escalation x;
    x.body = d.text();
    x.at = d.stamp();
    x.reference = d.text();
    x.outcome = d.text();
    x.outcome_at = d.maybe<Timestamp>([&] { return d.stamp(); });
    return x;
}

std::int64_t read_i64(std::FILE* file) {
    std::int64_t v;
    if (std::fread(&v, sizeof v, 1, file) != 1)
        throw std::runtime_error("cache: cut short");
    return v;
}

} // namespace

void slim_case(Case& c) {
    for (auto& event : c.events) {
        event.text = {};
        event.by = {};
        event.attendees = {};
        event.extras = {};
    }
    for (auto& point : c.points)
        point = Point{point.number, {}, point.finding, {}, {}, {}, {}};
    c.extras = {};
}

std::string encode_case(const Case& c) {
    Encoder e;
    for (const std::string* text :
         {&c.id, &c.complainant, &c.on_behalf_of, &c.about, &c.gmc, &c.type, &c.summary, &c.agent,
          &c.exclusion_text, &c.apology, &c.learning, &c.no_learning})
        e.text(*text);
    e.choice(c.kind);
    e.choice(c.status);
    e.stamp(c.received);
    e.choice(c.channel);
    e.maybe(c.consent, [&](Consent v) { e.choice(v); });
    e.maybe(c.category, [&](Category v) { e.choice(v); });
    e.list(c.practitioners, [&](const std::string& p) { e.text(p); });
    e.maybe(c.notice_days, [&](int v) { e.i64(v); });
    e.maybe(c.exclusion, [&](Exclusion v) { e.choice(v); });
    e.maybe(c.clock_from, [&](date::year_month_day d) { e.day(d); });
    e.maybe(c.happened, [&](date::year_month_day d) { e.day(d); });
    e.list(c.points, [&](const Point& p) {
        e.i64(p.number);
        e.maybe(p.finding, [&](Finding v) { e.choice(v); });
    });
    e.maybe(c.outcome, [&](Outcome v) { e.choice(v); });
    e.list(c.actions, [&](const Action& a) { encode_action(e, a); });
    e.list(c.escalations, [&](const Escalation& x) { encode_escalation(e, x); });
    e.maybe(c.warning, [&](const Timestamp& t) { e.stamp(t); });
    e.list(c.events, [&](const Event& event) { encode_event(e, event); });
    return std::move(e.bytes);
}

Case decode_case(std::string_view bytes) {
    Decoder d(bytes);
    Case c;
    for (std::string* text :
         {&c.id, &c.complainant, &c.on_behalf_of, &c.about, &c.gmc, &c.type, &c.summary, &c.agent,
          &c.exclusion_text, &c.apology, &c.learning, &c.no_learning})
        *text = d.text();
    c.kind = d.choice<Kind>();
    c.status = d.choice<Status>();
    c.received = d.stamp();
    c.channel = d.choice<Channel>();
    c.consent = d.maybe<Consent>([&] { return d.choice<Consent>(); });
    c.category = d.maybe<Category>([&] { return d.choice<Category>(); });
    c.practitioners = d.list<std::string>([&] { return d.text(); });
    c.notice_days = d.maybe<int>([&] { return static_cast<int>(d.i64()); });
    c.exclusion = d.maybe<Exclusion>([&] { return d.choice<Exclusion>(); });
    c.clock_from = d.maybe<date::year_month_day>([&] { return d.day(); });
    c.happened = d.maybe<date::year_month_day>([&] { return d.day(); });
    c.points = d.list<Point>([&] {
        Point p;
        p.number = static_cast<int>(d.i64());
        p.finding = d.maybe<Finding>([&] { return d.choice<Finding>(); });
        return p;
    });
    c.outcome = d.maybe<Outcome>([&] { return d.choice<Outcome>(); });
    c.actions = d.list<Action>([&] { return decode_action(d); });
    c.escalations = d.list<Escalation>([&] { return decode_escalation(d); });
    c.warning = d.maybe<Timestamp>([&] { return d.stamp(); });
    c.events = d.list<Event>([&] { return decode_event(d); });
    if (!d.done())
        throw std::runtime_error("cache: bytes left over");
    return c;
}

CacheReader::CacheReader(const std::filesystem::path& file)
    : m_file(std::fopen(file.c_str(), "rb")) {
    if (!m_file)
        return;
    try {
        std::string magic(k_magic.size(), '\0');
        if (std::fread(magic.data(), 1, magic.size(), m_file) != magic.size() || magic != k_magic)
            throw std::runtime_error("cache: another version");
        if (std::fseek(m_file, -8, SEEK_END) != 0)
            throw std::runtime_error("cache: cut short");
        const std::int64_t end_of_payloads = std::ftell(m_file);
        const std::int64_t index_at = read_i64(m_file);
        if (index_at < static_cast<std::int64_t>(k_magic.size()) || index_at > end_of_payloads)
            throw std::runtime_error("cache: bad index offset");
        std::string index(static_cast<std::size_t>(end_of_payloads - index_at), '\0');
        std::fseek(m_file, index_at, SEEK_SET);
        if (std::fread(index.data(), 1, index.size(), m_file) != index.size())
            throw std::runtime_error("cache: index cut short");
        Decoder d(index);
        m_entries = d.list<CacheEntry>([&] {
            CacheEntry entry;
            entry.id = d.text();
            entry.stamp = FileStamp{d.i64(), d.i64(), d.i64(), d.u64()};
            entry.offset = d.u64();
            entry.length = static_cast<std::uint32_t>(d.u64());
            if (entry.offset + entry.length > static_cast<std::uint64_t>(index_at))
                throw std::runtime_error("cache: payload outside the file");
            return entry;
        });
    } catch (const std::exception&) {
        m_entries.clear();
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

CacheWriter::CacheWriter(std::filesystem::path file)
    : m_file(std::move(file)), m_temporary(m_file.string() + fmt::format(".{}", ::getpid())) {
    m_out = std::fopen(m_temporary.c_str(), "wb");
    if (m_out && std::fwrite(k_magic.data(), 1, k_magic.size(), m_out) == k_magic.size())
        m_written = k_magic.size();
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
    e.i64(static_cast<std::int64_t>(m_written));
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
