// SPDX-License-Identifier: Apache-2.0
#pragma once
// The steps of the organisation's own answer, one request each: what
// `respond VERB ID` parses, and what the deprecated `respond ID --flag`
// forms are turned into. Each step opens the repository, changes the one
// case (or prints a draft) and says what it did.
#include "commands.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

// Where a draft goes: standard output, or a new file (--out; --force
// replaces one), as Markdown or an HTML page.
struct DraftOut {
    std::string out;
    bool force = false;
    std::string format = "markdown";
};

// A letter the complainant was sent: by what means, and the letter as sent
// when it was edited by hand (--letter FILE), else the one drafted now.
struct Sending {
    std::string via;
    std::string letter;
};

struct AcknowledgeRequest {
    std::string id;
    Sending sending;
    bool draft = false; // write the letter only
    DraftOut out;
    WhenWho when_who;
};

struct FindingRequest {
    std::string id;
    int point = 0;
    std::string finding;
    std::string conclusion;
    std::string remedial;
    std::string staff;
    std::string correction;
    WhenWho when_who;
};

struct ApologyRequest {
    std::string id;
    std::string text;
    std::string correction;
    WhenWho when_who;
};

struct EncloseRequest {
    std::string id;
    std::vector<std::string> texts;
    WhenWho when_who;
    std::vector<int> attachments; // numbered as show lists them
};

struct TreatmentRequest {
    std::string id;
    std::string treatment;
    std::string treated_on;
    std::string treated_by;
    std::string correction;
    WhenWho when_who;
};

struct PractitionersRequest {
    std::string id;
    std::vector<std::string> names;
    std::string correction;
    WhenWho when_who;
};

struct DraftRequest {
    std::string id;
    DraftOut out;
    WhenWho when_who;
};

struct DelayRequest {
    std::string id;
    std::string reason;
    std::string new_date;
    Sending sending;
    bool draft = false;
    DraftOut out;
    WhenWho when_who;
};

struct SendRequest {
    std::string id;
    Sending sending;
    std::string proceed_without_consent;
    std::string without_practitioner;
    WhenWho when_who;
};

void acknowledge(const AcknowledgeRequest& request, const Writer& repo);
void record_finding(const FindingRequest& request, const Writer& repo);
void record_apology(const ApologyRequest& request, const Writer& repo);
void enclose(const EncloseRequest& request, const Writer& repo);
void record_treatment(const TreatmentRequest& request, const Writer& repo);
void name_practitioners(const PractitionersRequest& request, const Writer& repo);
void draft_response(const DraftRequest& request, const Reader& repo);
void explain_delay(const DelayRequest& request, const Writer& repo);
void send_response(const SendRequest& request, const Writer& repo);

// A finding given with no point: the case's points, and how to name one.
[[noreturn]] void refuse_without_point(const std::string& id, const std::string& finding,
                                       const Reader& repo);

} // namespace complaints::cli
