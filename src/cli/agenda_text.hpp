// SPDX-License-Identifier: Apache-2.0
#pragma once
// An agenda item's cells as `agenda` and `serve`'s today page write them.
#include "complaints/render/agenda.hpp"

#include <string>

namespace complaints::cli {

// "2026-12-04" for a day deadline, "2026-11-18 09:00" for an hours one.
std::string agenda_due_cell(const AgendaItem& item, const date::time_zone& zone);
// "overdue by 2 working days", "25 hours left", "since 2026-11-02 (4 working days old)".
std::string agenda_standing_cell(const AgendaItem& item);

} // namespace complaints::cli
