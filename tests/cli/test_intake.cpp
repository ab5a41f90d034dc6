// SPDX-License-Identifier: Apache-2.0
// A mailbox that feeds the repository: `intake --maildir` files the new
// messages of a real Maildir (a reply on its case, anything else a new
// case), moves each to cur/ once filed, and takes nothing twice, even when
// killed between filing a message and moving it.
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

constexpr int k_bad_data = 4;

std::string message(const std::string& name) {
    return test::read_text(fs::path(test::test_data_path()) / "email" / name);
}

// A repository and a Maildir beside it, as getmail delivers: new/, cur/, tmp/.
struct Mailbox : test::Repo {
    fs::path maildir;
    Mailbox() {
        now = "2026-11-10T10:00:00+00:00";
        maildir = dir / "Maildir";
        for (const char* sub : {"new", "cur", "tmp"})
            fs::create_directories(maildir / sub);
    }
    void deliver(const std::string& name, const std::string& text) const {
        test::write_text(maildir / "new" / name, text);
    }
    // The morning's post: three complaints, a reply to the first, the first
    // again (a resend), and a file that is not an email.
    void morning() const {
        deliver("1762074845.M1P1.mx", message("multipart-attachments.eml"));
        deliver("1762074846.M2P1.mx", message("html-only.eml"));
        deliver("1762074847.M3P1.mx", message("qp-windows-1252.eml"));
        deliver("1762074848.M4P1.mx", message("reply-references.eml"));
        deliver("1762074849.M5P1.mx", message("multipart-attachments.eml"));
        deliver("1762074850.M6P1.mx", message("malformed.eml"));
    }
    test::Result intake(std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"intake", "--maildir", maildir.string()};
        args.insert(args.end(), more.begin(), more.end());
        return (*this)(args);
    }
    std::vector<std::string> in(const std::string& sub) const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(maildir / sub))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    nlohmann::json cases() const { return (*this)({"list", "--format", "json"}).json("cases"); }
    // The case whose complainant is `name`: its ID.
    std::string case_of(const std::string& name) const {
        for (const auto& c : cases())
            if (c["complainant"] == name)
                return c["id"];
        return {};
    }
};

// What a run of intake killed at file-changing call `at` (0: none, the
// calls counted into dir/count) left, in a copy of `box`, then what a rerun
// without a fault made of it.
struct Killed {
    test::Result result;
    std::multiset<std::string> messages;     // every message's bytes, new/ and cur/
    std::vector<std::string> after_rerun;    // each case: complainant, event types
    std::vector<std::string> rerun_problems; // check's, past a crash's leftovers
    long calls = 0;                          // of a run that was not killed
};

std::vector<std::string> cases_filed(const test::Repo& repo) {
    std::vector<std::string> found;
    for (const auto& listed : repo({"list", "--format", "json"}).json("cases")) {
        std::string line = listed["complainant"];
        for (const auto& event :
             repo({"show", listed["id"].get<std::string>(), "--format", "json"}).json("events"))
            line += " " + event["type"].get<std::string>();
        found.push_back(line);
    }
    std::sort(found.begin(), found.end());
    return found;
}

Killed killed_at(const Mailbox& box, long at) {
    test::Repo copy;
    copy.now = box.now;
    fs::remove_all(copy.root);
    fs::copy(box.root, copy.root, fs::copy_options::recursive);
    const fs::path maildir = copy.dir / "Maildir";
    fs::copy(box.maildir, maildir, fs::copy_options::recursive);
    test::Run run;
    run.args = {"intake", "--maildir", maildir.string()};
    run.cwd = copy.root;
    run.env = {{"COMPLAINTS_NOW", box.now},
               {"COMPLAINTS_USER", "Test User"},
               {"LD_PRELOAD", test::fault_shim_path()},
               {"COMPLAINTS_FAULT_AT", std::to_string(at)},
               {"COMPLAINTS_FAULT_KILL", "1"}};
    // Each run counts its own calls: how many a run makes varies by one or
    // two (what the cache keeps), so a kill numbered past a run's last call
    // lets that run finish, which it must then do cleanly.
    const fs::path counted = at == 0 ? box.dir / "count" : copy.dir / "count";
    run.env["COMPLAINTS_FAULT_COUNT"] = counted.string();
    Killed killed;
    killed.result = test::run(run);
    if (at > 0 && killed.result.exit_code == 0)
        killed.calls = std::stol(test::read_text(counted));
    for (const char* sub : {"new", "cur"})
        for (const auto& entry : fs::directory_iterator(maildir / sub))
            killed.messages.insert(test::read_text(entry.path()));
    const auto rerun = copy({"intake", "--maildir", maildir.string()});
    if (rerun.exit_code != 0)
        killed.rerun_problems.push_back("rerun: " + rerun.err);
    if (!fs::is_empty(maildir / "new"))
        killed.rerun_problems.push_back("a message is left in new/");
    killed.after_rerun = cases_filed(copy);
    // A crash may leave a temporary or a file no event names (check says
    // so); a deadline passed is the agenda's, not the crash's; anything else
    // is a problem.
    for (const auto& problem : copy({"check", "--format", "json"}).json("problems")) {
        const std::string message = problem["message"];
        if (!problem["agenda"].get<bool>() && !test::has(message, "no event names this file") &&
            !test::has(message, "temporary"))
            killed.rerun_problems.push_back(problem["file"].get<std::string>() + ": " + message);
    }
    return killed;
}

} // namespace

TEST_SUITE("intake: a Maildir feeds the repository") {
    TEST_CASE("each new message is filed once: complaints opened, a reply logged on its case by "
              "References, a resend skipped, a malformed one left in new/") {
        Mailbox box;
        box.morning();
        const auto run = box.intake();
        CHECK(run.exit_code == k_bad_data);
        CHECK(test::has(run.out, "6 messages: 3 opened, 1 logged on their cases, 1 filed "
                                 "already, 0 for review, 1 not filed"));
        CHECK(test::has(run.err, "new/1762074850.M6P1.mx not filed, left in new/"));
        CHECK(box.in("new") == std::vector<std::string>{"1762074850.M6P1.mx"});
        CHECK(box.in("cur") ==
              std::vector<std::string>{"1762074845.M1P1.mx:2,S", "1762074846.M2P1.mx:2,S",
                                       "1762074847.M3P1.mx:2,S", "1762074848.M4P1.mx:2,S",
                                       "1762074849.M5P1.mx:2,S"});
        CHECK(box.cases().size() == 3);
        const std::string aisha = box.case_of("Aisha Patel");
        REQUIRE_FALSE(aisha.empty());
        CHECK(test::has(run.out, "new/1762074848.M4P1.mx: logged on " + aisha));
        CHECK(test::has(run.out, "new/1762074849.M5P1.mx: filed already on " + aisha));
        const auto shown = box({"show", aisha, "--format", "json"}).json();
        int emails = 0;
        for (const auto& event : shown["events"])
            emails += event["type"] == "email";
        CHECK(emails == 1);
        CHECK(box({"check"}).exit_code == 0);
        // Run again: nothing is taken twice.
        const auto again = box.intake();
        CHECK(test::has(again.out, "1 message: 0 opened, 0 logged"));
        CHECK(box.cases().size() == 3);
    }

    TEST_CASE("a reply naming its case ID in the subject is logged on that case") {
        Mailbox box;
        const std::string id = box.open_case("2026-11-02 09:00", {"--complainant", "Mr T Hale"});
        box.deliver("1762074900.M1P1.mx",
                    "Received: from mx by mail; Mon, 9 Nov 2026 09:00:00 +0000\n"
                    "From: Tom Hale <tom.hale@example.net>\nSubject: Re: Your complaint " +
                        id + "\nMessage-ID: <id-in-subject@example.net>\n\nThank you.\n");
        const auto run = box.intake();
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        CHECK(test::has(run.out, "logged on " + id));
        CHECK(box.cases().size() == 1);
    }

    TEST_CASE("--dry-run says what each message would become and writes and moves nothing") {
        Mailbox box;
        box.deliver("1.M1.mx", message("html-only.eml"));
        const auto before = box.snapshot();
        const auto run = box.intake({"--dry-run"});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        CHECK(test::has(run.out, "new/1.M1.mx: would open a new case (from tom.hale@example.net"));
        CHECK(box.snapshot() == before);
        CHECK(box.in("new") == std::vector<std::string>{"1.M1.mx"});
    }

    TEST_CASE("--review files replies and leaves a message that names no case in new/") {
        Mailbox box;
        box.deliver("1.M1.mx", message("html-only.eml"));
        const auto run = box.intake({"--review"});
        REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        CHECK(test::has(run.out, "left in new/ for review"));
        CHECK(box.cases().empty());
        CHECK(box.in("new") == std::vector<std::string>{"1.M1.mx"});
    }

    TEST_CASE("killed between filing a message and moving it: the rerun moves it without "
              "filing it again, and files the rest") {
        Mailbox box;
        box.morning();
        test::Run killed;
        killed.args = {"intake", "--maildir", box.maildir.string()};
        killed.cwd = box.root;
        killed.env = {{"COMPLAINTS_NOW", box.now},
                      {"COMPLAINTS_USER", "Test User"},
                      {"COMPLAINTS_TEST_KILL_AFTER", "2"}};
        const auto first = test::run(killed);
        CHECK(first.exit_code == 128 + 9);
        // The second message's case is written; the message is still new.
        CHECK(box.cases().size() == 2);
        CHECK(box.in("cur").size() == 1);
        const auto rerun = box.intake();
        CHECK(test::has(rerun.out, "new/1762074846.M2P1.mx: filed already on"));
        CHECK(box.cases().size() == 3);
        CHECK(box.in("new") == std::vector<std::string>{"1762074850.M6P1.mx"});
        CHECK(box.in("cur").size() == 5);
        CHECK(box({"check"}).exit_code == 0);
    }

    TEST_CASE("killed at each call that changes a file: every message is filed or untouched, "
              "and the rerun files each exactly once") {
        if (!*test::fault_shim_path()) {
            MESSAGE("skipped: the sanitiser builds have no fault injector");
            return;
        }
        Mailbox box;
        box.deliver("1762074845.M1P1.mx", message("multipart-attachments.eml"));
        box.deliver("1762074846.M2P1.mx", message("html-only.eml"));
        box.deliver("1762074848.M4P1.mx", message("reply-references.eml"));
        const auto clean = killed_at(box, 0);
        REQUIRE_MESSAGE(clean.result.exit_code == 0, clean.result.err);
        const long calls = std::stol(test::read_text(box.dir / "count"));
        REQUIRE(calls > 10);
        for (long at = 1; at <= calls; ++at) {
            const auto run = killed_at(box, at);
            INFO("killed at call ", at, " of ", calls, ": exit ", run.result.exit_code, "\n",
                 run.result.err);
            if (run.result.exit_code == 0)
                CHECK(run.calls < at); // it made fewer calls than the one to kill
            else
                CHECK(run.result.exit_code == 128 + 9);
            // Each message is in new/ or cur/, once, as it came.
            CHECK(run.messages == clean.messages);
            CHECK(run.after_rerun == clean.after_rerun);
            std::string problems;
            for (const auto& problem : run.rerun_problems)
                problems += "[" + problem + "]";
            CHECK_MESSAGE(run.rerun_problems.empty(), problems);
        }
        MESSAGE(calls << " kills, each followed by a rerun");
    }

    TEST_CASE("a folder that is not a Maildir is a usage error") {
        Mailbox box;
        CHECK(test::has(box.refused({"intake", "--maildir", (box.dir / "nowhere").string()}, 2),
                        "not a Maildir"));
    }
}
