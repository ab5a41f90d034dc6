// SPDX-License-Identifier: Apache-2.0
// Letters kept: the exact text sent, one file per letter under
// letters/<ID>/, created once and never rewritten. An event's `letter`
// names its file; these are the only reads and writes of that folder.
#include "complaints/store/store.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/in_repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

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

// first_control, a form feed aside.
std::optional<std::size_t> first_control_but_form_feed(std::string_view text) {
    for (std::size_t from = 0;;) {
        const auto found = first_control(text.substr(from));
        if (!found)
            return std::nullopt;
        if (text[from + *found] != '\f')
            return from + *found;
        from += *found + 1;
    }
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
    // A letter is printed by `show --letter`; CRLF is kept as it is, and a
    // form feed, a page break in a letter, is no command to a terminal.
    if (const auto control = first_control_but_form_feed(text)) {
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
    return kept_files(m_root, "letters");
}

std::string Store::read_letter(const std::string& id, const std::string& path) const {
    const std::string folder = letters_folder(id);
    if (!path.starts_with(folder) || !is_letter_name(std::string_view(path).substr(folder.size())))
        throw Error(ErrorKind::bad_data,
                    fmt::format("an event names the letter '{}', which is not one of {}'s letters "
                                "({}NAME.md)",
                                path, id, folder),
                    Location{display_path(id)});
    if (!exists_in_repository(m_root, path))
        throw Error(ErrorKind::not_found,
                    fmt::format("the letter {} that {} names is missing", path, id));
    return read_repository_file(m_root, path, k_largest_letter,
                                "letters kept must be plain files in the repository");
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
        return exists_in_repository(m_store.root(), path) ||
               std::any_of(m_letters.begin(), m_letters.end(),
                           [&](const PendingLetter& letter) { return letter.path == path; });
    };
    // A letter drafted from the case and complaints.yaml carries what they
    // hold: a control character there is refused now, naming where it came
    // from, not the letter's file, which is never written.
    if (const auto control = first_control_but_form_feed(text)) {
        const auto [line, column] = line_column_at(text, *control);
        throw Error(ErrorKind::bad_data,
                    fmt::format("the {} letter for {} would hold a control character (line {}, "
                                "column {}) from this case's text or a name in complaints.yaml, "
                                "which a terminal would obey; nothing was written: remove it "
                                "by hand (check names the field in the case)",
                                name, id, line, column),
                    Location{m_store.display_path(id)});
    }
    std::string path = stem + ".md";
    for (int n = 2; taken(path); ++n)
        path = fmt::format("{}-{}.md", stem, n);
    m_letters.push_back({id, path, std::move(text)});
    return path;
}

StoreWriter::StagedLetters::~StagedLetters() {
    if (kept)
        return;
    // Best effort: each removal alone, so one that fails leaves the rest
    // taken back (check reports a letter no event names).
    for (auto file = files.rbegin(); file != files.rend(); ++file)
        try {
            remove_in_repository(root, *file);
        } catch (const Error&) {
        }
    for (auto folder = folders.rbegin(); folder != folders.rend(); ++folder)
        try {
            remove_in_repository(root, folder->lexically_relative(root), true);
        } catch (const Error&) {
        }
}

void StoreWriter::stage_letters(const std::string& id, StagedLetters& staged) {
    const auto mine = [&](const PendingLetter& letter) { return letter.id == id; };
    if (std::none_of(m_letters.begin(), m_letters.end(), mine))
        return;
    // Every letter is checked before the first is written.
    for (const auto& letter : m_letters)
        if (mine(letter))
            check_letter_text(letter.text, m_store.config().policy, letter.path);
    open_folder_in_repository(m_store.root(), letters_folder(id), &staged.folders);
    // New folders are entries of their parents: make them durable too.
    for (const fs::path& folder : staged.folders)
        staged.doubts.emplace_back(folder, sync_folder(folder.parent_path()).value_or(""));
    // Every letter written and synced before the first is published: a full
    // disk stops the command while nothing is there yet.
    std::vector<std::unique_ptr<AtomicFile>> files;
    for (const auto& letter : m_letters)
        if (mine(letter)) {
            files.push_back(std::make_unique<AtomicFile>(m_store.root(), letter.path));
            files.back()->write(letter.text);
            files.back()->prepare();
        }
    std::size_t k = 0;
    for (const auto& letter : m_letters) {
        if (!mine(letter))
            continue;
        AtomicFile& file = *files[k++];
        if (!file.commit_new())
            throw Error(ErrorKind::io,
                        fmt::format("{} appeared while it was being kept (something other than "
                                    "complaints wrote it); the case was not changed, try again",
                                    letter.path));
        staged.files.push_back(letter.path);
        staged.doubts.emplace_back(m_store.root() / letter.path, file.doubt());
    }
    std::erase_if(m_letters, mine);
}

} // namespace complaints
