// SPDX-License-Identifier: Apache-2.0
// A complaint from an email: `open --from-email` and `log --email` read
// real messages (tests/data/email) as a mail server delivers them, keep the
// message byte for byte and attach its files, and never file one twice.
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace {

constexpr int k_bad_data = 4;
constexpr int k_refused = 5;

std::string message(const std::string& name) {
    return (std::filesystem::path(test::test_data_path()) / "email" / name).string();
}

struct Clinic : test::Repo {
    Clinic() { now = "2026-11-10T10:00:00+00:00"; }
    std::string open_from(const std::string& name) const {
        const auto opened = (*this)({"open", "--from-email", message(name)});
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
        return opened.out.substr(0, opened.out.find('\n'));
    }
    nlohmann::json shown(const std::string& id) const {
        return (*this)({"show", id, "--format", "json"}).json();
    }
};

} // namespace

TEST_SUITE("email: a complaint opened from the message") {
    TEST_CASE("a multipart email: the sender, its arrival, the subject, the quoted-printable "
              "body, each attachment and the message itself") {
        Clinic clinic;
        const std::string id = clinic.open_from("multipart-attachments.eml");
        const auto c = clinic.shown(id);
        CHECK(c["complainant"] == "Aisha Patel");
        CHECK(c["channel"] == "email");
        CHECK(c["summary"] == "Complaint about my filler treatment");
        // The first Received header: when it reached us, not the Date header.
        CHECK(c["received"] == "2026-11-02T09:14:05+00:00");
        const auto& opened = c["events"][0];
        CHECK(opened["type"] == "opened");
        CHECK(opened["message_id"] == "CAF1-complaint-7731@mail.example.org");
        const std::string text = opened["text"];
        CHECK(test::has(text, "From: Aisha Patel <aisha.patel@example.org>"));
        CHECK(test::has(text, "at the café end of the High Street branch — and I now have lumps"));
        CHECK(opened["attachment"]["media_type"] == "message/rfc822");
        const std::string kept = opened["attachment"]["file"];
        CHECK(test::read_text(clinic.root / "attachments" / id / kept) ==
              test::read_text(message("multipart-attachments.eml")));
        std::vector<std::string> names, types;
        for (const auto& event : c["events"])
            if (event["type"] == "attached") {
                names.push_back(event["attachment"]["name"]);
                types.push_back(event["attachment"]["media_type"]);
            }
        CHECK(names == std::vector<std::string>{"photo of lumps.jpg", "my statement.pdf"});
        CHECK(types == std::vector<std::string>{"image/jpeg", "application/pdf"});
        CHECK(clinic({"check"}).exit_code == 0);
    }

    TEST_CASE("an HTML-only email is read as text: paragraphs, entities, no script or style") {
        Clinic clinic;
        const std::string id = clinic.open_from("html-only.eml");
        const auto c = clinic.shown(id);
        CHECK(c["complainant"] == "Tom Hale");
        CHECK(c["summary"] == "Waited 40 minutes — unacceptable");
        const std::string text = c["events"][0]["text"];
        CHECK(test::has(text, "Hello,\n\nI waited 40\u00a0minutes past my appointment & nobody "
                              "told me why.\n\nPlease reply\nby email."));
        CHECK(test::has(text, "First visit\nSecond visit"));
        CHECK(test::has(text, "Tom <Hale>"));
        CHECK_FALSE(test::has(text, "alert"));
        CHECK_FALSE(test::has(text, "color"));
        CHECK_FALSE(test::has(text, "<p>"));
    }

    TEST_CASE("quoted-printable windows-1252 comes through as UTF-8, subject and sender too") {
        Clinic clinic;
        const std::string id = clinic.open_from("qp-windows-1252.eml");
        const auto c = clinic.shown(id);
        CHECK(c["complainant"] == "Renée O’Brien");
        CHECK(c["summary"] == "Charged £350 – “consultation” lasted 5 minutes");
        CHECK(test::has(c["events"][0]["text"],
                        "I was charged £350 – and the “consultation” lasted five minutes. The "
                        "practitioner’s manner was curt."));
    }

    TEST_CASE("the same message twice is refused, naming its case, with nothing written") {
        Clinic clinic;
        const std::string id = clinic.open_from("multipart-attachments.eml");
        const auto err = clinic.refused(
            {"open", "--from-email", message("multipart-attachments.eml")}, k_refused);
        CHECK(test::has(err, "<CAF1-complaint-7731@mail.example.org> is filed already, on " + id));
        CHECK(test::has(
            clinic.refused({"log", id, "--email", message("multipart-attachments.eml")}, k_refused),
            "is filed already"));
    }

    TEST_CASE("a malformed message is a clear error and nothing is written") {
        Clinic clinic;
        const auto err =
            clinic.refused({"open", "--from-email", message("malformed.eml")}, k_bad_data);
        CHECK(test::has(err, "malformed.eml: is not an email that can be filed: it has no "
                             "RFC 5322 headers"));
    }

    TEST_CASE("a reply logged on its case: an ISO-8859-1 body, a file sent again kept once") {
        Clinic clinic;
        const std::string id = clinic.open_from("multipart-attachments.eml");
        const auto logged = clinic({"log", id, "--email", message("reply-references.eml")});
        REQUIRE_MESSAGE(logged.exit_code == 0, logged.err);
        const auto c = clinic.shown(id);
        const auto& email = c["events"][c["events"].size() - 1];
        CHECK(email["type"] == "email");
        CHECK(email["at"] == "2026-11-05T08:05:00+00:00");
        CHECK(email["message_id"] == "CAF1-reply-7790@mail.example.org");
        CHECK(test::has(email["text"], "Thank you. I can come in on Friday"));
        int statements = 0;
        for (const auto& event : c["events"])
            if (!event["attachment"].is_null() && event["attachment"]["name"] == "my statement.pdf")
                ++statements;
        CHECK(statements == 1);
    }

    TEST_CASE("an email we sent is logged as sent: to whom, when it went, its direction kept") {
        Clinic clinic;
        const std::string id = clinic.open_from("multipart-attachments.eml");
        clinic.ok({"log", id, "--email", message("reply-references.eml")});
        const auto logged =
            clinic({"log", id, "--email", message("sent-reply.eml"), "--direction", "sent"});
        REQUIRE_MESSAGE(logged.exit_code == 0, logged.err);
        CHECK(test::has(logged.out, "email to Aisha Patel <aisha.patel@example.org> logged"));
        const auto c = clinic.shown(id);
        const auto with_id = [&](const std::string& message_id) {
            for (const auto& event : c["events"])
                if (event["message_id"] == message_id)
                    return event;
            return nlohmann::json();
        };
        const auto received = with_id("CAF1-reply-7790@mail.example.org");
        const auto sent = with_id("ack-meeting-8812@lumiere.example");
        CHECK(received["direction"] == "received");
        CHECK(sent["type"] == "email");
        CHECK(sent["direction"] == "sent");
        CHECK(sent["at"] == "2026-11-06T14:20:00+00:00");
        CHECK(test::has(sent["text"], "To: Aisha Patel <aisha.patel@example.org>"));
        CHECK_FALSE(test::has(sent["text"], "From:"));
        const auto before = clinic.snapshot();
        CHECK(test::has(
            clinic.refused({"log", id, "--type", "call", "--text", "Rang", "--direction", "sent"},
                           2),
            "--direction is an email's"));
        CHECK(test::has(
            clinic.refused({"log", id, "--email", message("sent-reply.eml"), "--direction", "out"},
                           2),
            "--direction"));
        CHECK(clinic.snapshot() == before);
    }

    TEST_CASE("standard input is read as the message") {
        Clinic clinic;
        const auto opened =
            clinic({"open", "--from-email", "-"}, test::read_text(message("qp-windows-1252.eml")));
        REQUIRE_MESSAGE(opened.exit_code == 0, opened.err);
    }
}

TEST_SUITE("email: the platform's patient-data guard") {
    TEST_CASE("a text attachment holding an NHS number is refused, nothing written") {
        test::Repo platform("platform", "LAN");
        platform.now = "2026-11-10T10:00:00+00:00";
        test::write_text(platform.dir / "nhs.eml",
                         "Received: from mx by mail; Mon, 2 Nov 2026 09:00:00 +0000\n"
                         "From: Practice Manager <pm@practice.example>\n"
                         "Subject: Locum late\nMessage-ID: <nhs-1@practice.example>\n"
                         "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                         "--b\nContent-Type: text/plain\n\nThe locum was late.\n"
                         "--b\nContent-Type: text/plain\nContent-Disposition: attachment; "
                         "filename=\"notes.txt\"\n\nPatient 943 476 5919 waited.\n--b--\n");
        const auto err = platform.refused(
            {"open", "--from-email", (platform.dir / "nhs.eml").string()}, k_refused);
        CHECK(test::has(err, "notes.txt:1:"));
        CHECK(test::has(err, "an NHS number"));
    }
}
