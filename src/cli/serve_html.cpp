// SPDX-License-Identifier: Apache-2.0
#include "serve_html.hpp"

#include "complaints/base/digest.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace complaints::cli {

namespace {

// Colours chosen for WCAG AA (4.5:1 or better) against their backgrounds:
// #1a1a1a on white 17:1; the red #a4161a 7.6:1, the amber #7a4100 on
// #fff4d6 7.9:1, the green #1e5631 8.6:1; links #0b4f9c 8.2:1.
constexpr std::string_view k_style = R"(
body { font: 16px/1.45 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
header { background: #12355b; color: #fff; padding: 0.6rem 1.2rem; }
header .org { font-weight: bold; margin-right: 1.5rem; }
nav a { color: #fff; margin-right: 1rem; text-decoration: none; }
nav a[aria-current="page"] { text-decoration: underline; font-weight: bold; }
main { padding: 1rem 1.2rem 3rem; max-width: 72rem; }
a { color: #0b4f9c; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
.status { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-weight: bold; }
.overdue { color: #a4161a; background: #fde8e8; }
.today, .soon { color: #7a4100; background: #fff4d6; }
.pending, .later { color: #1e5631; background: #e6f4ea; }
.agenda caption { position: absolute; left: -10000px; }
td { overflow-wrap: normal; }
del { color: #555; }
.note { color: #444; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: 0.9rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ol.timeline li { margin-bottom: 0.6rem; }
pre.text { white-space: pre-wrap; font: inherit; margin: 0.2rem 0; }
@media print { header nav { display: none; } }
)";

std::string_view nav_name(Nav nav) {
    static constexpr std::array<std::string_view, 5> k_names{"Today", "Cases", "Reports",
                                                             "Clinicians", "Leaflet"};
    return k_names[static_cast<std::size_t>(nav)];
}

std::string_view nav_path(Nav nav) {
    static constexpr std::array<std::string_view, 5> k_paths{"/", "/cases", "/report",
                                                             "/clinicians", "/leaflet"};
    return k_paths[static_cast<std::size_t>(nav)];
}

std::string navigation(const Site& site, Nav current) {
    std::string out = "<nav aria-label=\"Pages\">";
    for (const Nav nav : {Nav::today, Nav::cases, Nav::report, Nav::clinicians, Nav::leaflet}) {
        if (nav == Nav::clinicians && !site.platform)
            continue;
        out += fmt::format("<a href=\"{}\"{}>{}</a>", nav_path(nav),
                           nav == current ? " aria-current=\"page\"" : "", nav_name(nav));
    }
    return out + "</nav>";
}

// Base64 of the SHA-256 of `text`, as a CSP hash source names it.
std::string sha256_base64(std::string_view text) {
    const std::string hex = sha256_hex(text);
    std::string bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2)
        bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    static constexpr std::string_view k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const auto byte = [&](std::size_t i) {
        return i < bytes.size() ? static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) : 0U;
    };
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const unsigned value = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += k_alphabet[(value >> 18) & 63];
        out += k_alphabet[(value >> 12) & 63];
        out += i + 1 < bytes.size() ? k_alphabet[(value >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? k_alphabet[value & 63] : '=';
    }
    return out;
}

} // namespace

std::string esc(std::string_view text) {
    return html_escaped(text);
}

std::string url_encoded(std::string_view text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string site_header(const Site& site, Nav current) {
    return fmt::format("<header><span class=\"org\">{}</span>{}</header>\n",
                       esc(site.organisation.empty() ? "Complaints" : site.organisation),
                       navigation(site, current));
}

std::string page_frame(const Site& site, Nav current, std::string_view title,
                       std::string_view body) {
    const std::string organisation = site.organisation.empty() ? "Complaints" : site.organisation;
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>{} - {}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n"
                       "</head>\n<body>\n{}<main>\n<h1>{}</h1>\n{}</main>\n</body>\n</html>\n",
                       esc(title), esc(organisation), site_header(site, current), esc(title), body);
}

std::string page_table(std::string_view caption, const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
    std::string out = fmt::format("<table>\n<caption>{}</caption>\n<thead><tr>", esc(caption));
    for (const auto& cell : header)
        out += fmt::format("<th scope=\"col\">{}</th>", esc(cell));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (const auto& cell : row)
            out += "<td>" + cell + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string case_link(const std::string& id) {
    return fmt::format("<a href=\"/case/{}\">{}</a>", url_encoded(id), esc(id));
}

std::string_view site_style() {
    return k_style;
}

std::string content_security_policy(std::string_view html) {
    std::string styles = "'self'";
    for (std::size_t at = html.find("<style>"); at != std::string_view::npos;
         at = html.find("<style>", at + 1)) {
        const std::size_t start = at + 7;
        const std::size_t end = html.find("</style>", start);
        if (end == std::string_view::npos)
            break;
        styles += " 'sha256-" + sha256_base64(html.substr(start, end - start)) + "'";
    }
    return "default-src 'none'; style-src " + styles +
           "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

} // namespace complaints::cli
