// SPDX-License-Identifier: Apache-2.0
#pragma once
// The letter kept for a case under a stem ("2026-11-10-response"): letters
// are named letters/<ID>/<STEM>-<TAG>.md, TAG six hex digits of the text.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

namespace test {

// The one letter of `id` with that stem (and no -2 suffix), as an event's
// `letter` names it; fails the test when there is none or several.
inline std::string kept_letter(const std::filesystem::path& root, const std::string& id,
                               const std::string& stem) {
    const std::regex name(stem + "-[0-9a-f]{6}\\.md");
    std::string found;
    int count = 0;
    const auto folder = root / "letters" / id;
    if (std::filesystem::exists(folder))
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (std::regex_match(entry.path().filename().string(), name)) {
                found = "letters/" + id + "/" + entry.path().filename().string();
                ++count;
            }
    REQUIRE_MESSAGE(count == 1, "letters named " << stem << "-TAG.md for " << id << ": " << count);
    return found;
}

} // namespace test
