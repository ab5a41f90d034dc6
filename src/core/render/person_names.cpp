// SPDX-License-Identifier: Apache-2.0
#include "complaints/render/person_names.hpp"

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

// Words that begin a surname of several words: "de la Cruz", "van Dijk".
constexpr std::array<std::string_view, 14> k_particles{
    "de", "da", "di", "du", "del", "della", "der", "la", "le", "van", "von", "ten", "ter", "bin"};

bool is_particle(std::string_view word) {
    std::string lower(word);
    for (char& ch : lower)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return std::find(k_particles.begin(), k_particles.end(), lower) != k_particles.end();
}

// Letters after a name, not part of it: "MBE", "FRCS", "Jr", "III".
bool is_suffix(std::string_view word) {
    constexpr std::array<std::string_view, 6> k_suffixes{"Jr", "Jr.", "Sr", "Sr.", "Jnr", "Snr"};
    const bool capitals = word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char ch) {
                              return std::isupper(static_cast<unsigned char>(ch));
                          });
    return capitals || std::find(k_suffixes.begin(), k_suffixes.end(), word) != k_suffixes.end();
}

std::string joined(std::vector<std::string>::const_iterator from,
                   std::vector<std::string>::const_iterator to) {
    std::string out;
    for (auto word = from; word != to; ++word)
        out += (out.empty() ? "" : " ") + *word;
    return out;
}

} // namespace

bool is_title(std::string_view word) {
    if (word.ends_with('.'))
        word.remove_suffix(1);
    return std::find(k_titles.begin(), k_titles.end(), word) != k_titles.end();
}

std::vector<std::string> name_words(std::string_view name) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < name.size()) {
        const std::size_t end = std::min(name.find(' ', at), name.size());
        if (end > at)
            words.emplace_back(name.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

std::string salutation(std::string_view name) {
    auto words = name_words(name);
    while (words.size() > 2 && is_suffix(words.back()))
        words.pop_back();
    if (words.size() < 3 || !is_title(words.front()) || is_title(words[1]))
        return joined(words.begin(), words.end());
    const std::string& title = words.front();
    if (title.starts_with("Sir") || title.starts_with("Dame"))
        return title + " " + words[1];
    auto surname = words.end() - 1;
    while (surname - 1 > words.begin() + 1 && is_particle(*(surname - 1)))
        --surname;
    return title + " " + joined(surname, words.end());
}

} // namespace complaints
