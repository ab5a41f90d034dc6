// SPDX-License-Identifier: Apache-2.0
#include "complaints/merge/re_id.hpp"

#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/case_id.hpp"
#include "complaints/store/in_repository.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace complaints {

namespace fs = std::filesystem;

namespace {

std::string free_id(const Store& store, const Case& c, std::mt19937_64& random) {
    const int year = static_cast<int>(local_date(c.received.utc, store.zone()).year());
    const auto taken = store.case_ids();
    for (int attempt = 0; attempt < 1000; ++attempt) {
        std::string id = make_case_id(store.config().prefix, year, random);
        if (!std::binary_search(taken.begin(), taken.end(), id) &&
            !exists_in_repository(store.root(), fs::path("letters") / id))
            return id;
    }
    throw Error(ErrorKind::io, "could not find a free case ID after 1000 tries");
}

// Writes `text` to `path`, which must not exist yet.
void write_fresh(const fs::path& root, std::string_view text, const std::string& shown) {
    AtomicFile file(root, shown);
    file.write(text);
    if (!file.commit_new())
        throw Error(ErrorKind::io, fmt::format("{} already exists; nothing was moved", shown));
}

} // namespace

std::string re_id_case(StoreWriter& writer, const std::string& id, Event why,
                       std::mt19937_64& random) {
    const Store& store = writer.store();
    Case c = store.load(id);
    const fs::path old_file = store.display_path(id);
    const std::string new_id = free_id(store, c, random);
    const std::string old_letters = "letters/" + id + "/";
    const std::string new_letters = "letters/" + new_id + "/";

    // The letters its events name: a file nobody names stays where it is.
    std::vector<std::string> letters;
    for (const auto& event : c.events)
        if (event.letter.starts_with(old_letters) &&
            std::find(letters.begin(), letters.end(), event.letter) == letters.end())
            letters.push_back(event.letter);
    if (!letters.empty()) {
        std::vector<fs::path> created;
        open_folder_in_repository(store.root(), new_letters, &created);
    }
    for (const auto& path : letters) {
        const std::string moved = new_letters + path.substr(old_letters.size());
        write_fresh(store.root(), store.read_letter(id, path), moved);
    }
    for (auto& event : c.events)
        if (event.letter.starts_with(old_letters))
            event.letter = new_letters + event.letter.substr(old_letters.size());
    c.id = new_id;
    add_event(c, std::move(why));
    guard_patient_data(c, store.config().policy);
    const std::string shown = "cases/" + new_id + ".yaml";
    write_fresh(store.root(), write_case(c), shown);

    remove_in_repository(store.root(), old_file);
    for (const auto& path : letters)
        remove_in_repository(store.root(), path);
    // A folder holding anything else stays.
    remove_in_repository(store.root(), old_letters.substr(0, old_letters.size() - 1), true);
    return new_id;
}

} // namespace complaints
