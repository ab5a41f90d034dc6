// SPDX-License-Identifier: Apache-2.0
#pragma once
// The agenda as an iCalendar feed (RFC 5545), written with libical: one
// event per deadline, for a manager's calendar to subscribe to.
#include "complaints/render/agenda.hpp"

#include <string>
#include <vector>

namespace complaints::cli {

// Each dated item as a VEVENT whose UID comes from the case ID and the
// item's rule alone, so a calendar that fetches the feed again replaces the
// event (a deadline moved, an action done) instead of adding another. A
// whole-day deadline is an all-day event on its day; an hours deadline an
// event at its instant; a meeting booked an hour from its start, busy.
// Pending items, which have no date, are left out. `name` is the calendar's
// name in a subscribing client.
std::string agenda_ics(const std::vector<AgendaItem>& items, date::sys_seconds now,
                       const std::string& name);

// The UID of an item's event: "LUM-2026-XTE74M.response@complaints".
std::string agenda_uid(const AgendaItem& item);

} // namespace complaints::cli
