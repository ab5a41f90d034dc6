// SPDX-License-Identifier: Apache-2.0
// Evidence kept with a case: each file once, byte for byte, under
// attachments/<ID>/, named by its SHA-256, recorded by an `attached` event,
// listed and written out by `show`, verified by `check`.
#include "run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace {

constexpr int k_usage = 2;
constexpr int k_bad_data = 4;
constexpr int k_refused = 5;

// The SHA-256 of "hello\n", as `sha256sum` prints it.
const std::string k_hello_sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

// A small PDF as a scanner writes its start, with a NUL and high bytes so
// that "byte for byte" means something.
std::string scanned_pdf() {
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    pdf += std::string("\0\x01\xFF stream", 10);
    return pdf;
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

struct Clinic : test::Repo {
    std::string id;
    Clinic() {
        now = "2026-11-10T10:00:00+00:00";
        id = open_case("2026-11-02 09:30", {"--complainant", "Mrs Grace Okafor"});
        write_bytes(dir / "signed record.pdf", scanned_pdf());
        write_bytes(dir / "note.txt", "hello\n");
    }
    std::string file(const std::string& name) const { return (dir / name).string(); }
    nlohmann::json attachment(std::size_t n) const {
        std::vector<nlohmann::json> found;
        for (const auto& event : (*this)({"show", id, "--format", "json"}).json("events"))
            if (!event["attachment"].is_null())
                found.push_back(event["attachment"]);
        return n < found.size() ? found[n] : nlohmann::json();
    }
};

} // namespace

TEST_SUITE("attach: evidence kept by content") {
    TEST_CASE("each file is kept once under attachments/ID, its SHA-256 in its name and its "
              "event, its media type read from its content") {
        Clinic clinic;
        const auto attached = clinic({"attach", clinic.id, clinic.file("signed record.pdf"),
                                      clinic.file("note.txt"), "--note", "Signed verbal record"});
        REQUIRE_MESSAGE(attached.exit_code == 0, attached.err);
        const auto note = clinic.attachment(1);
        CHECK(note["name"] == "note.txt");
        CHECK(note["sha256"] == k_hello_sha);
        CHECK(note["size"] == 6);
        CHECK(note["media_type"] == "text/plain");
        CHECK(note["file"] == "note-" + k_hello_sha + ".txt");
        const auto pdf = clinic.attachment(0);
        CHECK(pdf["media_type"] == "application/pdf");
        CHECK(pdf["name"] == "signed record.pdf");
        const std::string kept = pdf["file"];
        CHECK(kept.starts_with("signed-record-"));
        CHECK(test::read_text(clinic.root / "attachments" / clinic.id / kept) == scanned_pdf());
        CHECK(test::has(attached.out, "attachments/" + clinic.id + "/" + kept));
        const auto shown = clinic({"show", clinic.id});
        CHECK(test::has(shown.out, "Attachments\n  1  signed record.pdf  (application/pdf"));
        CHECK(test::has(shown.out, "  2  note.txt  (text/plain, 6 bytes"));
        CHECK(test::has(shown.out, "Signed verbal record"));
    }

    TEST_CASE("show --attachment N writes the file out byte for byte") {
        Clinic clinic;
        clinic.ok({"attach", clinic.id, clinic.file("signed record.pdf")});
        const auto out = clinic({"show", clinic.id, "--attachment", "1"});
        REQUIRE_MESSAGE(out.exit_code == 0, out.err);
        CHECK(out.out == scanned_pdf());
        CHECK(clinic({"show", clinic.id, "--attachment", "2"}).exit_code == k_usage);
    }

    TEST_CASE("standard input is read with --name, and refused without one") {
        Clinic clinic;
        const auto piped =
            clinic({"attach", clinic.id, "-", "--name", "consent form.png"}, "hello\n");
        REQUIRE_MESSAGE(piped.exit_code == 0, piped.err);
        CHECK(clinic.attachment(0)["name"] == "consent form.png");
        CHECK(test::has(clinic.refused({"attach", clinic.id, "-"}, k_usage), "--name"));
    }

    TEST_CASE("the same content twice is refused, naming the attachment that holds it") {
        Clinic clinic;
        clinic.ok({"attach", clinic.id, clinic.file("note.txt")});
        write_bytes(clinic.dir / "copy.txt", "hello\n");
        const auto err = clinic.refused({"attach", clinic.id, clinic.file("copy.txt")}, k_refused);
        CHECK(test::has(err, "keeps the same file already, as attachment 1 ('note.txt'"));
    }

    TEST_CASE("a file past the repository's limit is refused with nothing written") {
        Clinic clinic;
        std::ofstream(clinic.root / "complaints.yaml", std::ios::app) << "attachment_limit_mb: 1\n";
        write_bytes(clinic.dir / "big.tiff", std::string((1 << 20) + 1, 'x'));
        const auto err = clinic.refused(
            {"attach", clinic.id, clinic.file("note.txt"), clinic.file("big.tiff")}, k_refused);
        CHECK(test::has(err, "cannot attach big.tiff"));
        CHECK(test::has(err, "past the repository's limit of 1 MB"));
        CHECK(test::has(err, "attachment_limit_mb"));
        CHECK_FALSE(std::filesystem::exists(clinic.root / "attachments"));
        // Exactly the limit is kept.
        write_bytes(clinic.dir / "fits.tiff", std::string(1 << 20, 'x'));
        clinic.ok({"attach", clinic.id, clinic.file("fits.tiff")});
    }

    TEST_CASE("voiding the event hides the attachment, the file stays, and can be attached "
              "again") {
        Clinic clinic;
        clinic.ok({"attach", clinic.id, clinic.file("note.txt")});
        clinic.ok({"attach", clinic.id, clinic.file("signed record.pdf")});
        clinic.ok({"void", clinic.id, "2", "--reason", "Attached to the wrong case"});
        const auto shown = clinic({"show", clinic.id}).out;
        CHECK_FALSE(test::has(shown, "  1  note.txt"));
        CHECK(test::has(shown, "  1  signed record.pdf"));
        CHECK(clinic({"show", clinic.id, "--attachment", "1"}).out == scanned_pdf());
        CHECK(std::filesystem::exists(clinic.root / "attachments" / clinic.id /
                                      ("note-" + k_hello_sha + ".txt")));
        clinic.ok({"attach", clinic.id, clinic.file("note.txt")});
        CHECK(clinic({"check"}).exit_code == 0);
    }

    TEST_CASE("check verifies every hash: a file changed, a file missing and a file no event "
              "names are each reported") {
        Clinic clinic;
        clinic.ok({"attach", clinic.id, clinic.file("note.txt"), clinic.file("signed record.pdf")});
        const auto clean = clinic({"check"});
        CHECK_MESSAGE(clean.exit_code == 0, clean.out, clean.err);
        const auto folder = clinic.root / "attachments" / clinic.id;
        const std::string pdf = clinic.attachment(1)["file"];
        write_bytes(folder / ("note-" + k_hello_sha + ".txt"), "hellO\n");
        std::filesystem::remove(folder / pdf);
        write_bytes(folder / "stray-file.txt", "left here\n");
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK_MESSAGE(test::has(checked.out, "is not the file attached: its SHA-256"), checked.out);
        CHECK(test::has(checked.out, "attachments/" + clinic.id + "/" + pdf + " that " + clinic.id +
                                         " names is missing"));
        CHECK(test::has(checked.out, "attachments/" + clinic.id + "/stray-file.txt"));
        CHECK(test::has(checked.out, "no event names this file"));
        // Nothing damaged goes out.
        CHECK(clinic({"show", clinic.id, "--attachment", "1"}).exit_code == k_bad_data);
    }

    TEST_CASE("a link where the case's folder should be is refused: nothing is written through "
              "it") {
        Clinic clinic;
        std::filesystem::create_directories(clinic.root / "attachments");
        std::filesystem::create_directory(clinic.dir / "elsewhere");
        std::filesystem::create_directory_symlink(clinic.dir / "elsewhere",
                                                  clinic.root / "attachments" / clinic.id);
        const auto before = clinic.snapshot();
        const auto result = clinic({"attach", clinic.id, clinic.file("note.txt")});
        CHECK(result.exit_code == k_bad_data);
        CHECK(test::has(result.err, "symbolic link"));
        CHECK(std::filesystem::is_empty(clinic.dir / "elsewhere"));
        CHECK(clinic.snapshot() == before);
    }
}

TEST_SUITE("attach: the case's folder moves and is read only through the repository") {
    TEST_CASE("re-id moves the case's attachments, void ones too, and check passes after") {
        Clinic clinic;
        clinic.ok({"attach", clinic.id, clinic.file("signed record.pdf"), clinic.file("note.txt")});
        clinic.ok({"void", clinic.id, "3", "--reason", "Attached to the wrong case"});
        const std::string pdf = clinic.attachment(0)["file"];
        const std::string note = "note-" + k_hello_sha + ".txt";
        const auto moved = clinic({"re-id", clinic.id, "--reason", "two sites drew it"});
        REQUIRE_MESSAGE(moved.exit_code == 0, moved.err);
        const std::string old_id = clinic.id;
        clinic.id = moved.out.substr(old_id.size() + 8, old_id.size());
        CHECK_FALSE(std::filesystem::exists(clinic.root / "attachments" / old_id));
        const auto folder = clinic.root / "attachments" / clinic.id;
        CHECK(test::read_text(folder / pdf) == scanned_pdf());
        CHECK(test::read_text(folder / note) == "hello\n");
        CHECK(clinic({"show", clinic.id, "--attachment", "1"}).out == scanned_pdf());
        const auto checked = clinic({"check"});
        CHECK_MESSAGE(checked.exit_code == 0, checked.out);
    }

    TEST_CASE("show --attachment refuses a link at attachments/ID and prints nothing it "
              "reaches") {
        Clinic clinic;
        clinic.ok({"attach", clinic.id, clinic.file("note.txt")});
        const auto folder = clinic.root / "attachments" / clinic.id;
        const auto outside = clinic.dir / "outside";
        std::filesystem::rename(folder, outside);
        std::filesystem::create_directory_symlink(outside, folder);
        const auto shown = clinic({"show", clinic.id, "--attachment", "1"});
        CHECK(shown.exit_code == k_bad_data);
        CHECK_MESSAGE(test::has(shown.err, "is a symbolic link"), shown.err);
        CHECK(shown.out.empty());
        const auto checked = clinic({"check"});
        CHECK(checked.exit_code == 1);
        CHECK(test::has(checked.out, "symbolic link"));
    }
}

TEST_SUITE("attach: the response encloses the attachments the manager chose") {
    TEST_CASE("respond enclose --attachment N lists the file by the name it came with, in the "
              "draft and the letter sent, and a voided one no longer") {
        Clinic clinic;
        clinic.ok({"log", clinic.id, "--type", "record-agreed", "--text", "Signed by Mrs Okafor"});
        clinic.ok({"attach", clinic.id, clinic.file("signed record.pdf"), "--note",
                   "Verbal record, signed"});
        write_bytes(clinic.dir / "statement.txt", "Practitioner's statement\n");
        clinic.ok({"attach", clinic.id, clinic.file("statement.txt"), clinic.file("note.txt")});
        // Nothing is enclosed until the manager says so: a staff statement
        // kept as evidence is not the complainant's to receive.
        CHECK_FALSE(test::has(clinic({"respond", "draft", clinic.id}).out, "signed record.pdf"));
        const auto enclosed =
            clinic({"respond", "enclose", clinic.id, "--attachment", "1", "--attachment", "3"});
        REQUIRE_MESSAGE(enclosed.exit_code == 0, enclosed.err);
        CHECK(enclosed.out == clinic.id + ": the response encloses signed record.pdf; note.txt\n");
        CHECK(test::has(clinic({"respond", "draft", clinic.id}).out,
                        "## Enclosed\n\n- Our complaints policy\n- signed record.pdf\n- "
                        "note.txt\n\n## If you remain unhappy"));
        CHECK(test::has(
            clinic.refused({"respond", "enclose", clinic.id, "--attachment", "4"}, k_usage),
            "has no attachment 4 (it keeps 1 to 3)"));
        clinic.ok({"void", clinic.id, "5", "--reason", "Attached by mistake"});
        // A response answers what was raised: the point and its finding come first.
        clinic.ok({"point", clinic.id, "add", "--text", "Rushed consultation"});
        clinic.ok({"respond", "finding", clinic.id, "--point", "1", "--finding", "upheld",
                   "--conclusion", "The appointment was too short."});
        clinic.ok({"respond", "send", clinic.id, "--via", "letter"});
        std::string letter;
        for (const auto& event : clinic({"show", clinic.id, "--format", "json"}).json("events"))
            if (event["type"] == "response-sent")
                letter = event["letter"];
        REQUIRE(!letter.empty());
        const std::string sent = test::read_text(clinic.root / letter);
        CHECK(test::has(sent, "- Our complaints policy\n- signed record.pdf\n\n"));
        CHECK_FALSE(test::has(sent, "note.txt"));
        CHECK_FALSE(test::has(sent, "statement.txt"));
        CHECK(clinic({"check"}).exit_code == 0);
    }
}

TEST_SUITE("attach: the platform's patient-data guard") {
    struct Platform : test::Repo {
        std::string id;
        Platform() : test::Repo("platform", "LAN") {
            now = "2026-11-20T10:00:00+00:00";
            id = open_case("2026-11-16 09:00", {"--complainant", "Practice manager", "--about",
                                                "Dr Sam Keane", "--gmc", "7123456"});
        }
    };

    TEST_CASE("a text attachment holding an NHS number is refused at its line, nothing written") {
        Platform platform;
        write_bytes(platform.dir / "statement.txt",
                    "Statement of the practice\nPatient NHS number 943 476 5919 seen at 10:00\n");
        const auto err = platform.refused(
            {"attach", platform.id, (platform.dir / "statement.txt").string()}, k_refused);
        CHECK(test::has(err, "statement.txt:2:"));
        CHECK(test::has(err, "an NHS number"));
        CHECK_FALSE(std::filesystem::exists(platform.root / "attachments"));
    }

    TEST_CASE("a file the guard cannot read is kept, with a caution naming it") {
        Platform platform;
        write_bytes(platform.dir / "scan.pdf", scanned_pdf());
        const auto result = platform({"attach", platform.id, (platform.dir / "scan.pdf").string()});
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        CHECK(test::has(result.err,
                        "caution: the patient-data guard cannot read scan.pdf (application/pdf)"));
    }
}
