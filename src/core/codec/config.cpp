// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/config.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/policy/patient_data.hpp"
#include "yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace complaints {

namespace {

// Runs `check`; a usage error it throws becomes bad data at `node`.
template <class Check> auto at_node(const MapReader& map, const YamlNode& node, Check check) {
    try {
        return check();
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::usage)
            throw;
        throw Error(ErrorKind::bad_data, e.what(), map.where(node));
    }
}

void read_policy(MapReader& parent, const YamlNode& node, Config& config) {
    MapReader map(node, parent.where(node).file, "policy");
    for (const auto& entry : map.all()) {
        const std::string value = map.text(entry.value, entry.key);
        const auto names = policy_key_names(config.policy);
        if (std::find(names.begin(), names.end(), entry.key) == names.end())
            throw Error(ErrorKind::bad_data,
                        fmt::format("unknown policy rule '{}'{}", entry.key,
                                    did_you_mean(entry.key, names)),
                        map.where(entry.key_node));
        at_node(map, entry.value, [&] { override_policy(config.policy, entry.key, value); });
        config.policy_overrides.emplace_back(entry.key, value);
    }
}

// A code of the return's lists: lower-case letters, digits and hyphens, so it
// is one word in a case file, on the command line and in the return's CSV.
bool is_code(std::string_view code) {
    return !code.empty() && std::all_of(code.begin(), code.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
}

std::vector<std::string>* return_list(ReturnCodes& codes, std::string_view key) {
    if (key == "age_bands")
        return &codes.age_bands;
    if (key == "complainant_statuses")
        return &codes.complainant_statuses;
    if (key == "subject_areas")
        return &codes.subject_areas;
    if (key == "staff_groups")
        return &codes.staff_groups;
    return nullptr;
}

// `returns:`: the statutory return's code lists, each replacing the preset's,
// and whether closing needs them.
void read_returns(MapReader& parent, const YamlNode& node, Config& config) {
    MapReader map(node, parent.where(node).file, "returns");
    for (const auto& entry : map.all()) {
        if (entry.key == "required") {
            const std::string text = map.text(entry.value, entry.key);
            if (text != "true" && text != "false")
                throw Error(ErrorKind::bad_data, "'required' must be true or false",
                            map.where(entry.value));
            config.policy.returns.required = text == "true";
            config.returns_required = config.policy.returns.required;
            continue;
        }
        std::vector<std::string>* list = return_list(config.policy.returns, entry.key);
        if (!list)
            throw Error(ErrorKind::bad_data,
                        fmt::format("unknown list '{}' (returns: takes age_bands, "
                                    "complainant_statuses, subject_areas, staff_groups, required)",
                                    entry.key),
                        map.where(entry.key_node));
        list->clear();
        for (const auto& item : map.sequence(entry.value, entry.key)) {
            std::string code = map.text(item, entry.key);
            if (!is_code(code))
                throw Error(ErrorKind::bad_data,
                            fmt::format("'{}' is not a code: write lower-case letters, digits "
                                        "and hyphens, such as 'waiting-times'",
                                        code),
                            map.where(item));
            list->push_back(std::move(code));
        }
        config.return_lists.emplace_back(entry.key, *list);
    }
}

void write_returns(std::string& out, const Config& config) {
    if (config.return_lists.empty() && !config.returns_required)
        return;
    out += "returns:\n";
    if (config.returns_required)
        out += fmt::format("  required: {}\n", *config.returns_required ? "true" : "false");
    for (const auto& [key, codes] : config.return_lists) {
        out += fmt::format("  {}:\n", key);
        for (const auto& code : codes)
            out += fmt::format("    - {}\n", code);
    }
}

Closure read_closure(const MapReader& parent, const YamlNode& node) {
    if (node.is_scalar()) {
        const auto day = parent.date(node, "closures");
        return Closure{day, day, "Closed"};
    }
    MapReader map(node, parent.where(node).file, "a closure");
    Closure closure;
    if (const YamlNode single = map.optional("date"); single.defined()) {
        closure.from = closure.to = map.date(single, "date");
    } else {
        closure.from = map.date(map.required("from"), "from");
        const YamlNode to = map.required("to");
        closure.to = map.date(to, "to");
        if (closure.to < closure.from)
            throw Error(ErrorKind::bad_data, "a closure cannot end before it starts",
                        map.where(to));
    }
    closure.name = map.text(map.optional("name"), "name");
    if (closure.name.empty())
        closure.name = "Closed";
    map.reject_unknown({"date", "from", "to", "name"});
    return closure;
}

BankHolidayChanges read_changes(const MapReader& parent, const YamlNode& node) {
    MapReader map(node, parent.where(node).file, "a region's bank holiday changes");
    BankHolidayChanges changes;
    for (const auto& item : map.sequence(map.optional("add"), "add")) {
        MapReader added(item, map.where(item).file, "an added bank holiday");
        const auto day = added.date(added.required("date"), "date");
        changes.added.push_back({day, added.text(added.optional("name"), "name")});
        added.reject_unknown({"date", "name"});
    }
    for (const auto& item : map.sequence(map.optional("cancel"), "cancel"))
        changes.cancelled.push_back(map.date(item, "cancel"));
    map.reject_unknown({"add", "cancel"});
    return changes;
}

void read_bank_holidays(MapReader& parent, const YamlNode& node, Config& config) {
    MapReader map(node, parent.where(node).file, "bank_holidays");
    for (const auto& entry : map.all()) {
        const auto region = enum_from<Region>(entry.key);
        if (!region)
            throw Error(ErrorKind::bad_data,
                        fmt::format("unknown region '{}'{}", entry.key,
                                    did_you_mean(entry.key, enum_names<Region>())),
                        map.where(entry.key_node));
        config.calendar.changes[static_cast<std::size_t>(*region)] = read_changes(map, entry.value);
    }
}

// One name of the agents roster: text, not blank, listed once; or, for an
// agent who has left, a mapping of `name` and `left` (the date).
std::string read_agent(const MapReader& map, const YamlNode& node,
                       const std::vector<std::string>& before, std::vector<AgentLeft>& left) {
    std::string name;
    if (node.is_map()) {
        MapReader entry(node, map.where(node).file, "a roster entry that is not a plain name");
        name = util::trim(entry.text(entry.required("name"), "name"));
        const date::year_month_day on = entry.date(entry.required("left"), "left");
        entry.reject_unknown({"name", "left"});
        left.push_back({name, on});
    } else {
        name = util::trim(map.text(node, "agents"));
    }
    if (name.empty())
        throw Error(ErrorKind::bad_data, "'agents' lists a blank name", map.where(node));
    for (const auto& agent : before)
        if (folded(agent) == folded(name))
            throw Error(ErrorKind::bad_data, fmt::format("'agents' lists '{}' twice", name),
                        map.where(node));
    return name;
}

// One row of the practitioners' register: a name listed once, a role, and
// whether they are staff or practise independently (then with the date
// their practising privileges are next reviewed, when kept).
Practitioner read_practitioner(const MapReader& parent, const YamlNode& node,
                               const std::vector<Practitioner>& before) {
    MapReader map(node, parent.where(node).file, "a practitioner");
    Practitioner practitioner;
    const YamlNode name = map.required("name");
    practitioner.name = util::trim(map.text(name, "name"));
    if (practitioner.name.empty())
        throw Error(ErrorKind::bad_data, "'practitioners' lists a blank name", map.where(name));
    for (const auto& known : before)
        if (folded(known.name) == folded(practitioner.name))
            throw Error(ErrorKind::bad_data,
                        fmt::format("'practitioners' lists '{}' twice", practitioner.name),
                        map.where(name));
    practitioner.role = util::trim(map.text(map.optional("role"), "role"));
    if (const YamlNode engagement = map.optional("engagement"); engagement.defined())
        practitioner.engagement = map.enumerated<Engagement>(engagement);
    if (const YamlNode review = map.optional("privileges_review"); review.defined())
        practitioner.privileges_review = map.date(review, "privileges_review");
    map.reject_unknown({"name", "role", "engagement", "privileges_review"});
    return practitioner;
}

// The stage 2 bodies the letter signposts, replacing the preset's list.
void read_review_bodies(MapReader& parent, const YamlNode& node, Config& config) {
    config.policy.review_bodies.clear();
    for (const auto& item : parent.sequence(node, "review_bodies")) {
        MapReader map(item, parent.where(item).file, "a review body");
        ReviewBody body;
        body.key = map.text(map.required("key"), "key");
        body.name = map.text(map.required("name"), "name");
        body.contact = map.text(map.optional("contact"), "contact");
        body.earlier_when = map.text(map.optional("earlier_when"), "earlier_when");
        const auto flag = [&](std::string_view key, bool absent = false) {
            const std::string text = map.text(map.optional(key), key);
            if (text.empty())
                return absent;
            if (text == "false")
                return false;
            if (text == "true")
                return true;
            throw Error(ErrorKind::bad_data, fmt::format("'{}' must be true or false", key),
                        map.where(map.optional(key)));
        };
        body.after_response = flag("after_response");
        body.clinical_only = flag("clinical_only");
        body.advice = flag("advice");
        body.earlier_with_reason = flag("earlier_with_reason");
        body.blocks_close = flag("blocks_close");
        // Before stage_two, `blocks_close: false` was how a body was said
        // to run its own process about the clinician: read it so still.
        const bool legacy_referral = !map.optional("stage_two").defined() &&
                                     map.optional("blocks_close").defined() && !body.blocks_close;
        body.stage_two = flag("stage_two", !legacy_referral);
        map.reject_unknown({"key", "name", "contact", "after_response", "clinical_only", "advice",
                            "earlier_with_reason", "earlier_when", "stage_two", "blocks_close"});
        config.policy.review_bodies.push_back(body);
        config.review_bodies_overridden = true;
    }
}

void write_review_bodies(std::string& out, const Config& config) {
    if (!config.review_bodies_overridden)
        return;
    out += "review_bodies:\n";
    for (const auto& body : config.policy.review_bodies) {
        out += fmt::format("  - key: {}\n    name: {}\n", body.key, emit_text_value(body.name, 6));
        out += fmt::format("    contact: {}\n", emit_text_value(body.contact, 6));
        out += fmt::format("    after_response: {}\n    clinical_only: {}\n", body.after_response,
                           body.clinical_only);
        if (body.advice)
            out += "    advice: true\n";
        if (body.earlier_with_reason)
            out += "    earlier_with_reason: true\n";
        if (!body.earlier_when.empty())
            out += fmt::format("    earlier_when: {}\n", emit_text_value(body.earlier_when, 6));
        // Both always: `blocks_close: false` alone reads as a file from
        // before stage_two, a referral rather than a stage 2.
        out += fmt::format("    stage_two: {}\n    blocks_close: {}\n", body.stage_two,
                           body.blocks_close);
    }
}

// A pattern, "(?i)PATTERN", or {pattern: PATTERN, ignore_case: true}; kept
// in the first two forms (patient_data.hpp). A bad one is refused here, at
// its line, so no command gets as far as using it.
std::string read_patient_data_pattern(const MapReader& parent, const YamlNode& node) {
    YamlNode text_node = node;
    std::string pattern;
    if (node.is_scalar()) {
        pattern = parent.text(node, "patient_data_patterns");
    } else {
        MapReader map(node, parent.where(node).file, "a patient data pattern");
        text_node = map.required("pattern");
        pattern = map.text(text_node, "pattern");
        const YamlNode icase = map.optional("ignore_case");
        const std::string flag = map.text(icase, "ignore_case");
        if (flag != "" && flag != "true" && flag != "false")
            throw Error(ErrorKind::bad_data, "'ignore_case' must be true or false",
                        map.where(icase));
        map.reject_unknown({"pattern", "ignore_case"});
        if (flag == "true" && !pattern.starts_with("(?i)"))
            pattern = "(?i)" + pattern;
    }
    if (pattern.empty() || pattern == "(?i)")
        throw Error(ErrorKind::bad_data, "an empty pattern would match every text",
                    parent.where(text_node));
    if (const auto why = bad_patient_data_pattern(pattern))
        throw Error(ErrorKind::bad_data,
                    fmt::format("'{}' is not a valid pattern: {}", pattern, *why),
                    parent.where(text_node));
    return pattern;
}

void read_calendar(MapReader& map, Config& config) {
    for (const auto& node : map.sequence(map.optional("closures"), "closures"))
        config.calendar.closures.push_back(read_closure(map, node));
    if (const YamlNode changes = map.optional("bank_holidays"); changes.defined())
        read_bank_holidays(map, changes, config);
}

std::string yaml_quoted(std::string_view text) {
    return emit_text_value(text, 2);
}

void write_calendar(std::string& out, const CalendarSettings& calendar) {
    if (!calendar.closures.empty()) {
        out += "closures:\n";
        for (const auto& c : calendar.closures) {
            if (c.from == c.to)
                out += fmt::format("  - date: {}\n", format_date(c.from));
            else
                out += fmt::format("  - from: {}\n    to: {}\n", format_date(c.from),
                                   format_date(c.to));
            out += fmt::format("    name: {}\n", yaml_quoted(c.name));
        }
    }
    bool any = false;
    for (std::size_t r = 0; r < calendar.changes.size(); ++r) {
        const auto& changes = calendar.changes[r];
        if (changes.added.empty() && changes.cancelled.empty())
            continue;
        if (!std::exchange(any, true))
            out += "bank_holidays:\n";
        out += fmt::format("  {}:\n", name_of(static_cast<Region>(r)));
        if (!changes.added.empty())
            out += "    add:\n";
        for (const auto& h : changes.added)
            out += fmt::format("      - date: {}\n        name: {}\n", format_date(h.day),
                               yaml_quoted(h.name));
        if (!changes.cancelled.empty())
            out += "    cancel:\n";
        for (const auto& day : changes.cancelled)
            out += fmt::format("      - {}\n", format_date(day));
    }
}

} // namespace

void check_prefix(std::string_view prefix) {
    const bool length_ok = prefix.size() >= 2 && prefix.size() <= 6;
    const bool starts_with_letter = !prefix.empty() && prefix[0] >= 'A' && prefix[0] <= 'Z';
    const bool all_ok = std::all_of(prefix.begin(), prefix.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (!length_ok || !starts_with_letter || !all_ok)
        throw Error(ErrorKind::usage,
                    fmt::format("prefix '{}' must be 2 to 6 capital letters or digits, starting "
                                "with a letter (for example LUM)",
                                prefix));
}

namespace {

// A whole number of megabytes from 1 to k_largest_attachment_limit_mb.
int attachment_limit(const std::string& text) {
    int megabytes = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), megabytes);
    if (error != std::errc{} || end != text.data() + text.size() || megabytes < 1 ||
        megabytes > k_largest_attachment_limit_mb)
        throw Error(ErrorKind::usage,
                    fmt::format("attachment_limit_mb: '{}' is not a whole number of megabytes "
                                "from 1 to {}",
                                text, k_largest_attachment_limit_mb));
    return megabytes;
}

} // namespace

Config read_config(std::string_view text, const std::string& file) {
    if (const auto bad = first_invalid_byte(text)) {
        const auto at = line_column_at(text, *bad);
        throw Error(ErrorKind::bad_data, "contains bytes that are not UTF-8",
                    Location{file, at.line, at.column});
    }
    const YamlDocument document = parse_yaml(text, file);
    MapReader map(document.root(), file, "complaints.yaml");
    Config config;
    config.organisation = map.text(map.required("organisation"), "organisation");
    const YamlNode preset = map.required("preset");
    config.preset = map.text(preset, "preset");
    if (!find_preset(config.preset))
        throw Error(ErrorKind::bad_data,
                    fmt::format("unknown preset '{}'{}", config.preset,
                                did_you_mean(config.preset, preset_names())),
                    map.where(preset));
    config.policy = preset_policy(config.preset);
    const YamlNode prefix = map.required("prefix");
    config.prefix = map.text(prefix, "prefix");
    at_node(map, prefix, [&] { check_prefix(config.prefix); });
    // Without one, the preset's (NHS Scotland's: Scotland).
    config.region = config.policy.region;
    if (const YamlNode region = map.optional("region"); region.defined())
        config.region = map.enumerated<Region>(region);
    if (const YamlNode zone = map.optional("timezone"); zone.defined()) {
        config.timezone = map.text(zone, "timezone");
        at_node(map, zone, [&] { return &find_zone(config.timezone); });
    }
    config.author = map.text(map.optional("author"), "author");
    config.signatory = map.text(map.optional("signatory"), "signatory");
    config.responsible_person = map.text(map.optional("responsible_person"), "responsible_person");
    config.complaints_manager = map.text(map.optional("complaints_manager"), "complaints_manager");
    config.advocacy = map.text(map.optional("advocacy"), "advocacy");
    for (const auto& node : map.sequence(map.optional("enclosures"), "enclosures"))
        config.enclosures.push_back(map.text(node, "enclosures"));
    for (const auto& node : map.sequence(map.optional("agents"), "agents"))
        config.agents.push_back(read_agent(map, node, config.agents, config.agents_left));
    for (const auto& node : map.sequence(map.optional("practitioners"), "practitioners"))
        config.practitioners.push_back(read_practitioner(map, node, config.practitioners));
    config.website = util::trim(map.text(map.optional("website"), "website"));
    if (const YamlNode policy = map.optional("policy"); policy.defined())
        read_policy(map, policy, config);
    for (const auto& node :
         map.sequence(map.optional("patient_data_patterns"), "patient_data_patterns"))
        config.policy.patient_data_patterns.push_back(read_patient_data_pattern(map, node));
    if (const YamlNode bodies = map.optional("review_bodies"); bodies.defined())
        read_review_bodies(map, bodies, config);
    if (const YamlNode returns = map.optional("returns"); returns.defined())
        read_returns(map, returns, config);
    read_calendar(map, config);
    if (const YamlNode limit = map.optional("attachment_limit_mb"); limit.defined())
        config.attachment_limit_mb = at_node(
            map, limit, [&] { return attachment_limit(map.text(limit, "attachment_limit_mb")); });
    map.reject_unknown({"organisation",
                        "preset",
                        "prefix",
                        "region",
                        "timezone",
                        "author",
                        "signatory",
                        "responsible_person",
                        "complaints_manager",
                        "advocacy",
                        "enclosures",
                        "agents",
                        "policy",
                        "review_bodies",
                        "patient_data_patterns",
                        "closures",
                        "bank_holidays",
                        "attachment_limit_mb",
                        "returns",
                        "practitioners",
                        "website"});
    return config;
}

namespace {

void write_practitioners(std::string& out, const Config& config) {
    if (config.practitioners.empty())
        return;
    out += "practitioners:\n";
    for (const auto& p : config.practitioners) {
        out += fmt::format("  - name: {}\n", yaml_quoted(p.name));
        if (!p.role.empty())
            out += fmt::format("    role: {}\n", yaml_quoted(p.role));
        out += fmt::format("    engagement: {}\n", name_of(p.engagement));
        if (p.privileges_review)
            out += fmt::format("    privileges_review: {}\n", format_date(*p.privileges_review));
    }
}

// An agent as the roster lists them: a name, or who left and when.
std::string roster_entry(const std::string& agent, const std::vector<AgentLeft>& left) {
    for (const auto& gone : left)
        if (gone.name == agent)
            return fmt::format("  - name: {}\n    left: {}\n", emit_text_value(agent, 6),
                               format_date(gone.on));
    return fmt::format("  - {}\n", emit_text_value(agent, 4));
}

} // namespace

std::string write_config(const Config& config) {
    std::string out = "# complaints repository settings: see complaints(1) and docs/policy.md\n";
    out += fmt::format("organisation: {}\n", yaml_quoted(config.organisation));
    out += fmt::format("preset: {}\n", config.preset);
    out += fmt::format("prefix: {}\n", config.prefix);
    out += fmt::format("region: {}\n", name_of(config.region));
    out += fmt::format("timezone: {}\n", config.timezone);
    if (!config.author.empty())
        out += fmt::format("author: {}\n", yaml_quoted(config.author));
    if (!config.signatory.empty())
        out += fmt::format("signatory: {}\n", yaml_quoted(config.signatory));
    else
        // Until it is set, every letter says where to set it.
        out += fmt::format("# signatory: \"Your Name, {}\"  # who signs the letters\n",
                           preset_policy(config.preset).letter.signatory);
    const auto named = [&](std::string_view key, const std::string& value, std::string_view hint) {
        if (!value.empty())
            out += fmt::format("{}: {}\n", key, yaml_quoted(value));
        else if (preset_policy(config.preset).letter.responsible_person_signs)
            out += fmt::format("# {}: {}\n", key, hint);
    };
    named("responsible_person", config.responsible_person,
          "\"Dr Name, Senior Partner\"  # regulation 4: signs the response");
    named("complaints_manager", config.complaints_manager,
          "\"Name, Practice Manager\"  # regulation 4: signs the other letters");
    if (!config.advocacy.empty())
        out += fmt::format("advocacy: {}\n", emit_text_value(config.advocacy, 2));
    if (!config.website.empty())
        out += fmt::format("website: {}\n", yaml_quoted(config.website));
    else if (preset_policy(config.preset).preferred_channel == Channel::web_form)
        out += "# website: \"https://www.example.org/complaints\"  # the complaint form's "
               "page, which letters and the leaflet give\n";
    if (!config.enclosures.empty()) {
        out += "enclosures:\n";
        for (const auto& enclosure : config.enclosures)
            out += fmt::format("  - {}\n", emit_text_value(enclosure, 4));
    }
    if (!config.agents.empty()) {
        out += "agents:\n";
        for (const auto& agent : config.agents)
            out += roster_entry(agent, config.agents_left);
    } else if (clock_met_by(preset_policy(config.preset), EventType::assigned)) {
        // Where complaints are assigned, how to name the agents it takes.
        out += "# agents:  # the support agents a case is assigned to (none listed: any name)\n"
               "#   - Priya Shah\n";
    }
    if (!config.policy_overrides.empty()) {
        out += "policy:\n";
        for (const auto& [key, value] : config.policy_overrides)
            out += fmt::format("  {}: {}\n", key, yaml_quoted(value));
    }
    if (!config.policy.patient_data_patterns.empty()) {
        out += "patient_data_patterns:\n";
        for (const auto& pattern : config.policy.patient_data_patterns)
            out += fmt::format("  - {}\n", emit_text_value(pattern, 4));
    }
    write_practitioners(out, config);
    write_review_bodies(out, config);
    write_returns(out, config);
    write_calendar(out, config.calendar);
    if (config.attachment_limit_mb != k_default_attachment_limit_mb)
        out += fmt::format("attachment_limit_mb: {}\n", config.attachment_limit_mb);
    return out;
}

std::string letter_signer(const Config& config, bool response) {
    const bool roles = config.policy.letter.responsible_person_signs;
    if (roles && response && !config.responsible_person.empty())
        return config.responsible_person;
    if (roles && !response && !config.complaints_manager.empty())
        return config.complaints_manager;
    return config.signatory;
}

std::string letter_advocacy(const Config& config) {
    return config.advocacy.empty() ? config.policy.letter.advocacy : config.advocacy;
}

const Practitioner* find_practitioner(const Config& config, std::string_view name) {
    const std::string wanted = folded(name);
    for (const auto& practitioner : config.practitioners)
        if (folded(practitioner.name) == wanted)
            return &practitioner;
    return nullptr;
}

std::string complaints_manager_name(const Config& config) {
    const std::string& named =
        !config.complaints_manager.empty() ? config.complaints_manager : config.signatory;
    return util::trim(named.substr(0, named.find(',')));
}

std::string letter_signatory(const Config& config) {
    if (!config.signatory.empty())
        return config.signatory;
    return config.policy.letter.signatory;
}

std::vector<std::string> letter_enclosures(const Config& config) {
    if (!config.enclosures.empty())
        return config.enclosures;
    return config.policy.letter.enclosures;
}

WorkingCalendar working_calendar(const Config& config) {
    return WorkingCalendar(config.region, config.calendar);
}

} // namespace complaints
