// SPDX-License-Identifier: Apache-2.0
#pragma once
// Who and what the report's complaints are about: the practitioner rows of
// the period's figures, and the twelve months' themes with repeats flagged.
#include "complaints/render/report.hpp"
#include "complaints/workflow/clinicians.hpp"

#include <date/date.h>

#include <string>
#include <vector>

namespace complaints {

// One more of `name`: its row counted up, or a new row of one.
void count_one(std::vector<Count>& counts, const std::string& name);
// One row per clinician: by GMC number where the case gives one (named in
// name_practitioners), else by the name as typed.
void add_practitioner(std::vector<Count>& counts, const std::string& name, const std::string& gmc);
// Each practitioner or clinician a case is about: those it names, else its
// GMC number, else, for a clinical complaint, whom `about` names.
void add_practitioners(std::vector<Count>& counts, const Case& c);
// A GMC number's row takes the name on file for it; where two rows would
// read alike (two clinicians of one name), the number tells them apart.
void name_practitioners(std::vector<Count>& counts, const KnownNames& names);

// Adds a case received on `received` to the themes when that day is in
// [from, to] and it is a complaint or a concern (not feedback, not excluded).
void add_to_themes(Themes& themes, const Case& c, bool excluded, date::year_month_day received,
                   date::year_month_day from, date::year_month_day to);
// Most first, the lists cut to the five most common, the repeats kept.
void finish_themes(Themes& themes, const KnownNames& names);

} // namespace complaints
