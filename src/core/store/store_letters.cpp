// SPDX-License-Identifier: Apache-2.0
// Letters kept: the exact text sent, one file per letter under
// letters/<ID>/, created once and never rewritten. An event's `letter`
// names its file; these are the only reads and writes of that folder.
#include "complaints/store/store.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/atomic_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace complaints {

namespace fs = std::filesystem;

namespace {

// Letters are a page or two; a megabyte is already far more than any.
constexpr std::size_t k_largest_letter = std::size_t(8) << 20;

std::string letters_folder(const std::string& id) {
    return "letters/" + id + "/";
}

// A file name the tool could have written: letters, digits, '-', '_' and
// '.', not hidden, ending in .md. Keeps an edited `letter:` from reaching
// outside the case's folder.
bool is_letter_name(std::string_view name) {
    if (name.size() <= 3 || !name.ends_with(".md") || name.front() == '.' ||
        name.find("..") != std::string_view::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

bool exists_on_disk(const fs::path& path) {
    std::error_code ec;
    return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

} // namespace

void check_letter_text(std::string_view text, const Policy& policy, const std::string& shown) {
    if (text.empty())
        throw Error(ErrorKind::bad_data, "is empty; a letter sent has text", Location{shown});
    if (const auto bad = first_invalid_byte(text)) {
        const auto [line, column] = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data,
                    text[*bad] == '\0' ? "contains a NUL byte"
                                       : "contains bytes that are not UTF-8",
                    Location{shown, line, column});
    }
    // A letter is printed by `show --letter`; CRLF is kept as it is.
    if (const auto control = first_control(text)) {
        const auto [line, column] = line_column_at(text, *control);
        throw Error(ErrorKind::bad_data,
                    "contains a control character (ESC, BEL, ...) a terminal would obey",
                    Location{shown, line, column});
    }
    if (const auto found = find_patient_data(text, policy)) {
        const auto [line, column] = line_column_at(text, found->offset);
        throw Error(ErrorKind::refused,
                    fmt::format("contains {} ('{}'): the platform's policy forbids patient "
                                "details in its records, letters included; refer to the patient "
                                "another way",
                                found->what, text.substr(found->offset, found->length)),
                    Location{shown, line, column});
    }
}

std::vector<std::string> Store::kept_letters() const {
    std::vector<std::string> found;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(m_root / "letters", ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it.depth() == 1 && !name.starts_with(".") && !it->is_directory(ec))
            found.push_back(it->path().lexically_relative(m_root).generic_string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string Store::read_letter(const std::string& id, const std::string& path) const {
    const std::string folder = letters_folder(id);
    if (!path.starts_with(folder) || !is_letter_name(std::string_view(path).substr(folder.size())))
        throw Error(ErrorKind::bad_data,
                    fmt::format("an event names the letter '{}', which is not one of {}'s letters "
                                "({}NAME.md)",
                                path, id, folder),
                    Location{display_path(id)});
    const fs::path full = m_root / path;
    std::error_code ec;
    const auto status = fs::symlink_status(full, ec);
    if (status.type() == fs::file_type::not_found)
        throw Error(ErrorKind::not_found,
                    fmt::format("the letter {} that {} names is missing", path, id));
    if (status.type() != fs::file_type::regular)
        throw Error(ErrorKind::bad_data, "is not a plain file; letters kept must be",
                    Location{path});
    return read_file(full, k_largest_letter);
}

namespace {

// Six hex digits of the letter's own bytes (FNV-1a): two sites that keep a
// letter for one case on one day name them apart unless the letters are the
// same, and then git merges the two identical files as one.
std::string text_tag(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const unsigned char c : text)
        hash = (hash ^ c) * 1099511628211ull;
    return fmt::format("{:06x}", hash & 0xffffff);
}

} // namespace

std::string StoreWriter::keep_letter(const std::string& id, date::year_month_day day,
                                     std::string_view name, std::string text) {
    const std::string stem =
        letters_folder(id) + format_date(day) + "-" + std::string(name) + "-" + text_tag(text);
    const auto taken = [&](const std::string& path) {
        return exists_on_disk(m_store.root() / path) ||
               std::any_of(m_letters.begin(), m_letters.end(),
                           [&](const PendingLetter& letter) { return letter.path == path; });
    };
    std::string path = stem + ".md";
    for (int n = 2; taken(path); ++n)
        path = fmt::format("{}-{}.md", stem, n);
    m_letters.push_back({id, path, std::move(text)});
    return path;
}

void StoreWriter::publish_letters(const std::string& id) {
    const auto mine = [&](const PendingLetter& letter) { return letter.id == id; };
    if (std::none_of(m_letters.begin(), m_letters.end(), mine))
        return;
    // Every letter is checked before the first is written.
    for (const auto& letter : m_letters)
        if (mine(letter))
            check_letter_text(letter.text, m_store.config().policy, letter.path);
    // New folders are entries of their parents: make them durable too.
    const fs::path letters = m_store.root() / "letters";
    for (const fs::path& folder : {letters, letters / id})
        if (make_private_folders(folder))
            published(folder, sync_folder(folder.parent_path()).value_or(""));
    for (const auto& letter : m_letters) {
        if (!mine(letter))
            continue;
        AtomicFile file(m_store.root() / letter.path);
        file.write(letter.text);
        if (!file.commit_new())
            throw Error(ErrorKind::io,
                        fmt::format("{} appeared while it was being kept (something other than "
                                    "complaints wrote it); the case was not changed, try again",
                                    letter.path));
        published(m_store.root() / letter.path, file.doubt());
    }
    std::erase_if(m_letters, mine);
}

} // namespace complaints
