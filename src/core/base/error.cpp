// SPDX-License-Identifier: Apache-2.0
#include "complaints/base/error.hpp"

#include "complaints/base/name_hint.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace complaints {

namespace {

std::string field_word(std::string_view field) {
    std::string word(field);
    std::replace(word.begin(), word.end(), '_', ' ');
    return word;
}

// The names are in the enum's order, one for each code: a name left out or
// out of place fails the build here (a code added last without one fails
// the unit test that reads the enum).
constexpr bool names_in_order() {
    const auto& names = EnumNames<ProblemCode>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].first != static_cast<ProblemCode>(i) || names[i].second.empty())
            return false;
    return true;
}
static_assert(names_in_order(), "EnumNames<ProblemCode> lists each code once, in order");

std::string located(const Location& where, const std::string& message) {
    if (where.file.empty())
        return message;
    if (where.line == 0)
        return fmt::format("{}: {}", where.file, message);
    if (where.column == 0) // a whole line is at fault
        return fmt::format("{}:{}: {}", where.file, where.line, message);
    return fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, message);
}

} // namespace

Problem::Problem(ProblemCode code, std::string message, std::string subject, std::string step)
    : code(code), message(std::move(message)), subject(std::move(subject)), step(std::move(step)) {}

std::string render(std::string_view text, FieldNamer name) {
    std::string out;
    std::string_view rest = text;
    for (auto open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
        const auto close = rest.find('}', open);
        if (close == std::string_view::npos)
            break;
        const auto field = rest.substr(open + 1, close - open - 1);
        // Only `{a_field}` names a field; other braces are the user's text.
        const bool named = !field.empty() && std::all_of(field.begin(), field.end(), [](char c) {
            return c == '_' || (c >= 'a' && c <= 'z');
        });
        out += rest.substr(0, named ? open : open + 1);
        if (named)
            out += name(field);
        rest.remove_prefix(named ? close + 1 : open + 1);
    }
    return out += rest;
}

std::string render(const Problem& problem, FieldNamer name) {
    return render(problem.message, name);
}

std::string describe(const std::string& heading, const std::vector<Problem>& problems,
                     const std::function<std::string(const Problem&)>& say) {
    std::string out = heading;
    for (std::size_t i = 0; i < problems.size(); ++i)
        out += (i == 0 ? (heading.empty() ? "" : ": ") : "; ") + say(problems[i]);
    return out;
}

// A plain message may name a field too: what() has it as a word, so no
// reader of what() ever meets a raw `{field}`.
Error::Error(ErrorKind kind, std::string message, Location where)
    : std::runtime_error(render(message, field_word)), m_kind(kind), m_message(std::move(message)),
      m_where(std::move(where)) {}

Error::Error(ErrorKind kind, std::string heading, std::vector<Problem> problems)
    : std::runtime_error(complaints::describe(
          heading, problems, [](const Problem& problem) { return render(problem, field_word); })),
      m_kind(kind), m_heading(std::move(heading)), m_problems(std::move(problems)) {}

std::string Error::describe() const {
    return located(m_where, what());
}

std::string Error::describe(FieldNamer name) const {
    if (!m_problems.empty() || !m_heading.empty())
        return located(m_where, complaints::describe(m_heading, m_problems, [&](const Problem& p) {
                           return render(p, name);
                       }));
    return located(m_where, render(m_message, name));
}

namespace {

char lowered(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Optimal string alignment: edits, with a swap of neighbours counted as one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lowered(a[i - 1]) == lowered(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lowered(a[i - 1]) == lowered(b[j - 2]) &&
                lowered(a[i - 2]) == lowered(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

} // namespace

std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates) {
    // A third of the word may be wrong, as ninja's spellchecker allows.
    const std::size_t allowed = std::max<std::size_t>(1, given.size() / 3);
    const std::string* best = nullptr;
    std::size_t best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(given, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = &candidate;
        }
    }
    return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string{};
}

namespace {

// Whether `name` (folded) has `word` as one of its words.
bool has_word(std::string_view name, std::string_view word) {
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = std::min(name.find(' ', start), name.size());
        if (name.substr(start, end - start) == word)
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

std::string did_you_mean_name(std::string_view given, const std::vector<std::string>& names) {
    const std::string wanted = folded(given);
    const std::string* found = nullptr;
    int matches = 0;
    for (const auto& name : names) {
        const std::string theirs = folded(name);
        if (!wanted.empty() && (theirs.starts_with(wanted) || has_word(theirs, wanted))) {
            found = &name;
            ++matches;
        }
    }
    if (matches == 1)
        return fmt::format(" (did you mean '{}'?)", *found);
    return did_you_mean(given, names);
}

void field_error(ProblemCode code, std::string message, std::string subject) {
    throw Error(ErrorKind::usage, "", {{code, std::move(message), std::move(subject)}});
}

} // namespace complaints
