// SPDX-License-Identifier: Apache-2.0
#pragma once
// A platform repository where Dr Sam Keane has warnings: the suspension
// tests' starting point.
#include "run.hpp"

#include <doctest/doctest.h>

namespace test {

// Dr Sam Keane with three warnings inside six months, the third issued on
// 19 November 2026: a suspension review is due. Today is 20 November.
struct Reviewed : Repo {
    std::vector<std::string> ids;
    explicit Reviewed(std::vector<std::string> days = {"2026-06-01", "2026-08-01", "2026-11-19"})
        : Repo("platform", "LAN") {
        now = "2026-11-20T10:00:00+00:00";
        for (const auto& day : days)
            ids.push_back(warned(day));
    }
    std::string warned(const std::string& day) const {
        const std::string id =
            open_case(day, {"--about", "Dr Sam Keane", "--gmc", "7123456", "--type", "late"});
        ok({"assign", id, "--to", "Priya Shah", "--at", day});
        ok({"log", id, "--type", "shared-with-complainee", "--text", "Shared", "--at", day});
        ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at", day});
        ok({"resolve", id, "--text", "Apology", "--at", day});
        ok({"close", id, "--outcome", "upheld", "--warning", "--warning-reason", "Punctuality",
            "--no-learning", "Conduct", "--at", day});
        return id;
    }
    nlohmann::json clinician(std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"clinician", "7123456", "--format", "json"};
        args.insert(args.end(), more.begin(), more.end());
        const auto shown = (*this)(args);
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        return shown.json();
    }
    nlohmann::json agenda() const {
        const auto listed = (*this)({"agenda", "--format", "json"});
        REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
        return listed.json()["items"];
    }
};

inline nlohmann::json item(const nlohmann::json& agenda, const std::string& rule) {
    for (const auto& one : agenda)
        if (one["rule"] == rule)
            return one;
    return nullptr;
}

} // namespace test
