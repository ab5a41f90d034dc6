// SPDX-License-Identifier: Apache-2.0
#pragma once
// `open` as one operation: every refusal of a new case, and the case. The
// command reads its options (and an email, or the editor) into an
// OpenRequest and prints what this returns; it decides nothing.
#include "complaints/model/model.hpp"
#include "complaints/policy/patient_data.hpp"
#include "complaints/policy/policy.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/return_fields.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace complaints {

struct OpenRequest {
    // Not given: a complaint, unless the policy's intake rules say otherwise.
    std::optional<Kind> kind;
    Channel channel{};
    // When it arrived. Not given: when the opening is dated, which is now
    // unless back-dated (a case back-filled from paper is dated when received).
    std::optional<Timestamp> received;
    // The opening as back-dated (--at), when it is.
    std::optional<Timestamp> at;
    // Who records it; the opening's text when it comes from elsewhere (an
    // email's headers), else the operation's ("Complaint received by phone").
    std::string by;
    std::string opening_text;
    std::string complainant;
    std::string on_behalf_of;
    std::optional<Consent> consent;
    std::string about;
    std::optional<Category> category;
    std::string type;
    std::string summary;
    std::string desired_outcome; // what the complainant wants to come of it
    std::vector<std::string> points;
    std::vector<std::string> practitioners;
    std::string gmc;
    // With a GMC number already another name's: that name is this clinician's too.
    bool same_clinician = false;
    // A withdrawal's notice, in days or as the session and withdrawal dates.
    std::optional<int> notice_days;
    std::optional<date::year_month_day> session;
    std::optional<date::year_month_day> withdrawn;
    std::optional<date::year_month_day> happened;
    std::string treatment;
    std::optional<date::year_month_day> treated_on;
    std::string treated_by;
    // Why the complaint is about a patient safety incident, when it is.
    std::string safety_incident;
    ReturnFields returns;
    // Who investigates (the case's handler). Not given, where the policy
    // has the complaints manager investigate: `manager`, when known.
    std::string officer;
    std::string manager;
    // The practitioners' register's names; empty: any name is taken.
    std::vector<std::string> practitioner_register;
};

// The other cases' slim facts, asked for only when the new case names a
// GMC number (one number, one clinician, over every case).
using OtherCases = std::function<std::vector<Case>()>;

struct Opened {
    Case c; // no ID yet: the store draws it when it writes the file
    // Other GMC numbers the cases give for the clinician's name: warned
    // about, never refused (two clinicians may share a name).
    std::vector<Namesake> namesakes;
    // The texts the patient-data guard passed, not scanned again on writing.
    CleanTexts scanned;
};

// The new case, or throws changing nothing: a usage Error listing every
// problem of the request at once, else the policy's refusal (an unknown
// kind, a type of the other category, Being Open where the policy has
// none, patient data where the policy guards against it, a GMC number that
// is another name's).
Opened open_case(const OpenRequest& request, const Policy& policy, Timestamp now,
                 const OtherCases& others);

} // namespace complaints
