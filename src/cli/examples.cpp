// SPDX-License-Identifier: Apache-2.0
// What each command's --help and man page show under "Examples": the
// commands a clinic manager, a support lead or a governance lead types,
// with IDs as they would give them (any unambiguous part works).
#include "examples.hpp"

#include <array>

namespace complaints::cli {

namespace {

// One example a line (clang-format would pack the table).
// clang-format off
constexpr std::array k_examples{
    Example{"init", "complaints init lumiere --preset clinic --organisation \"Lumiere Medispa\" --prefix LUM --signatory \"Claire Dunn, Clinic Manager\"", "a clinic's repository, letters signed"},
    Example{"init", "complaints init practice --preset nhs-england --organisation \"Riverside Medical Practice\" --prefix RMP", "a GP practice under the NHS England regulations"},
    Example{"open", "complaints open --channel email --complainant \"Mrs Aisha Patel\" --category clinical --practitioner \"Dr Lena Marsh\" --point \"Lumps after filler\" --point \"Risks not explained\"", "an email complaint, each point raised"},
    Example{"open", "complaints open --kind concern --channel phone --complainant \"Mr Tom Hale\" --summary \"Kept waiting 40 minutes\"", "a concern resolved on the spot"},
    Example{"import", "complaints import --csv register.csv --dry-run", "check a spreadsheet register's rows before importing them"},
    Example{"import", "complaints import --csv register.csv --write-map register-map.yaml", "write a map of the register's columns to edit"},
    Example{"import", "complaints import --csv register.csv --map register-map.yaml --date-format day-first", "import every row, read with the edited map"},
    Example{"log", "complaints log 3S3 --type call --text \"Read the record back; she agreed it.\"", "a call on the timeline"},
    Example{"log", "complaints log 3S3 --type statement --by \"Dr Lena Marsh\" --text -", "a statement, its text from standard input"},
    Example{"attach", "complaints attach 3S3 signed-record.pdf photo-2026-11-02.jpg --note \"Verbal record signed by Mrs Patel; her photograph of the swelling\"", "a signed record and a photograph kept as evidence"},
    Example{"attach", "scanimage --format=png | complaints attach 3S3 - --name consent-form.png", "a scan straight from the scanner"},
    Example{"intake", "complaints intake --maildir ~/Maildir/complaints", "file the mailbox's new messages"},
    Example{"intake", "complaints intake --maildir ~/Maildir/complaints --dry-run", "what each new message would become"},
    Example{"open", "complaints open --from-email complaint.eml", "a complaint opened from the email itself"},
    Example{"log", "complaints log 3S3 --email reply.eml", "the complainant's reply, its files attached"},
    Example{"show", "complaints show 3S3 --attachment 2 > photo.jpg", "an attachment written out, its hash verified first"},
    Example{"show", "complaints show 3S3", "the whole case: deadlines, points, timeline"},
    Example{"show", "complaints show 3S3 --letter", "the response letter as it was sent"},
    Example{"list", "complaints list --overdue", "every case past a deadline"},
    Example{"list", "complaints list --format csv --from 2026-09-01 --to 2026-09-30 > september.csv", "a month's cases for a spreadsheet"},
    Example{"agenda", "complaints agenda --mine", "what I hold, and what nobody holds yet"},
    Example{"agenda", "complaints agenda --format ics > complaints.ics", "the deadlines for a calendar"},
    Example{"respond", "complaints respond finding 3S3 --point 1 --finding upheld --conclusion \"We did not warn of nodules.\"", "answer point 1"},
    Example{"respond", "complaints respond send 3S3 --via email --letter response.md", "the letter sent, kept as edited"},
    Example{"respond acknowledge", "complaints respond acknowledge 3S3 --via email", "acknowledged; the letter is kept"},
    Example{"respond acknowledge", "complaints respond acknowledge 3S3 --draft --out acknowledgement.md", "the letter only, to edit first"},
    Example{"respond finding", "complaints respond finding 3S3 --point 2 --finding partly-upheld --conclusion \"The form lists bruising, not nodules.\"", "the finding on point 2"},
    Example{"respond apology", "complaints respond apology 3S3 --text \"We are sorry the risk was not explained.\"", "the apology the letter gives"},
    Example{"respond enclose", "complaints respond enclose 3S3 --text \"Aftercare guidance for dermal fillers\"", "something this response encloses"},
    Example{"respond enclose", "complaints respond enclose 3S3 --attachment 2", "a copy of attachment 2, listed by the name it came with"},
    Example{"respond treatment", "complaints respond treatment 3S3 --treatment \"Lip filler\" --treated-on 2026-10-30 --treated-by \"Dr Lena Marsh\"", "the treatment the letter summarises"},
    Example{"respond practitioners", "complaints respond practitioners 3S3 --practitioner \"Dr Lena Marsh\"", "the practitioner, named after open"},
    Example{"respond draft", "complaints respond draft 3S3 --out response.md", "the response letter, to edit and sign"},
    Example{"respond draft", "complaints respond draft 3S3 --format html --out response.html", "a page to print or save as PDF"},
    Example{"respond delay", "complaints respond delay 3S3 --reason \"Waiting for the laser service report\" --new-date 2026-12-04", "explain the delay; the letter is kept"},
    Example{"respond send", "complaints respond send 3S3 --via email", "the response sent, as drafted now"},
    Example{"respond send", "complaints respond send 3S3 --via letter --letter response.md", "the letter you edited and posted"},
    Example{"escalate", "complaints escalate 3S3 --to iscas --ref ISCAS-2026-114", "referred to ISCAS for independent adjudication"},
    Example{"escalate", "complaints escalate 3S3 --outcome \"ISCAS upheld the complaint in part\"", "the body's outcome"},
    Example{"close", "complaints close 3S3 --outcome upheld --learning \"Consent forms list every common side effect.\"", "closed with what was learnt"},
    Example{"close", "complaints close 3S3 --outcome not-upheld --no-learning \"Care was as planned.\"", "closed, nothing to learn, and why"},
    Example{"action", "complaints action 3S3 add --text \"Add nodules to the consent form\" --lead \"Dr Lena Marsh\" --due 2027-01-15", "an action on the plan"},
    Example{"action", "complaints action 3S3 done 1", "action 1 completed"},
    Example{"exclude", "complaints exclude 3S3 --reason employment --text \"A staff grievance: passed to HR.\"", "outside the complaints policy"},
    Example{"convert", "complaints convert QCS --to complaint --clock-from 2026-11-04 --reason \"Her email of 4 November asked for a formal complaint\"", "a concern becomes a complaint"},
    Example{"classify", "complaints classify 3S3 --age-band 65-74 --complainant-status relative-or-carer --subject-area clinical-treatment,communications --staff-group gp", "what the annual return counts it by"},
    Example{"consent", "complaints consent 3S3 yes --text \"Signed form received\"", "the patient's consent to a complaint made for them"},
    Example{"being-open", "complaints being-open 3S3 --incident \"Nodules after filler: harm to the patient\"", "a patient safety incident"},
    Example{"being-open", "complaints being-open 3S3 --follow-up \"Letter of 10 September confirming the conversation.\"", "the written follow-up"},
    Example{"assign", "complaints assign 7K3 --to \"Priya Shah\"", "the support agent who handles it"},
    Example{"assign", "complaints assign --leaver \"Tom Okafor\" --at 2026-12-01",
            "Tom left on 1 December: no new work is his"},
    Example{"assign", "complaints assign --from \"Tom Okafor\" --to \"Priya Shah\"",
            "hand over all Tom's open work, referrals on closed cases included"},
    Example{"resolve", "complaints resolve 7K3 --text \"Practice found cover; Dr Keane reminded of the notice policy.\"", "the resolution agreed; its letter is kept"},
    Example{"point", "complaints point 3S3 add --text \"The receptionist was rude\"", "a point raised later"},
    Example{"void", "complaints void 3S3 4 --reason \"Logged on the wrong case\"", "event 4 set aside, still on the record"},
    Example{"reopen", "complaints reopen 3S3 --reason \"Mrs Patel wrote on 3 December: the nodules have not settled\"", "a closed case opened again"},
    Example{"re-id", "complaints re-id LUM-2026-XTE74M --reason \"Two sites drew the same ID\"", "a new ID for a case, its old one kept"},
    Example{"clinician", "complaints clinician 7123456", "a clinician's cases, warnings and standing"},
    Example{"clinician", "complaints clinician 7123456 reinstate --reason \"Suspension served\"", "back on the platform"},
    Example{"report", "complaints report", "last month, on the terminal"},
    Example{"report", "complaints report --month 2026-10 --format html > board-2026-10.html", "the board's report, with charts"},
    Example{"report", "complaints report --annual --year 2026-27 --format html > annual-2026-27.html", "regulation 18's annual report (NHS England)"},
    Example{"report", "complaints report --ko41b --year 2026-27 > ko41b-2026-27.csv", "the KO41b return's figures"},
    Example{"leaflet", "complaints leaflet --format html --out complaints-leaflet.html", "the complaints leaflet for the website"},
    Example{"serve", "complaints serve", "the repository as web pages on this machine; open the link it prints"},
    Example{"serve", "complaints serve --port 0 --include-names", "any free port, with complainants' names shown"},
    Example{"check", "complaints check", "every file valid? exit 1 names each at fault"},
    Example{"check", "complaints check --format json", "the same, for a script"},
    Example{"audit", "complaints audit", "every commit's changes against the tool's rules; exit 1 names each forgery"},
    Example{"audit", "complaints audit --rev origin/main --format json", "the shared branch's history, for CI"},
    Example{"calendar", "complaints calendar add 2026-11-16 14", "14 working days on: 2026-12-04"},
    Example{"calendar add", "complaints calendar add 2026-11-16 14", "14 working days on: 2026-12-04"},
    Example{"calendar add", "printf '2026-11-16 14\\n2026-12-01 3\\n' | complaints calendar add -", "one query a line"},
    Example{"calendar between", "complaints calendar between 2026-11-16 2026-12-04", "working days between: 14"},
    Example{"calendar holidays", "complaints calendar holidays 2026 --region scotland", "Scotland's bank holidays"},
    Example{"calendar next", "complaints calendar next 2026-12-24", "the next working day: 2026-12-29"},
    Example{"calendar previous", "complaints calendar previous 2026-12-28", "the last working day before: 2026-12-24"},
    Example{"calendar import", "complaints calendar import bank-holidays.json --dry-run", "GOV.UK's list against ours"},
    Example{"git-setup", "complaints git-setup", "once per clone: git merges case files with complaints"},
    Example{"merge-file", "complaints merge-file %O %A %B --path %P --marker-size %L", "as git calls it, once git-setup has registered it"},
    Example{"conflict", "complaints conflict 3S3", "each conflicting field, both sides"},
    Example{"conflict", "complaints conflict 3S3 --field 'points[n: 1].finding' --keep other-site", "settle one field"},
    Example{"help", "complaints help respond", "the man page of respond"},
};
// clang-format on

} // namespace

std::vector<Example> examples_of(std::string_view command) {
    std::vector<Example> found;
    for (const auto& example : k_examples)
        if (example.command == command)
            found.push_back(example);
    return found;
}

std::string examples_text(std::string_view command) {
    std::string text;
    for (const auto& example : examples_of(command))
        text += "  " + std::string(example.line) + "\n      " + std::string(example.what) + "\n";
    return text.empty() ? text : "Examples:\n" + text + "\n";
}

} // namespace complaints::cli
