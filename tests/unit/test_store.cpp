// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/store.hpp"

#include "parallel.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <stdexcept>
#include <type_traits>

using namespace complaints;
namespace fs = std::filesystem;

namespace {

// The capability is in the types: only a non-const Store takes the lock,
// only the writer it returns writes, and the writer cannot be copied or
// moved out from under its lock.
template <class S>
concept Locks = requires(S& s) {
    s.lock(std::chrono::milliseconds(0), std::string());
};
template <class W>
concept Writes = requires(W& w, const Case& c) {
    w.save(c);
};
template <class W>
concept Creates = requires(W& w, const Case& c, std::mt19937_64& random) {
    w.create(c, random);
};
template <class W>
concept SavesConfig = requires(W& w, const Config& config) {
    w.save_config(config);
};
static_assert(Locks<Store> && !Locks<const Store>);
static_assert(!Writes<Store> && !Creates<Store> && !SavesConfig<Store>);
static_assert(Writes<StoreWriter> && Creates<StoreWriter> && SavesConfig<StoreWriter>);
static_assert(!Writes<const StoreWriter> && !Creates<const StoreWriter> &&
              !SavesConfig<const StoreWriter>);
static_assert(!std::is_copy_constructible_v<StoreWriter> &&
              !std::is_move_constructible_v<StoreWriter>);

constexpr std::chrono::milliseconds k_patience{10'000};

Config clinic() {
    Config config;
    config.organisation = "Lumiere Medispa";
    config.prefix = "LUM";
    return config;
}

Case a_case() {
    Case c;
    c.received = *parse_stored_timestamp("2026-11-02T09:14:00+00:00");
    c.complainant = "A";
    Event opened;
    opened.at = c.received;
    opened.type = EventType::opened;
    c.events.push_back(opened);
    return c;
}

} // namespace

TEST_SUITE("store") {
    TEST_CASE("init makes a repository and refuses to touch one that exists") {
        test::TempDir dir;
        init_repository(dir / "repo", clinic());
        CHECK(fs::is_directory(dir / "repo" / "cases"));
        const std::string before = test::read_text(dir / "repo" / "complaints.yaml");
        Config other = clinic();
        other.prefix = "XYZ";
        CHECK_THROWS_AS(init_repository(dir / "repo", other), Error);
        CHECK(test::read_text(dir / "repo" / "complaints.yaml") == before);
        CHECK(Store(dir / "repo").config().prefix == "LUM");
    }

    TEST_CASE("discovery walks up from a subfolder and stops at the root") {
        test::TempDir dir;
        init_repository(dir / "repo", clinic());
        fs::create_directories(dir / "repo" / "cases" / "2026");
        CHECK(find_repository(dir / "repo" / "cases" / "2026") == dir / "repo");
        CHECK(!find_repository(dir.path()));
    }

    TEST_CASE("a created case gets the prefix and the year of receipt, and reads back") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        Store store(dir.path());
        std::mt19937_64 random(1);
        Case c = a_case();
        c.received = *parse_stored_timestamp("2025-12-31T23:30:00-01:00"); // 2026 in London
        c.events[0].at = c.received;
        const std::string id = store.lock(k_patience, "test").create(c, random);
        CHECK(id.starts_with("LUM-2026-"));
        CHECK(store.load(id).complainant == "A");
        CHECK(store.case_ids() == std::vector<std::string>{id});
    }

    TEST_CASE("a case that would not read back is never written") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        Store store(dir.path());
        std::mt19937_64 random(1);
        const std::string id = store.lock(k_patience, "test").create(a_case(), random);
        const std::string before = test::read_text(dir / "cases" / (id + ".yaml"));
        Case c = store.load(id);
        c.complainant = "Jos\xE9"; // not UTF-8: the reader would refuse the file
        CHECK_THROWS_AS(store.lock(k_patience, "test").save(c), std::logic_error);
        CHECK_THROWS_AS(store.lock(k_patience, "test").create(c, random), std::logic_error);
        CHECK(test::read_text(dir / "cases" / (id + ".yaml")) == before);
        CHECK(store.case_ids() == std::vector<std::string>{id});
    }

    TEST_CASE("case files are private to owner and group whatever the umask") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        Store store(dir.path());
        std::mt19937_64 random(2);
        const mode_t old = ::umask(0);
        const std::string id = store.lock(k_patience, "test").create(a_case(), random);
        ::umask(old);
        struct stat info {};
        REQUIRE(::stat((dir / "cases" / (id + ".yaml")).c_str(), &info) == 0);
        CHECK((info.st_mode & 0007) == 0);
    }

    TEST_CASE("letters kept are written by the case's save, first, and beside one another") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        Store store(dir.path());
        std::mt19937_64 random(3);
        const std::string id = store.lock(k_patience, "test").create(a_case(), random);
        const auto day = date::year{2026} / 11 / 10;
        {
            StoreWriter writer = store.lock(k_patience, "test");
            // Named by day, kind and six hex digits of the text (FNV-1a).
            CHECK(writer.keep_letter(id, day, "response", "never saved") ==
                  "letters/" + id + "/2026-11-10-response-fb7486.md");
        }
        CHECK(!fs::exists(dir / "letters" / id));
        StoreWriter writer = store.lock(k_patience, "test");
        const std::string first = writer.keep_letter(id, day, "response", "one\r\n");
        const std::string second = writer.keep_letter(id, day, "response", "two");
        // Different letters never share a name, at one site or two; the
        // same letter again goes beside the first as -2.
        CHECK(first == "letters/" + id + "/2026-11-10-response-d08624.md");
        CHECK(second == "letters/" + id + "/2026-11-10-response-7c9709.md");
        const std::string again = writer.keep_letter(id, day, "response", "two");
        CHECK(again == "letters/" + id + "/2026-11-10-response-7c9709-2.md");
        CHECK(!fs::exists(dir / "letters" / id));
        Case c = store.load(id);
        c.events[0].letter = second;
        writer.save(c);
        CHECK(test::read_text(dir / first) == "one\r\n");
        CHECK(store.read_letter(id, second) == "two");
        CHECK(store.load(id).events[0].letter == second);
        CHECK(writer.keep_letter(id, day, "response", "two").ends_with("-response-7c9709-3.md"));
        CHECK_THROWS_AS(store.read_letter(id, "letters/" + id + "/../../complaints.yaml"), Error);
        CHECK_THROWS_AS(store.read_letter("LUM-2026-ZZZZZZ", first), Error);
    }

    TEST_CASE("an uncommitted atomic file publishes nothing and leaves no temporary") {
        test::TempDir dir;
        {
            AtomicFile file(dir / "x.yaml");
            file.write("half");
        }
        CHECK(fs::is_empty(dir.path()));
        test::write_text(dir / "y.yaml", "old");
        {
            AtomicFile file(dir / "y.yaml");
            file.write("new");
            CHECK_FALSE(file.commit_new());
        }
        CHECK(test::read_text(dir / "y.yaml") == "old");
        CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
    }

    TEST_CASE("four processes creating cases at once get distinct IDs and whole files") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        // Same seed in every process: each create takes the lock and then
        // steps past the IDs the others published.
        CHECK(test::in_parallel(4, [&](int) {
            std::mt19937_64 random(7);
            Store store(dir.path());
            for (int i = 0; i < 50; ++i)
                store.lock(k_patience, "test").create(a_case(), random);
            return true;
        }));
        const Store store(dir.path());
        CHECK(store.case_ids().size() == 200u);
        CHECK(store.load_all().size() == 200u);
    }

    TEST_CASE("a writer holds the repository lock until it is destroyed") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        Store store(dir.path());
        Store other(dir.path());
        std::mt19937_64 random(3);
        {
            StoreWriter writer = store.lock(k_patience, "process 1 (tester)");
            try {
                other.lock(std::chrono::milliseconds(50), "process 2");
                FAIL("a second writer took the lock");
            } catch (const Error& e) {
                CHECK(e.kind() == ErrorKind::io);
                // The holder is this process, found in /proc/locks: the lock
                // file's text names another, so it is not trusted.
                CHECK(std::string(e.what()).starts_with(
                    fmt::format("the repository is busy: process {} ", ::getpid())));
            }
            writer.create(a_case(), random);
        }
        // Released with the writer: the next one gets it at once.
        StoreWriter next = other.lock(std::chrono::milliseconds(50), "process 2");
        CHECK(next.store().case_ids().size() == 1u);
    }

    TEST_CASE("a file whose id differs from its name is bad data") {
        test::TempDir dir;
        init_repository(dir.path(), clinic());
        const Store store(dir.path());
        Case c = a_case();
        c.id = "LUM-2026-AAAAAA";
        test::write_text(dir / "cases" / "LUM-2026-BBBBBB.yaml", write_case(c));
        CHECK_THROWS_WITH(
            store.load("LUM-2026-BBBBBB"),
            "the file holds case 'LUM-2026-AAAAAA', but its name says LUM-2026-BBBBBB");
    }

    TEST_CASE("a broken complaints.yaml is named with line and column") {
        test::TempDir dir;
        test::write_text(dir / "complaints.yaml", "organisation: X\npreset: clinc\nprefix: LUM\n");
        try {
            Store store(dir.path());
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.describe() ==
                  "complaints.yaml:2:9: unknown preset 'clinc' (did you mean 'clinic'?)");
        }
        test::write_text(dir / "complaints.yaml",
                         "organisation: X\npreset: clinic\nprefix: LUM\nregoin: scotland\n");
        CHECK_THROWS_WITH(Store(dir.path()),
                          "unknown key 'regoin' in complaints.yaml (did you mean 'region'?)");
    }
}

namespace {

// An fsync that fails as a dying disk's does.
int failing_fsync(int) {
    errno = EIO;
    return -1;
}

} // namespace

TEST_SUITE("store") {
    TEST_CASE("a folder that cannot be synced is a doubt to report, never an exception") {
        // sync_folder runs after a file is published: throwing there made a
        // command deny a write that had happened. The failing fsync is passed
        // in; the open, the call and the message are the real ones.
        test::TempDir dir;
        std::optional<std::string> doubt;
        CHECK_NOTHROW(doubt = sync_folder(dir.path(), failing_fsync));
        REQUIRE(doubt);
        CHECK(*doubt ==
              "cannot make " + dir.path().string() + " durable (fsync: Input/output error)");
        CHECK(!sync_folder(dir.path()));
        CHECK(*sync_folder(dir / "gone") == "cannot make " + (dir / "gone").string() +
                                                " durable (open: No such file or directory)");
    }
}
