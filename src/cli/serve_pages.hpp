// SPDX-License-Identifier: Apache-2.0
#pragma once
// The pages of `complaints serve`, each read from the repository at the
// moment it is asked for (through the cache, as every reading command), so
// a `git pull` or a command in another terminal shows at the next reload.
// Nothing here writes to the record.
#include "context.hpp"
#include "serve_html.hpp"

#include <string>

namespace complaints::cli {

struct View {
    const Context& context;
    const Store& store;
    date::sys_seconds now;
    // Complainants' and patients' names, withheld otherwise as the report
    // withholds them: the window is for people beyond the manager.
    bool include_names = false;
    Site site;
};

// The agenda: overdue, due today, due soon and pending, red, amber, green.
Page today_page(const View& view);
// Every case, filtered by status, kind, category, person, agent, month and text.
Page cases_page(const View& view, const Query& query);
// One case, as `show` shows it.
Page case_page(const View& view, const std::string& id);
// The letter event `event` (numbered as `show` numbers it) kept, as a page.
Page letter_page(const View& view, const std::string& id, int event);
// Attachment `number`, byte for byte once its SHA-256 is verified.
Page attachment_page(const View& view, const std::string& id, int number);
// The report for ?period=2026-11, 2026-Q4 or a year, with a picker.
Page report_page(const View& view, const Query& query);
// The platform's clinicians and their standing.
Page clinicians_page(const View& view);
// The patient leaflet, as `leaflet --format html` writes it.
Page leaflet_page(const View& view);
// A refusal or a failure, said in words on a page of its own.
Page error_page(const Site& site, int status, std::string_view message);

} // namespace complaints::cli
