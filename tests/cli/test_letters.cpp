// SPDX-License-Identifier: Apache-2.0
// Letters sent are kept: the exact bytes that went, in letters/<ID>/, named
// by the event that sent them, printable at any time, open or closed.
#include "kept_letter.hpp"
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace {

constexpr int k_usage = 2;
constexpr int k_not_found = 3;
constexpr int k_bad_data = 4;
constexpr int k_refused = 5;
constexpr int k_io = 6;

// A clinic complaint received on Monday 2 November 2026, ready for its
// response; now is Tuesday 10 November.
struct Clinic : test::Repo {
    std::string id;
    Clinic() {
        now = "2026-11-10T10:00:00+00:00";
        id = open_case("2026-11-02 09:30",
                       {"--complainant", "Mrs Grace Okafor", "--category", "clinical",
                        "--practitioner", "Dr Lena Marsh", "--point", "Burn after laser"});
    }
    void ready() const {
        ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
            "The laser setting was too high."});
        ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        ok({"log", id, "--type", "interview", "--text", "Dr Marsh went through the settings",
            "--with", "Dr Lena Marsh"});
    }
    std::string letter_path() const { return test::kept_letter(root, id, "2026-11-10-response"); }
    std::string kept(const std::string& path) const { return test::read_text(root / path); }
    nlohmann::json event(const std::string& type) const {
        nlohmann::json found;
        const auto shown = (*this)({"show", id, "--format", "json"}).json();
        for (const auto& event : shown["events"])
            if (event["type"] == type)
                found = event;
        return found;
    }
};

// A platform complaint received on Monday 16 November 2026.
struct Platform : test::Repo {
    std::string id;
    Platform() : test::Repo("platform", "LAN") {
        now = "2026-11-20T10:00:00+00:00";
        id = open_case("2026-11-16 09:00",
                       {"--complainant", "Practice manager", "--about", "Dr Sam Keane", "--gmc",
                        "7123456", "--type", "late", "--point", "Late for the session"});
        ok({"assign", id, "--to", "Priya Shah", "--at", "2026-11-16 11:00"});
        ok({"log", id, "--type", "shared-with-complainee", "--text", "Form shared", "--at",
            "2026-11-16 12:00"});
        ok({"log", id, "--type", "investigation-complete", "--text", "Done", "--at",
            "2026-11-17 12:00"});
    }
};

} // namespace

TEST_SUITE("letters: the response sent is kept") {
    TEST_CASE("the letter kept is the draft printed just before --sent, byte for byte, and "
              "prints again once the case is closed") {
        Clinic clinic;
        clinic.ready();
        const auto draft = clinic({"respond", "draft", clinic.id});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        const auto sent = clinic({"respond", "send", clinic.id, "--via", "letter"});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK(sent.out ==
              clinic.id + ": Written response sent by letter, on time (due 2026-11-20)\n");
        CHECK(sent.err.starts_with("complaints: the letter sent is kept in " +
                                   clinic.letter_path() + "\n"));
        CHECK(clinic.event("response-sent")["letter"] == clinic.letter_path());
        CHECK(clinic.kept(clinic.letter_path()) == draft.out);
        CHECK(clinic({"show", clinic.id, "--letter"}).out == draft.out);
        const auto page = clinic({"show", clinic.id, "--letter", "--format", "html"});
        CHECK(page.exit_code == 0);
        CHECK(test::has(page.out, "<html"));
        CHECK(test::has(page.out, "Yours sincerely"));
        CHECK(clinic({"show", clinic.id, "--letter", "--format", "json"}).exit_code == 2);
        CHECK(clinic({"show", clinic.id, "--format", "html"}).exit_code == 2);
        CHECK(clinic({"show", clinic.id}).out.find("Letter kept: " + clinic.letter_path()) !=
              std::string::npos);

        // The case moves on and closes; the letter sent stays as it went.
        clinic.now = "2026-11-20T10:00:00+00:00";
        clinic.ok({"respond", "apology", clinic.id, "--text", "We are sorry.", "--correction",
                   "The letter sent had no apology"});
        clinic.ok({"close", clinic.id, "--outcome", "upheld", "--no-learning", "Isolated error"});
        const auto again = clinic({"show", clinic.id, "--letter"});
        REQUIRE_MESSAGE(again.exit_code == 0, again.err);
        CHECK(again.out == draft.out);
        CHECK(clinic.kept(clinic.letter_path()) == draft.out);

        // --draft still works on the closed case: the letter as it would be now.
        const auto redraft = clinic({"respond", "draft", clinic.id});
        REQUIRE_MESSAGE(redraft.exit_code == 0, redraft.err);
        CHECK(redraft.out != draft.out);
        CHECK(redraft.out.find("We are sorry.") != std::string::npos);
        CHECK(redraft.out.find("Date: 20 November 2026") != std::string::npos);
    }

    TEST_CASE("a back-dated response keeps the letter dated the day it went") {
        Clinic clinic;
        clinic.ready();
        const auto draft = clinic({"respond", "draft", clinic.id, "--at", "2026-11-09 16:00"});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(draft.out.find("Date: 9 November 2026") != std::string::npos);
        clinic.ok({"respond", "send", clinic.id, "--via", "email", "--at", "2026-11-09 16:00"});
        CHECK(clinic.kept(test::kept_letter(clinic.root, clinic.id, "2026-11-09-response")) ==
              draft.out);
    }

    TEST_CASE("--sent --letter FILE keeps exactly that file's bytes") {
        Clinic clinic;
        clinic.ready();
        const std::string edited =
            "# Lumiere\r\n\r\nDear Mrs Okafor,  \r\n\tcaf\xC3\xA9 \xF0\x9F\x98\x80"
            "\n---\nSigned by hand, no final line break";
        test::write_text(clinic.dir / "edited.md", edited);
        const auto sent = clinic({"respond", "send", clinic.id, "--via", "letter", "--letter",
                                  (clinic.dir / "edited.md").string()});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK(clinic.kept(clinic.letter_path()) == edited);
        CHECK(clinic({"show", clinic.id, "--letter"}).out == edited);
    }

    TEST_CASE("the letters folder passes check, a letter gone missing is reported") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        CHECK(clinic({"check"}).out.find("letter") == std::string::npos);
        const std::string letter = clinic.letter_path();
        std::filesystem::remove(clinic.root / letter);
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(checked.out.find(letter + " that " + clinic.id + " names is missing") !=
              std::string::npos);
        const auto shown = clinic({"show", clinic.id, "--letter"});
        CHECK(shown.exit_code == k_not_found);
        CHECK(shown.err.find("is missing") != std::string::npos);
    }

    TEST_CASE("check reports a letter a pull left with git's conflict markers") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        const std::string letter = clinic.letter_path();
        test::write_text(clinic.root / letter, "Dear Mrs Okafor,\n<<<<<<< HEAD\nOurs\n=======\n"
                                               "Theirs\n>>>>>>> origin/main\n");
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(test::has(checked.out, letter + ":2: git's conflict markers: two sites kept "
                                              "different letters under this name"));
        // A Markdown underline alone is not a conflict.
        test::write_text(clinic.root / letter, "Dear Mrs Okafor,\n\nFindings\n=======\n");
        CHECK_FALSE(test::has(clinic({"check"}).out, "conflict"));
    }

    TEST_CASE("check reports a letter no event names") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        const auto stray = "letters/" + clinic.id + "/2026-11-11-letter.md";
        test::write_text(clinic.root / stray, "Dear Mrs Okafor,\n");
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(checked.out.find(stray + ": no event names this letter") != std::string::npos);
        CHECK(checked.out.find(clinic.letter_path() + ": no event") == std::string::npos);
        std::filesystem::remove(clinic.root / stray);
        CHECK(clinic({"check"}).exit_code == 0);
    }

    TEST_CASE("an event's letter outside its case's folder is bad data, never read") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        const auto file = clinic.root / "cases" / (clinic.id + ".yaml");
        std::string text = test::read_text(file);
        const std::string path = "\"" + clinic.letter_path() + "\"";
        text.replace(text.find(path), path.size(),
                     "\"letters/" + clinic.id + "/../../complaints.yaml\"");
        test::write_text(file, text);
        const auto shown = clinic({"show", clinic.id, "--letter"});
        CHECK(shown.exit_code == k_bad_data);
        CHECK(shown.err.find("not one of " + clinic.id + "'s letters") != std::string::npos);
        CHECK(shown.out.empty());
    }

    TEST_CASE("a case with no letter kept says so") {
        Clinic clinic;
        const auto shown = clinic({"show", clinic.id, "--letter"});
        CHECK(shown.exit_code == k_not_found);
        CHECK(shown.err == "complaints: " + clinic.id + " keeps no letter yet; 'respond draft " +
                               clinic.id + "' shows the response as it would be now\n");
        CHECK(clinic({"show", clinic.id, "--letter", "--format", "json"}).exit_code == k_usage);
    }

    TEST_CASE("the example keeps the letter as it went, before action 1 was done") {
        const auto root = std::filesystem::path(test::examples_path()) / "clinic";
        const auto shown = test::run({{"--repo", root.string(), "show", "XTE74M", "--letter"},
                                      "",
                                      {},
                                      {{"COMPLAINTS_NOW", "2026-11-22T12:00:00+00:00"}}});
        REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
        // The draft today (the golden file) says the action is done; the letter sent could not.
        std::string golden =
            test::read_text(std::string(test::test_data_path()) + "/letter-LUM-2026-XTE74M.md");
        const std::string done = "by 15 October 2026; done)";
        REQUIRE(golden.find(done) != std::string::npos);
        golden.replace(golden.find(done), done.size(), "by 15 October 2026)");
        // ... and it was written before statements said what kind they were.
        const std::string kind = "Dr Lena Marsh (written statement), ";
        REQUIRE(golden.find(kind) != std::string::npos);
        golden.replace(golden.find(kind), kind.size(), "Dr Lena Marsh, ");
        // ... and before letters summarised the treatment recorded.
        const std::string summary =
            "\nYour treatment: Lip filler (1 ml), on 28 August 2026, by Dr Lena Marsh.\n";
        REQUIRE(golden.find(summary) != std::string::npos);
        golden.erase(golden.find(summary), summary.size());
        // ... and before letters greeted the complainant by title and surname.
        const std::string greeting = "Dear Mrs Patel,";
        REQUIRE(golden.find(greeting) != std::string::npos);
        golden.replace(golden.find(greeting), greeting.size(), "Dear Mrs Aisha Patel,");
        CHECK(shown.out == golden);
    }

    TEST_CASE("the CQC summary points to the letter sent") {
        Clinic clinic;
        clinic.ready();
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        const auto summary = clinic({"report", "--month", "2026-11", "--cqc-summary"});
        REQUIRE_MESSAGE(summary.exit_code == 0, summary.err);
        CHECK(summary.out.find("(letter sent: " + clinic.letter_path() + ")") != std::string::npos);
    }
}

TEST_SUITE("letters: delay and acknowledgement") {
    TEST_CASE("an explanation of delay keeps the letter --delay --draft printed") {
        Clinic clinic;
        const std::vector<std::string> delay{"respond", "delay", clinic.id, "--reason",
                                             "We are waiting for the laser service report."};
        auto with_draft = delay;
        with_draft.push_back("--draft");
        const auto draft = clinic(with_draft);
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(draft.out.find("## Why it is taking longer\n\nWe are waiting for the laser service "
                             "report.\n") != std::string::npos);
        // A fresh 14 working days from the letter of Tuesday 10 November.
        CHECK(draft.out.find("our full written response by 30 November 2026.") !=
              std::string::npos);
        CHECK(!std::filesystem::exists(clinic.root / "letters" / clinic.id));
        clinic.ok(delay);
        const std::string path = test::kept_letter(clinic.root, clinic.id, "2026-11-10-delay");
        CHECK(clinic.event("delay-explained")["letter"] == path);
        CHECK(clinic.kept(path) == draft.out);
        CHECK(clinic({"show", clinic.id, "--letter"}).out == draft.out);

        const auto dated = clinic({"respond", "delay", clinic.id, "--reason", "Still waiting",
                                   "--new-date", "2026-12-04", "--draft"});
        CHECK(dated.out.find("our full written response by 4 December 2026.") != std::string::npos);
    }

    TEST_CASE("respond acknowledge keeps the acknowledgement --draft printed") {
        Clinic clinic;
        const auto draft = clinic({"respond", "acknowledge", clinic.id, "--draft"});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        CHECK(draft.out.find("Dear Mrs Okafor,") != std::string::npos);
        CHECK(draft.out.find("1. Burn after laser\n") != std::string::npos);
        // 14 working days from Monday 2 November.
        CHECK(draft.out.find("send you our written response by 20 November 2026.") !=
              std::string::npos);
        // The clinic's period is fixed: nothing to agree.
        CHECK(draft.out.find("agree it") == std::string::npos);
        CHECK(!std::filesystem::exists(clinic.root / "letters" / clinic.id));
        const auto sent = clinic({"respond", "acknowledge", clinic.id, "--via", "email"});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK(sent.out == clinic.id + ": acknowledgement recorded, late: due 2026-11-05\n");
        const std::string path =
            test::kept_letter(clinic.root, clinic.id, "2026-11-10-acknowledgement");
        CHECK(clinic.event("acknowledged")["text"] == "Acknowledgement sent by email");
        CHECK(clinic.event("acknowledged")["letter"] == path);
        CHECK(clinic.kept(path) == draft.out);
        // One step at a time, and --via is email or letter.
        CHECK(clinic
                  .refused({"respond", clinic.id, "--acknowledge", "--sent", "--via", "email"},
                           k_usage)
                  .find("respond does one thing at a time") != std::string::npos);
        CHECK(clinic.refused({"respond", clinic.id, "--apology", "Sorry", "--via", "email"},
                             k_usage) == "complaints: --via goes with --sent or --acknowledge\n");
        CHECK(clinic.refused({"respond", "apology", clinic.id, "--text", "Sorry", "--via", "email"},
                             k_usage) == "complaints: respond apology takes no --via; see "
                                         "'complaints respond apology --help'\n");
    }

    TEST_CASE("an acknowledgement or other letter sent is kept with log --letter FILE") {
        Clinic clinic;
        const auto sent = clinic.dir / "acknowledgement.md";
        test::write_text(sent, "Dear Mrs Okafor,\r\n\r\nWe have received your complaint.\r\n");
        const auto logged = clinic({"log", clinic.id, "--type", "acknowledged", "--text",
                                    "Acknowledged in writing", "--letter", sent.string()});
        REQUIRE_MESSAGE(logged.exit_code == 0, logged.err);
        const std::string path =
            test::kept_letter(clinic.root, clinic.id, "2026-11-10-acknowledgement");
        CHECK(clinic.event("acknowledged")["letter"] == path);
        CHECK(clinic.kept(path) == test::read_text(sent));
        const auto email =
            clinic({"log", clinic.id, "--type", "email", "--text", "Emailed", "--letter", "-"},
                   "Dear Mrs Okafor,\n\nPlease find attached.\n");
        REQUIRE_MESSAGE(email.exit_code == 0, email.err);
        CHECK(clinic.kept(test::kept_letter(clinic.root, clinic.id, "2026-11-10-email")) ==
              "Dear Mrs Okafor,\n\nPlease find attached.\n");
        CHECK(clinic
                  .refused({"log", clinic.id, "--type", "email", "--text", "-", "--letter", "-"},
                           k_usage)
                  .find("cannot both read standard input") != std::string::npos);
        CHECK(clinic.refused(
                  {"log", clinic.id, "--type", "call", "--text", "x", "--letter", sent.string()},
                  k_usage) ==
              "complaints: --letter FILE goes with --type acknowledged, letter or email, not "
              "call\n");
    }
}

TEST_SUITE("letters: refusals write nothing") {
    TEST_CASE("--draft --out refuses an existing file without --force and replaces it with") {
        Clinic clinic;
        clinic.ready();
        const auto out = clinic.dir / "response.md";
        test::write_text(out, "my edits\n");
        CHECK(clinic.refused({"respond", "draft", clinic.id, "--out", out.string()}, k_usage) ==
              "complaints: --out: " + out.string() +
                  " already exists and was left as it is; --force replaces it\n");
        CHECK(test::read_text(out) == "my edits\n");
        const auto forced =
            clinic({"respond", "draft", clinic.id, "--out", out.string(), "--force"});
        REQUIRE_MESSAGE(forced.exit_code == 0, forced.err);
        CHECK(test::read_text(out) == clinic({"respond", "draft", clinic.id}).out);
        CHECK(clinic.refused({"respond", "draft", clinic.id, "--force"}, k_usage)
                  .find("--force goes with --out FILE") != std::string::npos);
        CHECK(clinic.refused({"respond", clinic.id, "--draft", "--letter", out.string()}, k_usage)
                  .find("--letter FILE goes with --sent, --acknowledge or --delay") !=
              std::string::npos);
        CHECK(
            clinic
                .refused({"respond", "acknowledge", clinic.id, "--draft", "--letter", out.string()},
                         k_usage)
                .find("--letter FILE is the letter as sent, and --draft sends nothing") !=
            std::string::npos);
    }

    TEST_CASE("a --letter file that is missing, empty or not UTF-8 is refused, naming it") {
        Clinic clinic;
        clinic.ready();
        const auto send = [&](const std::filesystem::path& file) {
            return std::vector<std::string>{"respond", "send",     clinic.id,    "--via",
                                            "letter",  "--letter", file.string()};
        };
        const auto missing = clinic.dir / "missing.md";
        CHECK(clinic.refused(send(missing), k_io) ==
              "complaints: cannot read " + missing.string() + ": No such file or directory\n");
        const auto empty = clinic.dir / "empty.md";
        test::write_text(empty, "");
        CHECK(clinic.refused(send(empty), k_bad_data) ==
              "complaints: " + empty.string() + ": is empty; a letter sent has text\n");
        const auto latin1 = clinic.dir / "latin1.md";
        test::write_text(latin1, "Dear Mrs Okafor,\nCaf\xE9\n");
        CHECK(clinic.refused(send(latin1), k_bad_data) ==
              "complaints: " + latin1.string() + ":2:4: contains bytes that are not UTF-8\n");
        CHECK(clinic.refused(send(clinic.dir.path()), k_io).find("cannot read") !=
              std::string::npos);
        CHECK(!std::filesystem::exists(clinic.root / "letters" / clinic.id));
    }

    TEST_CASE("a response the process refuses, or dated before receipt, keeps no letter") {
        Clinic clinic;
        const auto letter = clinic.dir / "letter.md";
        test::write_text(letter, "Dear Mrs Okafor,\n");
        CHECK(clinic
                  .refused({"respond", "send", clinic.id, "--via", "letter", "--letter",
                            letter.string()},
                           k_refused)
                  .find("point 1 has no finding") != std::string::npos);
        clinic.ready();
        CHECK(clinic
                  .refused(
                      {"respond", "send", clinic.id, "--via", "letter", "--at", "2026-11-01 10:00"},
                      k_usage)
                  .find("before the case was received") != std::string::npos);
        CHECK(!std::filesystem::exists(clinic.root / "letters" / clinic.id));
    }

    TEST_CASE("a concern has no response letter to draft") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--kind", "concern"});
        CHECK(repo.refused({"respond", "draft", id}, k_refused)
                  .find("convert it to a complaint first") != std::string::npos);
    }
}

TEST_SUITE("letters: the platform") {
    TEST_CASE("resolve keeps the resolution letter --draft printed, it prints again once closed") {
        Platform platform;
        const auto draft = platform({"resolve", platform.id, "--text",
                                     "Dr Keane apologised; the practice accepts.", "--draft"});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        for (const char* expected :
             {"Dear Practice manager,", "about Dr Sam Keane", "Priya Shah, your main point of",
              "## The resolution agreed\n\nDr Keane apologised; the practice accepts.\n",
              "Customer Support"})
            CHECK_MESSAGE(draft.out.find(expected) != std::string::npos, expected);
        CHECK(!std::filesystem::exists(platform.root / "letters" / platform.id));
        platform.ok(
            {"resolve", platform.id, "--text", "Dr Keane apologised; the practice accepts."});
        const std::string path =
            test::kept_letter(platform.root, platform.id, "2026-11-20-resolution");
        CHECK(test::read_text(platform.root / path) == draft.out);
        platform.ok({"close", platform.id, "--outcome", "upheld", "--no-learning", "Conduct"});
        CHECK(platform({"show", platform.id, "--letter"}).out == draft.out);
        CHECK(platform({"resolve", platform.id, "--text", "Again", "--draft"}).exit_code == 0);
    }

    TEST_CASE("a letter with an NHS number is refused, naming the file and the place") {
        Platform platform;
        const auto letter = platform.dir / "resolution.md";
        test::write_text(letter, "Dear Practice manager,\n\nRe patient 943 476 5919.\n");
        CHECK(platform.refused({"resolve", platform.id, "--text", "Apology accepted", "--letter",
                                letter.string()},
                               k_refused) ==
              "complaints: " + letter.string() +
                  ":3:12: contains an NHS number ('943 476 5919'): the platform's policy "
                  "forbids patient details in its records, letters included; refer to the "
                  "patient another way\n");
        platform.ok({"respond", "finding", platform.id, "--point", "1", "--finding", "upheld",
                     "--conclusion", "Late by 40 minutes"});
        platform.ok({"log", platform.id, "--type", "record-agreed", "--text", "Agreed"});
        CHECK(platform
                  .refused({"respond", "send", platform.id, "--via", "email", "--letter",
                            letter.string()},
                           k_refused)
                  .find("contains an NHS number") != std::string::npos);
        CHECK(!std::filesystem::exists(platform.root / "letters" / platform.id));
        // The resolution answers here; the draft it replaces is kept instead
        // when no file is given.
        const auto draft =
            platform({"resolve", platform.id, "--text", "Apology accepted", "--draft"});
        REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
        platform.ok({"resolve", platform.id, "--text", "Apology accepted"});
        CHECK(test::read_text(platform.root / test::kept_letter(platform.root, platform.id,
                                                                "2026-11-20-resolution")) ==
              draft.out);
    }

    TEST_CASE("a file already there by the letter's name is left alone, the letter goes beside") {
        Platform platform;
        const auto folder = platform.root / "letters" / platform.id;
        std::filesystem::create_directories(folder);
        // The name the letter will take: its day, its kind and six hex digits
        // of its text (FNV-1a), worked out here independently.
        const auto draft =
            platform({"resolve", platform.id, "--text", "Apology accepted", "--draft"});
        std::uint64_t hash = 14695981039346656037ull;
        for (const unsigned char c : draft.out)
            hash = (hash ^ c) * 1099511628211ull;
        char tag[8];
        std::snprintf(tag, sizeof tag, "%06llx", static_cast<unsigned long long>(hash & 0xffffff));
        const std::string name = std::string("2026-11-20-resolution-") + tag;
        test::write_text(folder / (name + ".md"), "copied in by hand");
        platform.ok({"resolve", platform.id, "--text", "Apology accepted"});
        CHECK(test::read_text(folder / (name + ".md")) == "copied in by hand");
        const auto kept = test::read_text(folder / (name + "-2.md"));
        CHECK(kept.find("Apology accepted") != std::string::npos);
        CHECK(platform({"show", platform.id, "--letter"}).out == kept);
    }
}

TEST_SUITE("letters: folders") {
    TEST_CASE("the letters folders are private at umask 000, like the letters") {
        Clinic clinic;
        test::Umask umask(0);
        const auto sent = clinic.dir / "acknowledgement.md";
        test::write_text(sent, "Dear Mrs Okafor,\n\nWe have received your complaint.\n");
        clinic.ok({"log", clinic.id, "--type", "acknowledged", "--text", "Acknowledged", "--letter",
                   sent.string()});
        // letters/ itself is made by init, beside cases/ and like it.
        CHECK(test::mode_of(clinic.root / "letters") == test::mode_of(clinic.root / "cases"));
        CHECK(test::mode_of(clinic.root / "letters" / clinic.id) == 0770);
        CHECK(test::mode_of(clinic.root / test::kept_letter(clinic.root, clinic.id,
                                                            "2026-11-10-acknowledgement")) == 0660);
    }
}
