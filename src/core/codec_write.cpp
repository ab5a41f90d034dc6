#include "complaints/codec.hpp"

#include "complaints/util/utf8.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace complaints {

namespace {

// The code point at text[i] and its length in bytes. Text is checked where it
// comes in; a byte that still is not UTF-8 is copied alone (U+FFFD needs no
// escape) rather than taking the bytes after it along.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    std::size_t next = i;
    if (const auto c = util::decode_utf8(text, next))
        return {*c, next - i};
    return {U'\uFFFD', 1};
}

// Code points a YAML reader may not take literally: controls, line and
// paragraph separators that YAML 1.1 treats as breaks, and the byte-order mark.
bool needs_escape(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
           c == 0xFEFF;
}

std::string escape_code_point(char32_t c) {
    switch (c) {
    case '\0': return "\\0";
    case '\a': return "\\a";
    case '\b': return "\\b";
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\v': return "\\v";
    case '\f': return "\\f";
    case '\r': return "\\r";
    case 0x1B: return "\\e";
    case 0x2028: return "\\L";
    case 0x2029: return "\\P";
    default: break;
    }
    // \x and \N would be shorter above 0x7F, but yaml-cpp 0.7 reads them as
    // raw bytes rather than code points.
    if (c < 0x80)
        return fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    return fmt::format("\\u{:04X}", static_cast<unsigned>(c));
}

std::string double_quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = decode(text, i);
        if (c == '"' || c == '\\')
            out += '\\';
        if (needs_escape(c))
            out += escape_code_point(c);
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out + '"';
}

// A literal block reads back exactly only for text made of lines without
// carriage returns, escapes or leading blanks, and without blank-only lines
// (a reader folds those into the indentation).
bool literal_reads_back(std::string_view text) {
    // Text of line breaks alone reads back empty under every chomping style;
    // a first line with content that starts blank would set the indentation.
    const std::size_t first = text.find_first_not_of('\n');
    if (first == std::string_view::npos || text[first] == ' ' || text[first] == '\t' ||
        text.find('\n') == std::string_view::npos)
        return false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = decode(text, i);
        if (c != '\n' && needs_escape(c) && c != '\t')
            return false;
        i += length;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        const bool blank = !line.empty() && line.find_first_not_of(" \t") == std::string_view::npos;
        const bool leading_tab = !line.empty() && line.front() == '\t';
        if (blank || leading_tab)
            return false;
        start = end + 1;
    }
    return true;
}

std::string literal_block(std::string_view text, int indent) {
    std::size_t body_end = text.size();
    while (body_end > 0 && text[body_end - 1] == '\n')
        --body_end;
    const std::size_t trailing = text.size() - body_end;
    std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::size_t start = 0;
    const std::string_view body = text.substr(0, body_end);
    while (start <= body.size()) {
        const std::size_t end = std::min(body.find('\n', start), body.size());
        const std::string_view line = body.substr(start, end - start);
        out += '\n';
        if (!line.empty())
            out += pad + std::string(line);
        start = end + 1;
    }
    for (std::size_t k = 1; k < trailing; ++k)
        out += '\n';
    return out;
}

std::string plain(std::string_view value) { return std::string(value); }

void field(std::string& out, int indent, std::string_view key, const std::string& value) {
    out += fmt::format("{:{}}{}: {}\n", "", indent, key, value);
}

void text_field(std::string& out, int indent, std::string_view key, std::string_view value) {
    field(out, indent, key, emit_text_value(value, indent + 2));
}

// Unknown keys go back out through yaml-cpp's own emitter, indented to fit.
void extras(std::string& out, int indent, const std::vector<Extra>& unknown) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& extra : unknown) {
        YAML::Emitter emitter;
        emitter << YAML::BeginMap << YAML::Key << extra.key << YAML::Value
                << YAML::Load(extra.yaml) << YAML::EndMap;
        std::string_view emitted = emitter.c_str();
        std::size_t start = 0;
        while (start < emitted.size()) {
            const std::size_t end = std::min(emitted.find('\n', start), emitted.size());
            out += pad;
            out.append(emitted.substr(start, end - start));
            out += '\n';
            start = end + 1;
        }
    }
}

void write_point(std::string& out, const Point& point) {
    out += fmt::format("  - n: {}\n", point.number);
    text_field(out, 4, "text", point.text);
    if (point.finding)
        field(out, 4, "finding", plain(name_of(*point.finding)));
    if (!point.conclusion.empty())
        text_field(out, 4, "conclusion", point.conclusion);
    if (!point.remedial_action.empty())
        text_field(out, 4, "remedial_action", point.remedial_action);
    if (!point.staff.empty())
        text_field(out, 4, "staff", point.staff);
    extras(out, 4, point.extras);
}

void write_action(std::string& out, const Action& action) {
    out += fmt::format("  - n: {}\n", action.number);
    text_field(out, 4, "text", action.text);
    text_field(out, 4, "lead", action.lead);
    field(out, 4, "due", format_date(action.due));
    if (action.added)
        field(out, 4, "added", format_timestamp(*action.added));
    if (!action.progress.empty())
        out += "    progress:\n";
    for (const auto& step : action.progress) {
        out += fmt::format("      - at: {}\n", format_timestamp(step.at));
        text_field(out, 8, "text", step.text);
    }
    if (action.done)
        field(out, 4, "done", format_timestamp(*action.done));
}

void write_escalation(std::string& out, const Escalation& escalation) {
    out += fmt::format("  - body: {}\n", plain(escalation.body));
    field(out, 4, "at", format_timestamp(escalation.at));
    if (!escalation.reference.empty())
        text_field(out, 4, "reference", escalation.reference);
    if (!escalation.outcome.empty())
        text_field(out, 4, "outcome", escalation.outcome);
    if (escalation.outcome_at)
        field(out, 4, "outcome_at", format_timestamp(*escalation.outcome_at));
}

template <class Item, class Write>
void list_field(std::string& out, std::string_view key, const std::vector<Item>& items, Write write) {
    if (items.empty())
        return;
    out += fmt::format("{}:\n", key);
    for (const auto& item : items)
        write(out, item);
}

void write_closing(std::string& out, const Case& c) {
    if (!c.apology.empty())
        text_field(out, 0, "apology", c.apology);
    if (c.outcome)
        field(out, 0, "outcome", plain(name_of(*c.outcome)));
    if (!c.learning.empty())
        text_field(out, 0, "learning", c.learning);
    if (!c.no_learning.empty())
        text_field(out, 0, "no_learning", c.no_learning);
    list_field(out, "actions", c.actions, write_action);
    list_field(out, "escalations", c.escalations, write_escalation);
    if (c.warning)
        field(out, 0, "warning", format_timestamp(*c.warning));
}

void write_event(std::string& out, const Event& event) {
    out += fmt::format("  - at: {}\n", format_timestamp(event.at));
    field(out, 4, "type", plain(std::string(name_of(event.type))));
    text_field(out, 4, "by", event.by);
    text_field(out, 4, "text", event.text);
    if (event.recorded)
        field(out, 4, "recorded", format_timestamp(*event.recorded));
    if (!event.attendees.empty()) {
        out += "    attendees:\n";
        for (const auto& name : event.attendees)
            out += fmt::format("      - {}\n", emit_text_value(name, 8));
    }
    if (event.due)
        field(out, 4, "due", format_date(*event.due));
    extras(out, 4, event.extras);
}

} // namespace

std::string emit_text_value(std::string_view text, int indent) {
    return literal_reads_back(text) ? literal_block(text, indent) : double_quoted(text);
}

std::string write_case(const Case& c) {
    std::string out;
    field(out, 0, "id", plain(c.id));
    field(out, 0, "kind", plain(name_of(c.kind)));
    field(out, 0, "status", plain(name_of(c.status)));
    field(out, 0, "received", format_timestamp(c.received));
    field(out, 0, "channel", plain(name_of(c.channel)));
    text_field(out, 0, "complainant", c.complainant);
    if (!c.on_behalf_of.empty() || c.consent) {
        text_field(out, 0, "on_behalf_of", c.on_behalf_of);
        // Quoted: other YAML readers take a bare yes or no for a boolean.
        if (c.consent)
            field(out, 0, "consent", double_quoted(name_of(*c.consent)));
    }
    text_field(out, 0, "about", c.about);
    if (!c.gmc.empty())
        text_field(out, 0, "gmc", c.gmc);
    if (c.category)
        field(out, 0, "category", plain(name_of(*c.category)));
    if (!c.type.empty())
        text_field(out, 0, "type", c.type);
    if (!c.practitioners.empty()) {
        out += "practitioners:\n";
        for (const auto& name : c.practitioners)
            out += fmt::format("  - {}\n", emit_text_value(name, 4));
    }
    if (c.exclusion) {
        out += fmt::format("exclusion:\n  reason: {}\n", name_of(*c.exclusion));
        text_field(out, 2, "text", c.exclusion_text);
    }
    if (c.clock_from)
        field(out, 0, "clock_from", format_date(*c.clock_from));
    if (c.happened)
        field(out, 0, "happened", format_date(*c.happened));
    if (c.notice_days)
        field(out, 0, "notice_days", std::to_string(*c.notice_days));
    if (!c.agent.empty())
        text_field(out, 0, "agent", c.agent);
    text_field(out, 0, "summary", c.summary);
    out += c.points.empty() ? "points: []\n" : "points:\n";
    for (const auto& point : c.points)
        write_point(out, point);
    write_closing(out, c);
    out += c.events.empty() ? "events: []\n" : "events:\n";
    for (const auto& event : c.events)
        write_event(out, event);
    extras(out, 0, c.extras);
    return out;
}

} // namespace complaints
