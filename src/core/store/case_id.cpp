// SPDX-License-Identifier: Apache-2.0
#include "complaints/store/case_id.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace complaints {

std::string make_case_id(std::string_view prefix, int year, std::mt19937_64& random) {
    std::uniform_int_distribution<std::size_t> pick(0, k_id_alphabet.size() - 1);
    std::string tail;
    for (std::size_t i = 0; i < k_id_random_length; ++i)
        tail += k_id_alphabet[pick(random)];
    return fmt::format("{}-{:04}-{}", prefix, year, tail);
}

bool is_case_id(std::string_view id) {
    const std::size_t first = id.find('-');
    if (first == std::string_view::npos || first < 2 || first > 6)
        return false;
    const auto prefix = id.substr(0, first);
    const bool prefix_ok = std::all_of(prefix.begin(), prefix.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    const auto rest = id.substr(first + 1);
    if (!prefix_ok || rest.size() != 5 + k_id_random_length || rest[4] != '-')
        return false;
    const auto year = rest.substr(0, 4);
    const auto tail = rest.substr(5);
    return std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           std::all_of(tail.begin(), tail.end(),
                       [](char c) { return k_id_alphabet.find(c) != std::string_view::npos; });
}

bool abbreviates(std::string_view wanted, std::string_view id) {
    const std::string_view after_prefix = id.substr(id.find('-') + 1);
    const std::string_view tail = id.substr(id.rfind('-') + 1);
    return id.starts_with(wanted) || after_prefix.starts_with(wanted) || tail.starts_with(wanted);
}

std::vector<std::string> matching_ids(std::string_view query, const std::vector<std::string>& ids) {
    std::string wanted;
    for (const char c : query)
        wanted += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (wanted.empty())
        return {};
    std::vector<std::string> found;
    for (const auto& id : ids) {
        if (id == wanted)
            return {id};
        if (abbreviates(wanted, id))
            found.push_back(id);
    }
    return found;
}

} // namespace complaints
