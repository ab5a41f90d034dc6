// SPDX-License-Identifier: Apache-2.0
// One case on `complaints serve`: what `show` shows, as a page, with its
// kept letters and attachments to open.
#include "answer_date_text.hpp"
#include "clock_text.hpp"
#include "problem_text.hpp"
#include "serve_pages.hpp"

#include "complaints/base/text.hpp"
#include "complaints/render/letters.hpp"
#include "complaints/render/report.hpp"
#include "complaints/store/attachments.hpp"
#include "complaints/workflow/workflow.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

// A case's text as the page may show it: names withheld unless asked for.
struct Shown {
    const View& view;
    const Case& c;
    std::string operator()(const std::string& text) const {
        return esc(view.include_names ? text : without_names(c, text));
    }
    std::string block(const std::string& text) const {
        return "<pre class=\"text\">" + (*this)(text) + "</pre>";
    }
};

std::string fact(std::string_view term, const std::string& html) {
    return fmt::format("<dt>{}</dt><dd>{}</dd>\n", esc(term), html);
}

std::string facts(const Shown& shown, const std::vector<Clock>& clocks) {
    const Case& c = shown.c;
    const Store& store = shown.view.store;
    std::string out = "<dl class=\"facts\">\n";
    out += fact("Status", esc(fmt::format("{} {} ({})", name_of(c.status), name_of(c.kind),
                                          c.category ? name_of(*c.category) : "category not set")));
    out += fact("Received", esc(uk_time(c.received) + " " + received_by(c.channel)));
    out += fact("Complainant", shown.view.include_names ? esc(c.complainant) : "(withheld)");
    out += fact("About", esc(c.about.empty() ? "(not recorded)" : c.about) +
                             (c.gmc.empty() ? "" : esc(" (GMC " + c.gmc + ")")));
    if (!c.agent.empty())
        out += fact("Handler", esc(c.agent));
    if (!c.practitioners.empty())
        out += fact("Practitioners", esc(joined(c.practitioners)));
    if (!c.type.empty())
        out += fact("Type", esc(c.type));
    if (c.outcome)
        out += fact("Outcome", esc(name_of(*c.outcome)));
    if (const auto next = next_clock(clocks))
        out += fact("Due next",
                    esc(fmt::format("{} by {} ({})", next->rule, due_text(*next, store.zone()),
                                    standing_text(*next, store.zone()))));
    for (const auto& note : attention(c, store.config().policy))
        out += fact("Attention", esc(attention_text(note)));
    return out + fact("File", esc(store.display_path(c.id))) + "</dl>\n";
}

std::string points(const Shown& shown) {
    const Case& c = shown.c;
    std::string out;
    if (!c.points.empty()) {
        out += "<h2>Points raised</h2>\n<ol>\n";
        for (const auto& point : c.points) {
            out += "<li>" + shown.block(point.text);
            if (point.finding)
                out += "<p><strong>Finding: " + esc(name_of(*point.finding)) + ".</strong> " +
                       shown(point.conclusion) + "</p>";
            if (!point.remedial_action.empty())
                out += "<p>Remedial action: " + shown(point.remedial_action) + "</p>";
            out += "</li>\n";
        }
        out += "</ol>\n";
    }
    if (!c.apology.empty())
        out += "<h2>Apology</h2>\n" + shown.block(c.apology) + "\n";
    if (!c.summary.empty())
        out = "<h2>Summary</h2>\n" + shown.block(c.summary) + "\n" + out;
    return out;
}

std::string deadlines(const Shown& shown, const std::vector<Clock>& clocks) {
    if (clocks.empty())
        return "";
    const auto& zone = shown.view.store.zone();
    std::vector<std::vector<std::string>> rows;
    for (const auto& clock : clocks)
        rows.push_back({esc(clock.rule), esc(due_text(clock, zone)),
                        esc(standing_text(clock, zone) +
                            (clock.extended ? " (extended)" : answer_date_note(shown.c, clock)))});
    return "<h2>Deadlines</h2>\n" + page_table("Deadlines", {"Clock", "Due", "Standing"}, rows);
}

std::string actions(const Shown& shown) {
    const Case& c = shown.c;
    std::string out;
    if (!c.actions.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : c.actions)
            rows.push_back(
                {std::to_string(a.number), shown(a.text), esc(a.lead), esc(format_date(a.due)),
                 esc(a.done
                         ? "done " + format_date(local_date(a.done->utc, shown.view.store.zone()))
                         : "open")});
        out += "<h2>Action plan</h2>\n" +
               page_table("Action plan", {"", "Action", "Lead", "By", "Standing"}, rows);
    }
    if (!c.learning.empty())
        out += "<h2>Lessons learnt</h2>\n" + shown.block(c.learning) + "\n";
    return out;
}

std::string event_files(const Shown& shown, const Event& event, std::size_t number) {
    std::string out;
    const std::string id = url_encoded(shown.c.id);
    if (!event.letter.empty())
        out += fmt::format("<p><a href=\"/case/{}/letter/{}\">Letter kept</a></p>", id, number);
    if (event.attachment) {
        const auto all = attachments_of(shown.c);
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all[i] == &event)
                out += fmt::format("<p><a href=\"/case/{}/attachment/{}\">File kept: {}</a> "
                                   "({})</p>",
                                   id, i + 1, esc(event.attachment->name),
                                   esc(event.attachment->media_type));
    }
    return out;
}

// Every event, numbered as `void ID N` takes it; a void one struck through,
// with the reason.
std::string timeline(const Shown& shown) {
    const Case& c = shown.c;
    std::string out = "<h2>Timeline</h2>\n<ol class=\"timeline\">\n";
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& event = c.events[i];
        const Event* voiding = voided_by(c, event);
        std::string item = fmt::format("<strong>{}</strong> {} <span class=\"note\">{}</span>",
                                       esc(uk_time(in_zone(event.at.utc, shown.view.store.zone()))),
                                       esc(name_of(event.type)), esc(event.by));
        if (!event.text.empty())
            item += shown.block(event.text);
        item += event_files(shown, event, i + 1);
        out += voiding ? fmt::format("<li><del>{}</del><p>Void: {}</p></li>\n", item,
                                     shown(voiding->text))
                       : "<li>" + item + "</li>\n";
    }
    return out + "</ol>\n";
}

Case case_of(const View& view, const std::string& id) {
    return view.store.load(view.store.resolve(id));
}

} // namespace

Page case_page(const View& view, const std::string& id) {
    const Case c = case_of(view, id);
    const Shown shown{view, c};
    const auto clocks = clocks_of(c, view.store, view.now);
    const std::string body = facts(shown, clocks) + points(shown) + deadlines(shown, clocks) +
                             actions(shown) + timeline(shown);
    return {200, "text/html; charset=utf-8", page_frame(view.site, Nav::cases, c.id, body), {}};
}

Page letter_page(const View& view, const std::string& id, int event) {
    const Case c = case_of(view, id);
    if (event < 1 || static_cast<std::size_t>(event) > c.events.size() ||
        c.events[static_cast<std::size_t>(event) - 1].letter.empty())
        return error_page(view.site, 404, fmt::format("{} has no letter at event {}", c.id, event));
    const std::string kept =
        view.store.read_letter(c.id, c.events[static_cast<std::size_t>(event) - 1].letter);
    return {200,
            "text/html; charset=utf-8",
            letter_html(kept, fmt::format("{}: {}", view.site.organisation, c.id)),
            {}};
}

Page attachment_page(const View& view, const std::string& id, int number) {
    const Case c = case_of(view, id);
    const Attachment& a = *attachment_numbered(c, number).attachment;
    if (const auto problem = attachment_problem(view.store, c.id, a))
        return error_page(view.site, 500, "the file kept is not the one attached: " + *problem);
    // Sent as what it is, to be saved, never shown in the page's origin: an
    // HTML or SVG attachment could otherwise run there.
    return {200, "application/octet-stream", view.store.read_attachment(c.id, a), a.name};
}

} // namespace complaints::cli
