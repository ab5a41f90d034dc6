// SPDX-License-Identifier: Apache-2.0
// complaints attach: keep evidence with a case, byte for byte: a scan, a
// photograph, a statement, a form.
#include "commands.hpp"
#include "file_input.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/store/attachments.hpp"

#include <filesystem>

namespace complaints::cli {

namespace {

struct AttachOptions {
    std::string id;
    std::vector<std::string> files;
    std::string note;
    std::string name;
    WhenWho when_who;
};

// Every file read and checked before the lock: one refused stops them all.
std::vector<CheckedFile> checked_files(const AttachOptions& options, const Store& store) {
    if (std::count(options.files.begin(), options.files.end(), "-") > 1)
        throw Error(ErrorKind::usage, "FILE: standard input (-) can be read once");
    if (!options.name.empty() &&
        std::find(options.files.begin(), options.files.end(), "-") == options.files.end())
        throw Error(ErrorKind::usage, "--name names the file read from standard input (-)");
    // One byte past the limit is enough to know a file is past it.
    const std::size_t most = (std::size_t(store.config().attachment_limit_mb) << 20) + 1;
    std::vector<CheckedFile> checked;
    for (const auto& file : options.files) {
        if (file == "-" && options.name.empty())
            throw Error(ErrorKind::usage, "FILE -: give the file's name with --name NAME");
        const std::string name =
            file == "-" ? options.name : std::filesystem::path(file).filename().string();
        checked.push_back(check_incoming({name, bytes_from(file, most)}, store.config()));
    }
    return checked;
}

void run_attach(const AttachOptions& options, const Writer& repo) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(options.id);
    const std::string note = text_from_flag(options.note, "--note");
    const std::vector<CheckedFile> files = checked_files(options, store);
    std::vector<Event> added;
    update_case(repo, id, [&](Case& c, StoreWriter& writer) {
        for (const auto& file : files) {
            const std::string text =
                note.empty() ? fmt::format("{} attached", file.attachment.name) : note;
            added.push_back(attach_file(
                c, writer, make_event(EventType::attached, text, options.when_who, context, store),
                file));
        }
    });
    for (const auto& file : files)
        if (!file.caution.empty())
            fmt::print(stderr, "complaints: caution: {}\n", file.caution);
    for (const auto& event : added)
        fmt::print("{}: {} kept as attachments/{}/{}\n", id, event.attachment->name, id,
                   event.attachment->file);
}

} // namespace

void setup_attach(CLI::App& app, Context& context) {
    auto options = std::make_shared<AttachOptions>();
    CLI::App* command = app.add_subcommand(
        "attach", "keep files with a case as evidence (scans, photographs, statements), each "
                  "named by its SHA-256");
    command->add_option("ID", options->id, "the case (any unambiguous part of its ID)")->required();
    command->add_option("FILE", options->files, "the files to keep; - reads standard input")
        ->required();
    command
        ->add_option("--note", options->note,
                     "what the files are (the event's text); - reads standard input")
        ->option_text("TEXT");
    command
        ->add_option("--name", options->name,
                     "the name of the file read from standard input (FILE -)")
        ->option_text("NAME");
    add_when_who(*command, options->when_who);
    writes(*command, context, [options](const Writer& repo) { run_attach(*options, repo); });
}

} // namespace complaints::cli
