// SPDX-License-Identifier: Apache-2.0
// complaints intake --maildir: the complaints mailbox feeds the repository.
// Each new message is filed (a reply on its case, anything else a new case)
// and then moved to cur/, so that a run stopped anywhere takes nothing twice
// and loses nothing.
#include "commands.hpp"
#include "file_input.hpp"
#include "problem_text.hpp"

#include "complaints/base/text.hpp"
#include "complaints/store/email_filing.hpp"
#include "complaints/store/maildir.hpp"

#include <csignal>
#include <cstdlib>

namespace complaints::cli {

namespace {

struct IntakeOptions {
    std::string maildir;
    bool dry_run = false;
    bool review = false;
    std::string by;
};

struct Tally {
    int opened = 0;
    int logged = 0;
    int already = 0;
    int review = 0;
    int failed = 0;
};

// What one run knows and holds: the store, its writer (none on a dry run),
// and every Message-ID filed, kept up to date as messages are filed.
struct Intake {
    const IntakeOptions& options;
    const Context& context;
    const Store& store;
    StoreWriter* writer;
    MessageIndex index;
    Tally tally;
    std::string by;
};

std::string message_line(const Email& email) {
    return fmt::format("from {}: {}", email.sender_address,
                       email.subject.empty() ? "(no subject)" : email.subject);
}

// $COMPLAINTS_TEST_KILL_AFTER=N: the process kills itself once the Nth
// message is filed and before it is moved, the worst moment to stop, so
// that the tests can prove a rerun neither loses it nor files it twice.
void test_stop(int filed) {
    if (const char* after = std::getenv("COMPLAINTS_TEST_KILL_AFTER"))
        if (std::atoi(after) == filed)
            std::raise(SIGKILL);
}

bool case_exists(const Store& store, const std::string& id) {
    try {
        return store.resolve(id) == id;
    } catch (const Error&) {
        return false;
    }
}

// Logs the message on case `id`; returns what to say.
std::string log_reply(Intake& run, const IncomingEmail& incoming, const std::string& id) {
    if (!run.writer)
        return fmt::format("would be logged on {}", id);
    Case c = run.store.load(id);
    Event event;
    event.type = EventType::email;
    event.at = in_zone(incoming.email.received, run.store.zone());
    event.recorded = in_zone(run.context.now, run.store.zone());
    event.by = run.by;
    event.text = email_event_text(incoming.email);
    event.direction = Direction::received;
    file_email(c, *run.writer, event, incoming);
    run.writer->save(c);
    add_to_index(run.index, c);
    ++run.tally.logged;
    return fmt::format("logged on {}", id);
}

std::string open_new(Intake& run, const IncomingEmail& incoming) {
    if (run.options.review) {
        ++run.tally.review;
        return "left in new/ for review: no case named; 'complaints open --from-email FILE' "
               "opens one";
    }
    if (!run.writer)
        return "would open a new case";
    Case c = case_from_email(incoming.email, run.store.config(), run.store.zone(), run.by,
                             run.context.now);
    file_email(c, *run.writer, c.events.front(), incoming);
    c.id = run.writer->create(c, run.context.random);
    add_to_index(run.index, c);
    ++run.tally.opened;
    return fmt::format("opened {}", c.id);
}

// Files one message and says what became of it; it is moved to cur/ only
// once its case is written.
void take_message(Intake& run, const MaildirMessage& message) {
    const std::string shown = "new/" + message.name;
    const std::size_t most = (std::size_t(run.store.config().attachment_limit_mb) << 20) + 1;
    const IncomingEmail incoming =
        incoming_email(bytes_from(message.path.string(), most), shown, run.store.config());
    std::string done;
    bool move = true;
    if (const auto filed = run.index.find(incoming.email.message_id); filed != run.index.end()) {
        ++run.tally.already;
        done = fmt::format("filed already on {}; moved to cur/", filed->second);
    } else if (const auto id = case_answered(incoming.email, run.index, [&](const auto& id) {
                   return case_exists(run.store, id);
               })) {
        done = log_reply(run, incoming, *id);
    } else {
        done = open_new(run, incoming);
        move = !run.options.review;
    }
    for (const auto& caution : incoming.cautions)
        fmt::print(stderr, "complaints: caution: {}: {}\n", shown, caution);
    if (run.writer && move) {
        test_stop(run.tally.opened + run.tally.logged);
        mark_taken(run.options.maildir, message);
    }
    fmt::print("{}: {} ({})\n", shown, done, visible_controls(message_line(incoming.email)));
}

void take_all(Intake& run, const std::vector<MaildirMessage>& messages) {
    run.index = message_index(run.context.slim_all(run.store, true));
    for (const auto& message : messages) {
        try {
            take_message(run, message);
        } catch (const Error& e) {
            // One message that cannot be filed stays where it is, untouched,
            // and the others go on.
            ++run.tally.failed;
            fmt::print(stderr, "complaints: new/{} not filed, left in new/: {}\n", message.name,
                       error_text(e));
        }
    }
}

void run_intake(const IntakeOptions& options, const Writer& repo) {
    const auto& [context, store] = repo;
    const auto messages = new_messages(options.maildir);
    Intake run{options, context, store, nullptr, {}, {}, context.author(options.by, store)};
    if (options.dry_run || messages.empty()) {
        take_all(run, messages);
    } else {
        StoreWriter writer = repo.lock();
        run.writer = &writer;
        take_all(run, messages);
    }
    const Tally& t = run.tally;
    fmt::print("{} message{}: {} opened, {} logged on their cases, {} filed already, {} for "
               "review, {} not filed{}\n",
               messages.size(), messages.size() == 1 ? "" : "s", t.opened, t.logged, t.already,
               t.review, t.failed, options.dry_run ? " (dry run: nothing written or moved)" : "");
    if (t.failed > 0)
        throw Error(ErrorKind::bad_data,
                    fmt::format("{} message{} could not be filed and {} left in {}/new", t.failed,
                                t.failed == 1 ? "" : "s", t.failed == 1 ? "is" : "are",
                                options.maildir));
}

} // namespace

void setup_intake(CLI::App& app, Context& context) {
    auto options = std::make_shared<IntakeOptions>();
    CLI::App* command = app.add_subcommand(
        "intake", "file the new messages of a Maildir: a reply on its case, anything else as a "
                  "new case");
    command
        ->add_option("--maildir", options->maildir,
                     "the Maildir (with new/ and cur/) that getmail, fetchmail, offlineimap or "
                     "procmail delivers to")
        ->option_text("DIR")
        ->required();
    command->add_flag("--dry-run", options->dry_run,
                      "say what each message would become; write and move nothing");
    command->add_flag("--review", options->review,
                      "file replies, but leave a message that names no case in new/, listed, "
                      "for the manager to open or not");
    command->add_option("--by", options->by, "who files them; default as for every command")
        ->option_text("NAME");
    writes_files(*command, context, [options](const Writer& repo) { run_intake(*options, repo); });
}

} // namespace complaints::cli
