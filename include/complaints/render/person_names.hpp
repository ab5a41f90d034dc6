// SPDX-License-Identifier: Apache-2.0
#pragma once
// How people's names are written: the titles before them, the words of a
// name, and how a letter greets the person it is written to.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

inline constexpr std::array<std::string_view, 12> k_titles{
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady", "Lord"};

// A title as written before a name, with or without its full stop.
bool is_title(std::string_view word);

// The words of a name, however many spaces part them.
std::vector<std::string> name_words(std::string_view name);

// Whom a letter's "Dear ..." names: a title and the surname ("Mrs Aisha
// Patel": "Mrs Patel"; "Mr Juan de la Cruz": "Mr de la Cruz"; "Dr Jane
// Smith MBE": "Dr Smith"), a knight or dame by the first name ("Sir John"),
// and a name with no title whole ("Practice manager").
std::string salutation(std::string_view name);

} // namespace complaints
