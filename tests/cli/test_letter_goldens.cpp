// SPDX-License-Identifier: Apache-2.0
// One golden file per kind of letter, compared byte for byte: two fixed
// cases built through the binary at fixed times (COMPLAINTS_NOW), each
// letter drafted on a fixed day. To accept a deliberate change of wording,
// run these tests with COMPLAINTS_UPDATE_GOLDENS=1 (tests/data/letters/
// README.md) and review the diff.
#include "run.hpp"
#include "signatory.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

namespace {

const std::filesystem::path k_goldens = std::filesystem::path(test::test_data_path()) / "letters";

struct Goldens : test::Repo {
    std::string emailed;
    std::string phoned;

    Goldens() {
        test::sign_letters(root);
        now = "2026-11-02T11:00:00+00:00";
        emailed = opened("LUM-2026-7K3QMX",
                         {"--channel",
                          "email",
                          "--received",
                          "2026-11-02 09:30",
                          "--complainant",
                          "Mrs Aisha Patel",
                          "--category",
                          "clinical",
                          "--practitioner",
                          "Dr Lena Marsh",
                          "--treatment",
                          "Lip filler (1 ml)",
                          "--treated-on",
                          "2026-10-28",
                          "--treated-by",
                          "Dr Lena Marsh",
                          "--summary",
                          "Lumps and bruising after lip filler on 28 October.\nMrs Patel says "
                          "the follow-up call she was promised never came.",
                          "--point",
                          "Lumps and bruising after lip filler",
                          "--point",
                          "The promised follow-up call was not made"});
        phoned =
            opened("LUM-2026-8W42GE", {"--channel",
                                       "phone",
                                       "--received",
                                       "2026-11-02 10:15",
                                       "--complainant",
                                       "Mr David Okafor",
                                       "--on-behalf-of",
                                       "Mrs Grace Okafor",
                                       "--consent",
                                       "yes",
                                       "--category",
                                       "clinical",
                                       "--practitioner",
                                       "Dr Lena Marsh",
                                       "--summary",
                                       "Mr Okafor called about a burn his mother had after laser "
                                       "hair removal.",
                                       "--point",
                                       "Burn after laser hair removal",
                                       "--point",
                                       "No patch test before the first session"});
    }

    // Opens a case and gives it the fixed ID `id` (open draws a random
    // one), so that the letters' reference is the same every run.
    std::string opened(const std::string& id, std::vector<std::string> args) const {
        args.insert(args.begin(), "open");
        const auto result = (*this)(args);
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        const std::string drawn = result.out.substr(0, result.out.size() - 1);
        std::string file = case_file(drawn);
        REQUIRE(file.find("id: " + drawn + "\n") == 0);
        file.replace(0, 4 + drawn.size(), "id: " + id);
        std::filesystem::remove(root / "cases" / (drawn + ".yaml"));
        test::write_text(root / "cases" / (id + ".yaml"), file);
        return id;
    }

    // The e-mailed complaint investigated: a statement, findings, an
    // apology, an action and an enclosure of its own.
    void investigated() {
        now = "2026-11-12T17:00:00+00:00";
        ok({"log", emailed, "--type", "statement", "--by", "Dr Lena Marsh", "--at",
            "2026-11-05 14:00", "--text",
            "The consent form lists bruising.\nThe follow-up call was booked but not made."});
        ok({"respond", "finding", emailed, "--point", "1", "--finding", "upheld", "--conclusion",
            "The lumps are a recognised effect of lip filler and are settling.", "--staff",
            "Dr Lena Marsh"});
        ok({"respond", "finding", emailed, "--point", "2", "--finding", "upheld", "--conclusion",
            "The call was booked but not made.", "--remedial",
            "Follow-up calls are now checked daily by the clinic manager."});
        ok({"respond", "apology", emailed, "--text",
            "We are sorry that the follow-up call we promised was not made."});
        ok({"action", emailed, "add", "--text", "Check follow-up calls daily", "--lead",
            "Claire Dunn", "--due", "2026-12-18"});
        ok({"respond", "enclose", emailed, "--text", "Aftercare guidance for dermal fillers"});
    }

    // The letter `respond STEP ID MORE...` prints at `at`.
    std::string drafted(const std::string& id, const std::string& at,
                        std::vector<std::string> more = {}, const std::string& step = "draft") {
        now = at;
        std::vector<std::string> args{"respond", step, id};
        args.insert(args.end(), more.begin(), more.end());
        const auto result = (*this)(args);
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return result.out;
    }
};

// Compares `text` with the golden file `name`, or writes it there when
// COMPLAINTS_UPDATE_GOLDENS is set.
void matches_golden(const std::string& text, const std::string& name) {
    const auto path = k_goldens / name;
    if (std::getenv("COMPLAINTS_UPDATE_GOLDENS")) {
        test::write_text(path, text);
        MESSAGE("wrote " << path.string());
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), path.string());
    CHECK_MESSAGE(text == test::read_text(path), name);
}

} // namespace

TEST_SUITE("letters: goldens") {
    TEST_CASE("the acknowledgement, in time, matches its golden file") {
        Goldens repo;
        matches_golden(
            repo.drafted(repo.emailed, "2026-11-03T10:00:00+00:00", {"--draft"}, "acknowledge"),
            "acknowledgement.md");
    }

    TEST_CASE("the acknowledgement of a complaint by phone, with its record, matches its golden "
              "file") {
        Goldens repo;
        matches_golden(
            repo.drafted(repo.phoned, "2026-11-04T10:00:00+00:00", {"--draft"}, "acknowledge"),
            "acknowledgement-verbal.md");
    }

    TEST_CASE("the response, in time, matches its golden files in Markdown and HTML") {
        Goldens repo;
        repo.investigated();
        matches_golden(repo.drafted(repo.emailed, "2026-11-19T15:00:00+00:00"), "response.md");
        matches_golden(
            repo.drafted(repo.emailed, "2026-11-19T15:00:00+00:00", {"--format", "html"}),
            "response.html");
    }

    TEST_CASE("the response, late, matches its golden file") {
        Goldens repo;
        repo.investigated();
        matches_golden(repo.drafted(repo.emailed, "2026-11-25T10:00:00+00:00"), "response-late.md");
    }
}
