// SPDX-License-Identifier: Apache-2.0
#pragma once
// The pieces every page of `complaints serve` is made of: the frame with its
// navigation, tables, the status colours, and the Content-Security-Policy a
// page is sent with. Every value from a case goes through `esc`.
#include "output.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

// What a request asks for beyond its path: the query's parameters.
using Query = std::map<std::string, std::string>;

// A page answered: its status, media type and body. `download` names the
// file a browser saves it as (letters and attachments).
struct Page {
    int status = 200;
    std::string media_type = "text/html; charset=utf-8";
    std::string body;
    std::string download;
};

// Which entry of the navigation a page belongs to.
enum class Nav { today, cases, report, clinicians, leaflet, none };

struct Site {
    std::string organisation;
    bool platform = false; // the clinicians page is the platform's
};

// HTML-escaped text: every value a page shows.
std::string esc(std::string_view text);
// A query string's value, percent-encoded: links carry filters.
std::string url_encoded(std::string_view text);

// The banner every page starts with: the organisation and the navigation.
std::string site_header(const Site& site, Nav current);
// A whole page: title, navigation with `current` marked, the body.
std::string page_frame(const Site& site, Nav current, std::string_view title,
                       std::string_view body);
// A table with a caption, header cells with scope, each cell already HTML.
std::string page_table(std::string_view caption, const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);
// A link to one case's page.
std::string case_link(const std::string& id);

// The style sheet every page links to (/style.css).
std::string_view site_style();
// The policy a page is sent with: nothing from elsewhere, no script, and
// style only from /style.css or the inline blocks the page itself holds
// (each allowed by its SHA-256, so nothing injected into a page can style
// or run).
std::string content_security_policy(std::string_view html);

} // namespace complaints::cli
