// SPDX-License-Identifier: Apache-2.0
// Attachments kept: evidence as it came in, one file per content under
// attachments/<ID>/, created once and never rewritten. An event's
// `attachment` names its file; these are the only reads and writes of that
// folder.
#include "complaints/store/attachments.hpp"

#include "complaints/base/digest.hpp"
#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/store/atomic_file.hpp"
#include "complaints/store/in_repository.hpp"

#include <fmt/format.h>
#include <magic.h>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace complaints {

namespace fs = std::filesystem;

namespace {

std::string attachments_folder(const std::string& id) {
    return "attachments/" + id + "/";
}

// A name kept_file_name could have written: letters, digits, '-', '_' and
// '.', not hidden, holding a SHA-256. Keeps an edited `file:` from reaching
// outside the case's folder.
bool is_kept_name(std::string_view name) {
    if (name.size() < 64 || name.front() == '.' || name.find("..") != std::string_view::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

// The name reduced to letters, digits, '-', '_' and '.', each run of
// anything else one '-', at most `most` bytes.
std::string plain_name(std::string_view name, std::size_t most) {
    std::string plain;
    for (const char c : name) {
        if (plain.size() >= most)
            break;
        const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
        if (keep)
            plain += c;
        else if (!plain.empty() && plain.back() != '-')
            plain += '-';
    }
    while (!plain.empty() && (plain.back() == '-' || plain.back() == '.'))
        plain.pop_back();
    while (!plain.empty() && (plain.front() == '.' || plain.front() == '-'))
        plain.erase(plain.begin());
    return plain;
}

// One libmagic cookie for the process, its database loaded once: loading
// it is most of the cost of a look.
std::string magic_type(std::string_view bytes) {
    static std::mutex guard;
    static const std::unique_ptr<magic_set, decltype(&magic_close)> cookie = [] {
        std::unique_ptr<magic_set, decltype(&magic_close)> made(
            magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR), &magic_close);
        if (made && magic_load(made.get(), nullptr) != 0)
            made.reset();
        return made;
    }();
    const std::lock_guard lock(guard);
    if (!cookie)
        throw Error(ErrorKind::io, "cannot load libmagic's database of file types");
    const char* type = magic_buffer(cookie.get(), bytes.data(), bytes.size());
    return type ? type : "application/octet-stream";
}

// Whether the patient-data guard can read the file as text.
bool readable_text(const Attachment& a, std::string_view bytes) {
    const bool texty = a.media_type.starts_with("text/") || a.media_type == "application/json" ||
                       a.media_type == "application/xml" || a.media_type == "message/rfc822";
    return texty && !first_invalid_byte(bytes);
}

void check_size(const IncomingFile& file, const Config& config) {
    const std::size_t limit = std::size_t(config.attachment_limit_mb) << 20;
    if (file.bytes.size() > limit)
        throw Error(ErrorKind::refused, fmt::format("cannot attach {}", file.name),
                    {Problem(ProblemCode::attachment_too_large,
                             fmt::format("it is {:.1f} MB, past the repository's limit of {} MB",
                                         double(file.bytes.size()) / (1 << 20),
                                         config.attachment_limit_mb))});
    if (file.name.empty() || file.bytes.empty())
        field_error(ProblemCode::value_invalid,
                    file.name.empty() ? "{name}: a file attached needs the name it came with"
                                      : fmt::format("{} is empty: nothing to keep", file.name));
}

// Refuses a text file that holds what the policy forbids, at its line.
void guard_text(const CheckedFile& file, const Policy& policy) {
    const auto found = find_patient_data(file.bytes, policy);
    if (!found)
        return;
    const auto [line, column] = line_column_at(file.bytes, found->offset);
    throw Error(ErrorKind::refused,
                fmt::format("contains {} ('{}'): the platform's policy forbids patient details in "
                            "its records, attachments included; remove them and attach it again",
                            found->what,
                            std::string_view(file.bytes).substr(found->offset, found->length)),
                Location{file.attachment.name, line, column});
}

bool attachment_exists(const fs::path& path) {
    std::error_code ec;
    return fs::symlink_status(path, ec).type() != fs::file_type::not_found;
}

// A folder the attachments go into: a real folder, never a link to
// somewhere else (lstat, not stat).
void require_real_folder(const fs::path& folder, const std::string& shown) {
    struct stat info {};
    if (::lstat(folder.c_str(), &info) != 0)
        fail_on_file("inspect", folder);
    if (!S_ISDIR(info.st_mode))
        throw Error(ErrorKind::bad_data,
                    fmt::format("is {}; attachments are kept only in a plain folder of the "
                                "repository",
                                file_kind(info.st_mode)),
                    Location{shown});
}

} // namespace

std::string media_type_of(std::string_view bytes) {
    return magic_type(bytes);
}

std::string kept_file_name(std::string_view name, std::string_view sha256) {
    const std::string_view base = name.substr(name.find_last_of("/\\") + 1);
    const std::size_t dot = base.rfind('.');
    const bool has_extension = dot != std::string_view::npos && dot > 0 && base.size() - dot <= 9;
    const std::string extension = has_extension ? plain_name(base.substr(dot + 1), 8) : "";
    std::string stem = plain_name(has_extension ? base.substr(0, dot) : base, 60);
    if (stem.empty())
        stem = "attachment";
    return stem + "-" + std::string(sha256) + (extension.empty() ? "" : "." + extension);
}

CheckedFile check_incoming(IncomingFile file, const Config& config) {
    check_size(file, config);
    require_clean_text(file.name, "{name}");
    CheckedFile checked;
    checked.attachment.sha256 = sha256_hex(file.bytes);
    checked.attachment.name = file.name;
    checked.attachment.file = kept_file_name(file.name, checked.attachment.sha256);
    checked.attachment.media_type = media_type_of(file.bytes);
    checked.attachment.size = static_cast<int>(file.bytes.size());
    checked.bytes = std::move(file.bytes);
    if (!config.policy.patient_data_guard)
        return checked;
    if (readable_text(checked.attachment, checked.bytes))
        guard_text(checked, config.policy);
    else
        checked.caution =
            fmt::format("the patient-data guard cannot read {} ({}): make sure it holds no "
                        "patient details",
                        checked.attachment.name, checked.attachment.media_type);
    return checked;
}

std::vector<const Event*> attachments_of(const Case& c) {
    std::vector<const Event*> found;
    for (const auto& event : c.events)
        if (event.attachment && !is_void(c, event))
            found.push_back(&event);
    return found;
}

const Event& attachment_numbered(const Case& c, int number) {
    const auto all = attachments_of(c);
    if (number < 1 || static_cast<std::size_t>(number) > all.size())
        field_error(ProblemCode::no_such_item,
                    all.empty() ? fmt::format("{} keeps no attachments", c.id)
                                : fmt::format("{} has no attachment {} (it keeps 1 to {})", c.id,
                                              number, all.size()),
                    c.id);
    return *all[static_cast<std::size_t>(number) - 1];
}

Event& attach_file(Case& c, StoreWriter& writer, Event event, const CheckedFile& file) {
    const auto all = attachments_of(c);
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i]->attachment->sha256 == file.attachment.sha256)
            throw Error(
                ErrorKind::refused, fmt::format("cannot attach {}", file.attachment.name),
                {Problem(ProblemCode::already_filed,
                         fmt::format("{} keeps the same file already, as attachment {} "
                                     "('{}', {})",
                                     c.id.empty() ? "the case" : c.id, i + 1,
                                     all[i]->attachment->name, format_timestamp(all[i]->at)),
                         c.id)});
    event.attachment = file.attachment;
    // A void attachment's file stays: the same content is named again.
    for (const auto& earlier : c.events)
        if (earlier.attachment && earlier.attachment->sha256 == file.attachment.sha256)
            event.attachment->file = earlier.attachment->file;
    writer.keep_attachment(c.id, *event.attachment, file.bytes);
    return add_event(c, std::move(event));
}

std::string Store::read_attachment(const std::string& id, const Attachment& attachment) const {
    if (!is_kept_name(attachment.file))
        throw Error(ErrorKind::bad_data,
                    fmt::format("an event names the attachment '{}', which is not a name the tool "
                                "keeps files under",
                                attachment.file),
                    Location{display_path(id)});
    const std::string path = attachments_folder(id) + attachment.file;
    if (!attachment_exists(m_root / path))
        throw Error(ErrorKind::not_found,
                    fmt::format("the attachment {} that {} names is missing", path, id));
    return read_plain_file(m_root / path, path,
                           std::max<std::size_t>(std::size_t(attachment.size) + 1, 1),
                           "attachments kept must be plain files");
}

std::vector<std::string> Store::kept_attachments() const {
    return kept_files(m_root, "attachments");
}

std::optional<std::string> attachment_problem(const Store& store, const std::string& id,
                                              const Attachment& attachment) {
    std::string bytes;
    try {
        bytes = store.read_attachment(id, attachment);
    } catch (const Error& e) {
        return e.what();
    }
    if (bytes.size() != std::size_t(attachment.size) || sha256_hex(bytes) != attachment.sha256)
        return fmt::format("{}{} is not the file attached: its SHA-256 is not the one its event "
                           "records (the file was changed or replaced)",
                           attachments_folder(id), attachment.file);
    return std::nullopt;
}

void StoreWriter::keep_attachment(const std::string& id, const Attachment& attachment,
                                  std::string bytes) {
    m_attachments.push_back({id, attachment, std::move(bytes)});
}

// The one place files are written under attachments/ (a guard against
// writing through links belongs here).
void StoreWriter::publish_attachments(const std::string& pending_id, const std::string& id) {
    const auto mine = [&](const PendingAttachment& kept) { return kept.id == pending_id; };
    if (std::none_of(m_attachments.begin(), m_attachments.end(), mine))
        return;
    const fs::path attachments = m_store.root() / "attachments";
    for (const fs::path& folder : {attachments, attachments / id}) {
        if (make_private_folders(folder))
            published(folder, sync_folder(folder.parent_path()).value_or(""));
        require_real_folder(folder, folder.lexically_relative(m_store.root()).generic_string());
    }
    for (const auto& kept : m_attachments) {
        if (!mine(kept))
            continue;
        const fs::path path = attachments / id / kept.attachment.file;
        // The same content kept before (its event void, or a write that
        // stopped before its case): the file is there already.
        if (attachment_exists(path) && !attachment_problem(m_store, id, kept.attachment))
            continue;
        AtomicFile file(path);
        file.write(kept.bytes);
        if (!file.commit_new())
            throw Error(ErrorKind::io,
                        fmt::format("{} is there already and is not the file attached (something "
                                    "other than complaints wrote it); the case was not changed",
                                    path.lexically_relative(m_store.root()).generic_string()));
        published(path, file.doubt());
    }
}

} // namespace complaints
