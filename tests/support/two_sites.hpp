// SPDX-License-Identifier: Apache-2.0
#pragma once
// Two sites sharing one case repository through git, for the two-sites
// tests: site A with a case under way, a bare remote, site B a clone.
#include "run.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace test::sites {

struct Git {
    int status;
    std::string said;
};

// Runs git in `folder` as a site would; returns its status and what it said.
inline Git git(const std::filesystem::path& folder, const std::string& args) {
    const auto log = folder.parent_path() / (folder.filename().string() + "-git.log");
    const std::string command =
        "cd '" + folder.string() + "' && git -c user.name=Site -c user.email=site@example.org " +
        "-c init.defaultBranch=main " + args + " >'" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    return Git{WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_text(log)};
}

inline void must(const Git& result) {
    REQUIRE_MESSAGE(result.status == 0, result.said);
}

// The two ways a site brings in the other's work.
inline const std::vector<std::string> k_pulls = {"pull -q --no-rebase --no-edit",
                                                 "pull -q --rebase"};

// Site A with a case under way (two points, two actions, a few events),
// pushed to a bare remote; site B a clone of it. Both ran git-setup.
struct Sites {
    test::Repo a;
    std::filesystem::path remote = a.dir / "remote.git";
    std::filesystem::path b = a.dir / "b";
    std::string id;
    std::string file;

    Sites() {
        must(git(a.root, "init -q"));
        REQUIRE(a({"git-setup"}).exit_code == 0);
        id = a.open_case("2026-11-10 09:00", {"--summary", "Late for the session", "--point",
                                              "Late", "--point", "Rude at reception"});
        file = "cases/" + id + ".yaml";
        for (const auto* text : {"Recalibrate the clock", "Retrain reception"})
            a.ok({"action", id, "add", "--text", text, "--lead", "Dr Lena Marsh", "--due",
                  "2026-12-01"});
        a.ok({"log", id, "--type", "call", "--at", "2026-11-10 10:00", "--text",
              "Called the complainnat"});
        a.ok({"log", id, "--type", "note", "--at", "2026-11-10 11:00", "--text", "Duplicate note"});
        must(git(a.root, "add -A"));
        must(git(a.root, "commit -q -m opened"));
        must(git(a.dir.path(), "init -q --bare remote.git"));
        must(git(a.root, "remote add origin '" + remote.string() + "'"));
        must(git(a.root, "push -q -u origin main"));
        must(git(a.dir.path(), "clone -q remote.git b"));
        REQUIRE(at_b({"git-setup"}).exit_code == 0);
    }
    test::Result at_b(std::vector<std::string> args) const {
        return test::run(
            {std::move(args), "", b, {{"COMPLAINTS_NOW", a.now}, {"COMPLAINTS_USER", "Site B"}}});
    }
    // Edits the case file by hand at a site, as someone fixing a typo would.
    void edit(const std::filesystem::path& root, const std::string& from,
              const std::string& to) const {
        test::write_text(root / file, test::replaced(test::read_text(root / file), from, to));
    }
    // Deletes by hand the event whose text is `text`.
    void delete_event(const std::filesystem::path& root, const std::string& text) const {
        auto yaml = test::read_text(root / file);
        const auto at = yaml.find(text);
        REQUIRE(at != std::string::npos);
        const auto start = yaml.rfind("\n  - ", at) + 1;
        auto end = yaml.find("\n  - ", at);
        end = end == std::string::npos ? yaml.size() : end + 1;
        test::write_text(root / file, yaml.erase(start, end - start));
    }
    void commit(const std::filesystem::path& root, const std::string& what) const {
        must(git(root, "commit -q -am '" + what + "'"));
    }
};

inline std::vector<std::string> texts_of(const nlohmann::json& items) {
    std::vector<std::string> texts;
    for (const auto& item : items)
        texts.push_back(item["text"]);
    return texts;
}

// Site A and site B each give point 1 a different finding and the case a
// different summary, and each logs an event; B then pulls A's work.
inline Git clash(const Sites& sites, const std::string& pull) {
    const auto& id = sites.id;
    sites.a.ok(
        {"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion", "Late"});
    sites.a.ok({"log", id, "--type", "call", "--text", "A's call"});
    sites.edit(sites.a.root, "Late for the session", "A's summary");
    sites.commit(sites.a.root, "site A");
    must(git(sites.a.root, "push -q"));
    REQUIRE(sites
                .at_b({"respond", "finding", id, "--point", "1", "--finding", "not-upheld",
                       "--conclusion", "Late"})
                .exit_code == 0);
    REQUIRE(sites.at_b({"log", id, "--type", "email", "--text", "B's email"}).exit_code == 0);
    sites.edit(sites.b, "Late for the session", "B's summary");
    sites.commit(sites.b, "site B");
    return git(sites.b, pull);
}

} // namespace test::sites
