// SPDX-License-Identifier: Apache-2.0
// What a letter says, so that a manager can send it as printed (issue 14,
// "The letter"): signed by a name, the treatment named only where it fits,
// summarised from the recorded facts, the case's enclosures listed, sorry
// when late, a verbal complaint's record enclosed to agree, every channel
// in plain words, and an HTML page to print.
#include "run.hpp"
#include "signatory.hpp"

#include <doctest/doctest.h>

using test::has;

namespace {

// A Repo whose complaints.yaml names who signs.
struct Signed : test::Repo {
    Signed() { test::sign_letters(root); }
    // The letter `respond STEP ID MORE...` prints.
    std::string letter(const std::string& step, const std::string& id,
                       std::vector<std::string> more = {}) const {
        std::vector<std::string> args{"respond", step, id};
        args.insert(args.end(), more.begin(), more.end());
        const auto drafted = (*this)(args);
        REQUIRE_MESSAGE(drafted.exit_code == 0, drafted.err);
        return drafted.out;
    }
    std::string draft(const std::string& id) const { return letter("draft", id); }
    std::string acknowledgement(const std::string& id) const {
        return letter("acknowledge", id, {"--draft"});
    }
};

} // namespace

TEST_SUITE("letters: fit to send as printed") {
    TEST_CASE("init --signatory signs the letters with that name") {
        test::Repo repo;
        test::Run init;
        init.args = {"init",           (repo.dir / "signed").string(),
                     "--preset",       "clinic",
                     "--organisation", "Lumiere Medispa",
                     "--prefix",       "LUM",
                     "--signatory",    "Claire Dunn, Clinic Manager"};
        const auto made = test::run(init);
        REQUIRE_MESSAGE(made.exit_code == 0, made.err);
        const std::string config = test::read_text(repo.dir / "signed" / "complaints.yaml");
        CHECK(has(config, "signatory: \"Claire Dunn, Clinic Manager\"\n"));
        CHECK_FALSE(has(config, "# signatory"));
        repo.root = repo.dir / "signed";
        const std::string id = repo.open_case("2026-11-10 09:00", {"--point", "Late call"});
        const std::string letter = repo({"respond", "draft", id}).out;
        CHECK(has(letter, "Yours sincerely,\n\nClaire Dunn, Clinic Manager  \nLumiere Medispa\n"));
        CHECK_FALSE(has(letter, "[Your name"));
    }

    TEST_CASE("without a signatory init writes a commented line and the letter says where to "
              "set it") {
        test::Repo repo;
        CHECK(has(test::read_text(repo.root / "complaints.yaml"),
                  "# signatory: \"Your Name, Clinic Manager\""));
        const std::string id = repo.open_case("2026-11-10 09:00", {"--point", "Late call"});
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"respond", "draft", id},
              {"respond", "acknowledge", id, "--draft"}}) {
            const auto drafted = repo(args);
            REQUIRE_MESSAGE(drafted.exit_code == 0, drafted.err);
            CHECK(has(drafted.out, "[Your name: set `signatory:` in complaints.yaml]"));
        }
    }

    TEST_CASE("a treatment complaint by the patient speaks of your treatment") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-10 09:00", {"--category", "clinical", "--practitioner", "Dr Lena Marsh"});
        const std::string letter = repo.draft(id);
        CHECK(has(letter, "## Your complaint and your treatment\n"));
        CHECK(has(letter, "Practitioner involved in your treatment: Dr Lena Marsh."));
    }

    TEST_CASE("a treatment complaint made on someone's behalf speaks of their treatment") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-10 09:00",
            {"--complainant", "Mr David Okafor", "--on-behalf-of", "Mrs Grace Okafor", "--category",
             "clinical", "--practitioner", "Dr Lena Marsh", "--treatment", "Laser hair removal",
             "--treated-on", "2026-10-30", "--treated-by", "Dr Lena Marsh"});
        const std::string letter = repo.draft(id);
        CHECK(has(letter, "## Your complaint and the treatment of Mrs Grace Okafor\n"));
        CHECK(has(letter, "Practitioner involved in the treatment of Mrs Grace Okafor"));
        CHECK(has(letter, "The treatment of Mrs Grace Okafor: Laser hair removal, on 30 October "
                          "2026, by Dr Lena Marsh."));
        CHECK_FALSE(has(letter, "your treatment"));
    }

    TEST_CASE("a non-clinical complaint's letter has no treatment words") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-10 09:00", {"--category", "non-clinical", "--point", "Rude receptionist"});
        const std::string letter = repo.draft(id);
        CHECK(has(letter, "## Your complaint\n"));
        CHECK_FALSE(has(letter, "treatment"));
    }

    TEST_CASE("open records the treatment and the response summarises it") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-10 09:00",
            {"--category", "clinical", "--practitioner", "Dr Lena Marsh", "--treatment",
             "Lip filler, 1 ml", "--treated-on", "2026-10-28", "--treated-by", "Dr Lena Marsh"});
        const std::string file = repo.case_file(id);
        CHECK(has(file, "treatment: \"Lip filler, 1 ml\""));
        CHECK(has(file, "treated_on: 2026-10-28"));
        CHECK(has(file, "treated_by: \"Dr Lena Marsh\""));
        const auto shown = repo({"show", id, "--format", "json"}).json();
        CHECK(shown["treated_on"] == "2026-10-28");
        CHECK(has(repo.draft(id),
                  "Your treatment: Lip filler, 1 ml, on 28 October 2026, by Dr Lena Marsh."));
        CHECK(repo.refused({"open", "--channel", "phone", "--treated-on", "28/10/2026"}, 2) != "");
    }

    TEST_CASE("the treatment is recorded after open, and changed after the response only with "
              "a reason") {
        Signed repo;
        const std::string id =
            repo.open_case("2026-11-02 09:00", {"--category", "clinical", "--practitioner",
                                                "Dr Lena Marsh", "--point", "Burn after laser"});
        repo.now = "2026-11-04T10:00:00+00:00";
        const auto set = repo({"respond", "treatment", id, "--treatment", "Laser hair removal",
                               "--treated-on", "2026-10-30", "--treated-by", "Dr Lena Marsh"});
        CHECK(set.exit_code == 0);
        CHECK(has(set.out, "treatment recorded"));
        CHECK(has(repo.draft(id), "Your treatment: Laser hair removal, on 30 October 2026, by Dr "
                                  "Lena Marsh."));
        repo.ok({"respond", "finding", id, "--point", "1", "--finding", "upheld", "--conclusion",
                 "Too hot"});
        repo.ok(
            {"log", id, "--type", "statement", "--text", "My account", "--by", "Dr Lena Marsh"});
        repo.ok({"log", id, "--type", "record-agreed", "--text", "Agreed"});
        repo.ok({"respond", "send", id, "--via", "letter"});
        const std::string before = repo.case_file(id);
        CHECK(repo.refused({"respond", "treatment", id, "--treated-on", "2026-10-29"}, 5) != "");
        CHECK(repo.case_file(id) == before);
        repo.ok({"respond", "treatment", id, "--treated-on", "2026-10-29", "--correction",
                 "The clinic diary shows the 29th"});
        const auto shown = repo({"show", id, "--format", "json"}).json();
        CHECK(shown["treated_on"] == "2026-10-29");
        CHECK(shown["treatment"] == "Laser hair removal");
        CHECK(has(repo.case_file(id), "corrects: \"treatment date\""));
        CHECK(repo.refused({"respond", id, "--treatment", "x", "--apology", "y"}, 2) != "");
    }

    TEST_CASE("respond enclose lists the case's enclosures after the organisation's") {
        Signed repo;
        const std::string id = repo.open_case("2026-11-10 09:00", {"--point", "Late call"});
        repo.ok({"respond", "enclose", id, "--text", "Copy of the practice's complaints leaflet",
                 "--text", "Aftercare guidance for dermal fillers"});
        CHECK(has(repo.case_file(id), "enclosures:\n"));
        CHECK(has(repo.draft(id), "## Enclosed\n\n- Our complaints policy\n- Copy of the "
                                  "practice's complaints leaflet\n- Aftercare guidance for "
                                  "dermal fillers\n"));
        CHECK(has(repo.refused({"respond", "enclose", id, "--text", " "}, 2),
                  "--text: name what is enclosed"));
        CHECK(has(repo.refused({"respond", id, "--enclose", "Leaflet", "--draft"}, 2),
                  "one thing at a time"));
    }

    TEST_CASE("a response sent after the 14 working days says sorry for the delay") {
        Signed repo;
        // Monday 2 November: due by Friday 20 November.
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        repo.now = "2026-11-20T16:00:00+00:00";
        CHECK_FALSE(has(repo.draft(id), "sorry for the delay"));
        repo.now = "2026-11-23T10:00:00+00:00";
        CHECK(has(repo.draft(id), "We are sorry for the delay in sending you this response: we "
                                  "aimed to send it by 20 November 2026."));
    }

    TEST_CASE("a response sent after the date an explanation of delay gave says sorry for it") {
        Signed repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        repo.now = "2026-11-18T10:00:00+00:00";
        repo.ok({"respond", "delay", id, "--reason", "Waiting for the practitioner's statement",
                 "--new-date", "2026-11-27"});
        repo.now = "2026-11-24T10:00:00+00:00";
        CHECK_FALSE(has(repo.draft(id), "sorry for the delay"));
        repo.now = "2026-11-30T10:00:00+00:00";
        CHECK(has(repo.draft(id), "We are sorry for the delay in sending you this response: we "
                                  "told you to expect it by 27 November 2026."));
    }

    TEST_CASE("the investigation speaks to the complainant: we met you and Dr Baxter, a call "
              "names who it was with") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-02 09:30", {"--complainant", "Ms Katie Morrison", "--point", "Drooped lid"});
        repo.now = "2026-11-10T10:00:00+00:00";
        repo.ok({"log", id, "--type", "meeting", "--text", "Discussed the lid", "--attendee",
                 "Katie Morrison", "--attendee", "Dr Baxter"});
        repo.ok({"log", id, "--type", "call", "--text", "Asked for the batch", "--attendee",
                 "the manufacturer"});
        repo.ok({"log", id, "--type", "interview", "--text", "Her account", "--attendee",
                 "Morag Campbell"});
        const std::string letter = repo.draft(id);
        CHECK(has(letter, "- 10 November 2026: we met you and Dr Baxter.\n"));
        CHECK(has(letter, "- 10 November 2026: we spoke by telephone with the manufacturer.\n"));
        CHECK(has(letter, "- 10 November 2026: we interviewed Morag Campbell.\n"));
        CHECK_FALSE(has(letter, "Katie Morrison, Dr Baxter"));
    }

    TEST_CASE("a response upholding a point with no apology is cautioned, once an apology is "
              "recorded it is not") {
        Signed repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        repo.now = "2026-11-10T10:00:00+00:00";
        repo.ok({"respond", "finding", id, "--point", "1", "--finding", "partly-upheld",
                 "--conclusion", "The call was late."});
        const auto drafted = repo({"respond", "draft", id});
        CHECK(has(drafted.err, "upholds point 1 and makes no apology"));
        repo.ok({"respond", "apology", id, "--text", "We are sorry the call was late."});
        repo.ok({"log", id, "--type", "record-agreed", "--text", "Agreed by email"});
        const auto sent = repo({"respond", "send", id, "--via", "email"});
        REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
        CHECK_FALSE(has(sent.err, "no apology"));
    }

    TEST_CASE("the response recalls the explanation of delay sent, and the Being Open "
              "conversation") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-02 09:30", {"--complainant", "Ms Ruth Hale", "--point", "Burn after laser"});
        repo.now = "2026-11-05T10:00:00+00:00";
        repo.ok({"being-open", id, "--incident", "Burn from a laser set too high"});
        repo.ok({"being-open", id, "--apology", "We are sorry for the burn", "--explained",
                 "The laser was set above the protocol", "--remedial",
                 "Settings are now checked by a second person", "--with", "Ms Ruth Hale"});
        repo.now = "2026-11-18T10:00:00+00:00";
        repo.ok({"respond", "delay", id, "--reason", "Waiting for the practitioner's statement",
                 "--new-date", "2026-11-27"});
        const std::string letter = repo.draft(id);
        CHECK(has(letter, "We wrote to you on 18 November 2026 to explain why this response "
                          "would take longer."));
        CHECK(has(letter, "On 5 November 2026 we spoke with you openly about what happened"));
    }

    TEST_CASE("a late acknowledgement says sorry and never promises a response date gone by") {
        Signed repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        // Due Thursday 5 November; drafted the Monday after.
        repo.now = "2026-11-09T10:00:00+00:00";
        std::string letter = repo.acknowledgement(id);
        CHECK(has(letter, "We are sorry for the delay in acknowledging it: we should have written "
                          "by 5 November 2026."));
        CHECK(has(letter, "send you our written response by 20 November 2026."));
        // After the response's own date: the date it was due, not a promise.
        repo.now = "2026-11-24T10:00:00+00:00";
        letter = repo.acknowledgement(id);
        CHECK_FALSE(has(letter, "response by 20 November 2026"));
        CHECK(has(letter, "It was due by 20 November 2026, and we are sorry for the delay"));
        CHECK_FALSE(has(letter, "If we cannot send it by then"));
    }

    TEST_CASE("an acknowledgement after an explanation of delay gives the date explained") {
        Signed repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        repo.now = "2026-11-18T10:00:00+00:00";
        repo.ok({"respond", "delay", id, "--reason", "Waiting for the practitioner's statement",
                 "--new-date", "2026-11-27"});
        repo.now = "2026-11-23T10:00:00+00:00";
        const std::string letter = repo.acknowledgement(id);
        CHECK(has(letter, "send you our written response by 27 November 2026, the date we gave "
                          "you."));
    }

    TEST_CASE("a late acknowledgement is recorded as late, an early one as on time") {
        Signed repo;
        const std::string late = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        repo.now = "2026-11-09T10:00:00+00:00";
        const auto recorded = repo({"respond", "acknowledge", late, "--via", "email"});
        CHECK(recorded.exit_code == 0);
        CHECK(has(recorded.out, "acknowledgement recorded, late: due 2026-11-05"));
        const std::string prompt = repo.open_case("2026-11-09 09:30", {"--point", "Rude reply"});
        CHECK(has(repo({"respond", "acknowledge", prompt}).out,
                  "acknowledgement recorded, on time (due 2026-11-12)"));
    }

    TEST_CASE("every letter says on whose behalf before when and how it came") {
        Signed repo;
        const std::string id = repo.open_case(
            "2026-11-02 09:30", {"--complainant", "Mr David Okafor", "--on-behalf-of",
                                 "Mrs Grace Okafor", "--consent", "yes", "--point", "Late call"});
        const std::string opening = "Thank you for your complaint on behalf of Mrs Grace Okafor, "
                                    "which we received on 2 November 2026 by phone.";
        repo.now = "2026-11-18T10:00:00+00:00";
        CHECK(has(repo.draft(id), opening));
        CHECK(has(repo.acknowledgement(id), opening));
        const std::string delay = repo.letter(
            "delay", id,
            {"--reason", "Waiting for the practitioner", "--new-date", "2026-11-27", "--draft"});
        CHECK(has(delay, opening));
        CHECK(has(delay, "We are sorry for the delay."));
        CHECK_FALSE(has(repo.draft(id), "by phone on behalf of"));
    }

    TEST_CASE("an acknowledgement while the patient's consent is pending asks for it") {
        Signed repo;
        const std::string id =
            repo.open_case("2026-11-02 09:30",
                           {"--complainant", "Mr David Okafor", "--on-behalf-of",
                            "Mrs Grace Okafor", "--consent", "pending", "--point", "Late call"});
        repo.now = "2026-11-03T10:00:00+00:00";
        CHECK(has(repo.acknowledgement(id), "on behalf of Mrs Grace Okafor, we need their consent "
                                            "before we can share their personal or clinical "
                                            "information"));
        repo.ok({"consent", id, "yes"});
        CHECK_FALSE(has(repo.acknowledgement(id), "consent"));
    }

    TEST_CASE("a letter kept with no signatory set is kept, with a warning") {
        test::Repo repo;
        const std::string id = repo.open_case("2026-11-02 09:30", {"--point", "Late call"});
        repo.now = "2026-11-03T10:00:00+00:00";
        const auto kept = repo({"respond", "acknowledge", id, "--via", "email"});
        CHECK(kept.exit_code == 0);
        CHECK(has(kept.err, "warning: the letter kept is signed \"[Your name"));
        Signed signed_repo;
        const std::string other = signed_repo.open_case("2026-11-02 09:30", {"--point", "Late"});
        signed_repo.now = "2026-11-03T10:00:00+00:00";
        CHECK_FALSE(has(signed_repo({"respond", "acknowledge", other}).err, "[Your name"));
    }

    TEST_CASE("the acknowledgement of a verbal complaint encloses its written record to agree") {
        Signed repo;
        for (const char* channel : {"phone", "in-person"}) {
            CAPTURE(channel);
            const auto opened = repo({"open", "--channel", channel, "--received",
                                      "2026-11-10 09:00", "--summary", "Bruising after filler.",
                                      "--point", "Bruising", "--point", "No follow-up call"});
            REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
            const std::string id = opened.out.substr(0, opened.out.size() - 1);
            const std::string letter = repo.acknowledgement(id);
            CHECK(has(letter, "we enclose our written record of it"));
            CHECK(has(letter, "## Our written record of your complaint"));
            CHECK(has(letter, "Bruising after filler."));
            CHECK(has(letter, "1. Bruising\n2. No follow-up call\n"));
            CHECK(has(letter, "Signed: "));
            // Once agreed, nothing is left to agree.
            repo.ok({"log", id, "--type", "record-agreed", "--text", "Agreed by phone"});
            CHECK_FALSE(has(repo.acknowledgement(id), "written record"));
        }
        const auto emailed = repo({"open", "--channel", "email", "--received", "2026-11-10 09:00",
                                   "--summary", "x", "--point", "Bruising"});
        REQUIRE(emailed.exit_code == 0);
        CHECK_FALSE(
            has(repo.acknowledgement(emailed.out.substr(0, emailed.out.size() - 1)), "record"));
    }

    TEST_CASE("every channel reads right in both letters") {
        Signed repo;
        for (const auto& entry : std::vector<std::pair<std::string, std::string>>{
                 {"phone", "received on 10 November 2026 by phone."},
                 {"in-person", "received on 10 November 2026 in person."},
                 {"letter", "received on 10 November 2026 by letter."},
                 {"email", "received on 10 November 2026 by email."},
                 {"web-form", "received on 10 November 2026 through the web form."}}) {
            const std::string& channel = entry.first;
            const std::string& words = entry.second;
            CAPTURE(channel);
            const auto opened = repo({"open", "--channel", channel, "--received",
                                      "2026-11-10 09:00", "--summary", "x", "--point", "p"});
            REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
            const std::string id = opened.out.substr(0, opened.out.size() - 1);
            CHECK(has(repo.acknowledgement(id), words));
            CHECK(has(repo.draft(id), words.substr(0, words.size() - 1)));
        }
    }

    TEST_CASE("--format html prints a page to print, every character escaped") {
        Signed repo;
        const std::string id =
            repo.open_case("2026-11-10 09:00", {"--complainant", "Ms <b>Jo</b>&Co", "--point",
                                                "Price \"list\" <script>alert(1)</script>"});
        for (const std::string& page :
             {repo.letter("draft", id, {"--format", "html"}),
              repo.letter("acknowledge", id, {"--draft", "--format", "html"})}) {
            CHECK(page.starts_with("<!DOCTYPE html>"));
            CHECK(has(page, "<meta charset=\"utf-8\">"));
            CHECK(has(page, "Dear Ms &lt;b&gt;Jo&lt;/b&gt;&amp;Co,"));
            CHECK(has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
            CHECK_FALSE(has(page, "<script"));
            CHECK_FALSE(has(page, "<link")); // nothing fetched: self-contained
            CHECK_FALSE(has(page, " src="));
            CHECK_FALSE(has(page, "**"));    // bold is markup, not asterisks
            CHECK_FALSE(has(page, "\n## ")); // headings are markup
        }
        CHECK(has(repo.refused({"respond", "draft", id, "--format", "pdf"}, 2),
                  "unknown format 'pdf'; choose markdown or html"));
        CHECK(has(repo.refused({"respond", id, "--apology", "Sorry", "--format", "html"}, 2),
                  "--format goes with --draft"));
        CHECK(has(repo.refused({"respond", "acknowledge", id, "--format", "html"}, 2),
                  "--format goes with --draft"));
    }
}
