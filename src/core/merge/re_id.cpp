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
            !exists_in_repository(store.root(), fs::path("letters") / id) &&
            !exists_in_repository(store.root(), fs::path("attachments") / id))
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

// The case's kept files under `folder` (letters/ or attachments/), each
// named by its path there: the ones its events name, each once.
std::vector<std::string> named_files(const Case& c, const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& event : c.events) {
        std::string name;
        if (folder == "letters/" && event.letter.starts_with(folder + c.id + "/"))
            name = event.letter.substr(folder.size() + c.id.size() + 1);
        else if (folder == "attachments/" && event.attachment)
            name = event.attachment->file;
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    }
    return names;
}

// Copies the files `names` of case `id` under `folder` to the new ID's
// folder, byte for byte, read through the store's guards. A file that is
// missing stays missing (check reports it under the new ID); returns the
// old paths copied, for the caller to remove once the case is written.
std::vector<std::string> copy_files(const Store& store, const Case& c, const std::string& folder,
                                    const std::string& new_id) {
    const std::string from = folder + c.id + "/";
    const std::string to = folder + new_id + "/";
    std::vector<std::string> copied;
    for (const auto& name : named_files(c, folder)) {
        if (!exists_in_repository(store.root(), from + name))
            continue;
        std::string bytes;
        if (folder == "letters/")
            bytes = store.read_letter(c.id, from + name);
        for (const auto& event : c.events)
            if (bytes.empty() && event.attachment && event.attachment->file == name)
                bytes = store.read_attachment(c.id, *event.attachment);
        if (copied.empty()) {
            std::vector<fs::path> created;
            open_folder_in_repository(store.root(), to, &created);
        }
        write_fresh(store.root(), bytes, to + name);
        copied.push_back(from + name);
    }
    return copied;
}

} // namespace

std::string re_id_case(StoreWriter& writer, const std::string& id, Event why,
                       std::mt19937_64& random) {
    const Store& store = writer.store();
    Case c = store.load(id);
    const fs::path old_file = store.display_path(id);
    const std::string new_id = free_id(store, c, random);
    // Letters and attachments keep their names in their new folders; an
    // attachment's event names its file alone, so only a letter's path
    // changes.
    std::vector<std::string> moved = copy_files(store, c, "letters/", new_id);
    for (auto& path : copy_files(store, c, "attachments/", new_id))
        moved.push_back(std::move(path));
    const std::string old_letters = "letters/" + id + "/";
    for (auto& event : c.events)
        if (event.letter.starts_with(old_letters))
            event.letter = "letters/" + new_id + "/" + event.letter.substr(old_letters.size());
    c.id = new_id;
    add_event(c, std::move(why));
    guard_patient_data(c, store.config().policy);
    write_fresh(store.root(), write_case(c), "cases/" + new_id + ".yaml");

    remove_in_repository(store.root(), old_file);
    for (const auto& path : moved)
        remove_in_repository(store.root(), path);
    // A folder holding anything else stays.
    for (const char* folder : {"letters/", "attachments/"})
        remove_in_repository(store.root(), folder + id, true);
    return new_id;
}

} // namespace complaints
