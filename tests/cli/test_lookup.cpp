// SPDX-License-Identifier: Apache-2.0
// One case found without listing cases/ where that can be proven (issue
// #39): a whole ID by its file, a short one by the names .complaints-cache
// keeps. Whatever the cache says, every command finds what a listing of
// cases/ would: a case added or removed by hand or by git since the cache
// was written, a case in a folder, an ID that has become ambiguous. How
// many times cases/ is read is measured in bench/RESULTS.md, not here.
#include "run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <thread>

namespace {

// Lists with no settle time, so that the cache written vouches for names
// changed a moment ago, as it does for a repository's older files.
test::Result list_unsettled(const test::Repo& repo) {
    return test::run({{"list"},
                      "",
                      repo.root,
                      {{"COMPLAINTS_NOW", repo.now}, {"COMPLAINTS_CACHE_SETTLE", "0"}},
                      repo.timeout});
}

void write_cache(const test::Repo& repo) {
    const test::Result listed = list_unsettled(repo);
    REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
    REQUIRE(std::filesystem::exists(repo.root / ".complaints-cache"));
    // A change within the same tick of the clock as the listing need not
    // change its folder's stamp (what the settle time is for): the tests
    // change files a tick later, as a person would.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

// A copy of case `id` under `copy`, by hand, as git or a colleague could
// add one.
void copy_case(const test::Repo& repo, const std::string& id, const std::string& copy,
               const std::filesystem::path& folder = "cases") {
    test::write_text(repo.root / folder / (copy + ".yaml"),
                     test::replaced(repo.case_file(id), id, copy));
}

// The first line of `show`: the ID and what the case is.
std::string shown_id(const test::Repo& repo, const std::string& query) {
    const test::Result shown = repo({"show", query});
    REQUIRE_MESSAGE(shown.exit_code == 0, (query + ": " + shown.err));
    return shown.out.substr(0, shown.out.find(' '));
}

} // namespace

TEST_SUITE("lookup") {
    TEST_CASE(
        "a whole ID is found with no cache, in any case of letters, and an unknown one is not") {
        test::Repo repo;
        const std::string id = repo.open_case();
        repo.open_case();
        CHECK(!std::filesystem::exists(repo.root / ".complaints-cache"));
        CHECK(shown_id(repo, id) == id);
        std::string lower = id;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(shown_id(repo, lower) == id);
        const std::string unknown = id.substr(0, 9) + "222222";
        REQUIRE(unknown != id);
        CHECK(repo.refused({"log", unknown, "--text", "x"}, 3) ==
              "complaints: no case matches '" + unknown + "'\n");
    }

    TEST_CASE("a short ID is found through a fresh cache, and a write lands in that case") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string other = repo.open_case();
        write_cache(repo);
        CHECK(shown_id(repo, id.substr(9, 4)) == id);
        CHECK(shown_id(repo, other.substr(4, 7)) == other);
        repo.ok({"log", id.substr(9, 4), "--text", "Rang her back."});
        CHECK(test::has(repo.case_file(id), "Rang her back."));
        CHECK(!test::has(repo.case_file(other), "Rang her back."));
        // The write changed cases/: the cache no longer vouches for the
        // names, and the next short ID is found by listing.
        CHECK(shown_id(repo, id.substr(9, 4)) == id);
    }

    TEST_CASE("a case added by hand since the cache was written is found, and can make an ID "
              "ambiguous") {
        test::Repo repo;
        const std::string id = repo.open_case();
        write_cache(repo);
        // Shares the first two characters of `id`'s random part, no more.
        const std::string added = id.substr(0, 11) + (id[11] == '2' ? "3333" : "2222");
        copy_case(repo, id, added);
        CHECK(shown_id(repo, added.substr(9)) == added);
        CHECK(repo.refused({"show", id.substr(9, 2)}, 3) ==
              "complaints: '" + id.substr(9, 2) + "' is ambiguous: it matches 2 cases (" +
                  std::min(id, added) + ", " + std::max(id, added) + "); type more of the ID\n");
        CHECK(shown_id(repo, id.substr(9, 3)) == id);
    }

    TEST_CASE("without a cache, or with a damaged one, a short ID is found by listing") {
        test::Repo repo;
        const std::string id = repo.open_case();
        write_cache(repo);
        std::filesystem::remove(repo.root / ".complaints-cache");
        CHECK(shown_id(repo, id.substr(9, 3)) == id);
        write_cache(repo);
        test::write_text(repo.root / ".complaints-cache", "not a cache");
        CHECK(shown_id(repo, id.substr(9, 3)) == id);
    }

    TEST_CASE("an ambiguous short ID names its cases, from a fresh cache as from a listing") {
        test::Repo repo;
        std::vector<std::string> ids;
        for (int n = 0; n < 7; ++n)
            ids.push_back(repo.open_case());
        std::sort(ids.begin(), ids.end());
        const std::string said = "complaints: 'LUM-2026' is ambiguous: it matches 7 cases (" +
                                 ids[0] + ", " + ids[1] + ", " + ids[2] + ", " + ids[3] + ", " +
                                 ids[4] + ", ...); type more of the ID\n";
        CHECK(repo.refused({"show", "LUM-2026"}, 3) == said);
        write_cache(repo);
        CHECK(repo.refused({"log", "lum-2026", "--text", "x"}, 3) ==
              test::replaced(said, "'LUM-2026'", "'lum-2026'"));
        CHECK(repo.refused({"show", "ZZZZ"}, 3) == "complaints: no case matches 'ZZZZ'\n");
    }

    TEST_CASE("a case deleted by hand while the cache lists it is not found, by any ID") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string kept = repo.open_case();
        write_cache(repo);
        std::filesystem::remove(repo.root / "cases" / (id + ".yaml"));
        for (const std::string& query : {id, id.substr(9, 4), id.substr(4, 8)})
            CHECK(repo.refused({"log", query, "--text", "x"}, 3) ==
                  "complaints: no case matches '" + query + "'\n");
        CHECK(shown_id(repo, kept.substr(9, 4)) == kept);
    }

    TEST_CASE("a case unreadable from its file is still found by a short ID through the cache") {
        test::Repo repo;
        const std::string id = repo.open_case();
        repo.open_case();
        test::write_text(repo.root / "cases" / (id + ".yaml"), "id: [\n");
        const test::Result listed = list_unsettled(repo);
        CHECK(listed.exit_code == 4);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        // The cache's names hold every file named for a case, read or not:
        // the error is the file's, not "no case matches".
        const test::Result shown = repo({"show", id.substr(9, 4)});
        CHECK(shown.exit_code == 4);
        CHECK_MESSAGE(test::has(shown.err, "cases/" + id + ".yaml:"), shown.err);
    }

    TEST_CASE("a case kept in a folder under cases/ is found and written there, cached or not") {
        test::Repo repo;
        const std::string id = repo.open_case();
        const std::string other = repo.open_case();
        std::filesystem::create_directories(repo.root / "cases" / "2026");
        std::filesystem::rename(repo.root / "cases" / (id + ".yaml"),
                                repo.root / "cases" / "2026" / (id + ".yaml"));
        CHECK(shown_id(repo, id) == id);
        CHECK(shown_id(repo, id.substr(9, 4)) == id);
        write_cache(repo);
        CHECK(shown_id(repo, id) == id);
        CHECK(shown_id(repo, id.substr(9, 4)) == id);
        CHECK(shown_id(repo, other.substr(9, 4)) == other);
        repo.ok({"log", id, "--text", "Filed by year."});
        CHECK(test::has(test::read_text(repo.root / "cases" / "2026" / (id + ".yaml")),
                        "Filed by year."));
        CHECK(!std::filesystem::exists(repo.root / "cases" / (id + ".yaml")));
        // A case added to the folder by hand since is found too.
        write_cache(repo);
        const std::string added = id.substr(0, 9) + (id[9] == '2' ? "333333" : "222222");
        copy_case(repo, other, added, "cases/2026");
        CHECK(shown_id(repo, added.substr(9)) == added);
        CHECK(shown_id(repo, added) == added);
    }
}
