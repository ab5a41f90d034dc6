// SPDX-License-Identifier: Apache-2.0
// complaints clinician: a clinician's cases, warnings and standing, and the
// suspension decisions the platform records.
#include "commands.hpp"
#include "json_output.hpp"
#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/text.hpp"
#include "complaints/ops/clinician.hpp"
#include "complaints/workflow/clinicians.hpp"
#include "complaints/workflow/workflow.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

struct ClinicianOptions {
    std::vector<std::string> words; // KEY [review|reinstate|rescind-warning CASE]
    bool list = false;
    std::string as_of;
    std::string reason;
    std::string decision; // with review
    std::string until;    // with a temporary suspension
    WhenWho when_who;
    Format format = Format::table;
};

const Clinician& the_clinician(const std::vector<Clinician>& all, const std::string& query) {
    const auto found = find_clinicians(all, query);
    if (found.size() == 1)
        return *found.front();
    if (found.empty())
        throw Error(ErrorKind::not_found, fmt::format("no clinician matches '{}'", query));
    std::vector<std::string> names;
    for (const auto* c : found)
        names.push_back(c->name + (c->gmc.empty() ? "" : " (GMC " + c->gmc + ")"));
    throw Error(ErrorKind::not_found,
                fmt::format("'{}' matches {} clinicians: {}; give the GMC number", query,
                            found.size(), joined(names)));
}

bool counts_on(const IssuedWarning& w, date::year_month_day day) {
    return w.issued <= day && day < w.expires && !(w.rescinded && *w.rescinded <= day);
}

// As it stood on `day`: an appeal decided after it had not happened yet.
Json warning_json(const IssuedWarning& w, date::year_month_day day) {
    const bool rescinded = w.rescinded && *w.rescinded <= day;
    return Json{{"case", w.case_id},
                {"issued_date", format_date(w.issued)},
                {"expires_date", format_date(w.expires)},
                {"reason", w.reason},
                {"rescinded_date", rescinded ? Json(format_date(*w.rescinded)) : Json(nullptr)},
                {"rescind_reason", rescinded ? w.rescind_reason : ""},
                {"active", counts_on(w, day)}};
}

Json decision_json(const Decision& d) {
    return Json{{"case", d.case_id},
                {"decided_date", format_date(d.on)},
                {"decision", name_of(d.kind)},
                {"until_date", d.until ? Json(format_date(*d.until)) : Json(nullptr)},
                {"reason", d.reason},
                {"by", d.by}};
}

// The clinician's cases received by `day`: a view as of a day leaves out
// what came later.
std::vector<std::string> cases_by(const Clinician& c, date::year_month_day day) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < c.case_ids.size(); ++i)
        if (c.case_received[i] <= day)
            ids.push_back(c.case_ids[i]);
    return ids;
}

Json clinician_json(const Clinician& c, const Standing& standing, date::year_month_day day) {
    Json warnings = Json::array(), history = Json::array(), decisions = Json::array();
    for (const auto& w : c.warnings)
        if (w.issued <= day)
            warnings.push_back(warning_json(w, day));
    for (const auto& d : c.decisions)
        if (d.on <= day)
            decisions.push_back(decision_json(d));
    for (const auto& change : standing.history) {
        Json because = Json::array();
        for (const auto& turn : change.because)
            because.push_back(
                {{"change", name_of(turn.kind)},
                 {"case", turn.case_id},
                 {"decision", turn.decision ? Json(name_of(*turn.decision)) : Json(nullptr)}});
        history.push_back({{"changed_date", format_date(change.on)},
                           {"status", name_of(change.status)},
                           {"because", because}});
    }
    Json referrals = Json::array();
    for (const auto& r : open_referrals_on(c, day))
        referrals.push_back(
            {{"case", r.case_id}, {"body", r.body}, {"referred_date", format_date(r.referred)}});
    return Json{{"key", c.key},
                {"name", c.name},
                {"aliases", c.aliases},
                {"gmc", c.gmc.empty() ? Json(nullptr) : Json(c.gmc)},
                {"as_of_date", format_date(day)},
                {"status", name_of(standing.status)},
                {"active_warnings", standing.active.size()},
                {"warnings", warnings},
                {"decisions", decisions},
                {"history", history},
                {"open_referrals", referrals},
                {"cases", cases_by(c, day)}};
}

// One clinician as a document of its own, its version first.
Json clinician_document(const Clinician& c, const Standing& standing, date::year_month_day day) {
    Json document{{"schema_version", k_json_schema_version}};
    document.update(clinician_json(c, standing, day));
    return document;
}

// Why the standing changed on a day, in words.
std::string turn_text(const Turn& turn) {
    switch (turn.kind) {
    case TurnKind::warning_issued:
        return fmt::format("warning issued ({})", turn.case_id);
    case TurnKind::warning_rescinded:
        return fmt::format("warning from {} rescinded", turn.case_id);
    case TurnKind::warning_expired:
        return fmt::format("warning from {} expired", turn.case_id);
    case TurnKind::warning_out_of_window:
        return fmt::format("warning from {} out of the review window", turn.case_id);
    case TurnKind::decision:
        return *turn.decision == DecisionKind::reinstated
                   ? fmt::format("reinstated ({})", turn.case_id)
                   : fmt::format("review decided {} ({})", name_of(*turn.decision), turn.case_id);
    case TurnKind::suspension_over:
        return fmt::format("temporary suspension over ({})", turn.case_id);
    }
    return {};
}

void print_warning(const IssuedWarning& w, date::year_month_day day) {
    fmt::print("  {}  issued {}, {} {}\n", w.case_id, format_date(w.issued),
               day < w.expires ? "expires" : "expired", format_date(w.expires));
    if (!w.reason.empty())
        fmt::print("      {}\n", w.reason);
    if (w.rescinded && *w.rescinded <= day)
        fmt::print("      rescinded {}: {}\n", format_date(*w.rescinded), w.rescind_reason);
}

// The count says how many stand on the day; the list under it holds those
// and no others, so the two agree. Expired and rescinded ones follow
// under their own heading: nothing is hidden, nothing is miscounted.
void print_warnings(const Clinician& c, const Standing& standing, date::year_month_day day) {
    const auto active = [&](const IssuedWarning& w) {
        return std::any_of(standing.active.begin(), standing.active.end(),
                           [&](const IssuedWarning& a) { return a.case_id == w.case_id; });
    };
    fmt::print("Active warnings: {}\n", standing.active.size());
    std::vector<const IssuedWarning*> past;
    for (const auto& w : c.warnings) {
        if (w.issued > day)
            continue; // not yet issued on the day asked about
        if (active(w))
            print_warning(w, day);
        else
            past.push_back(&w);
    }
    if (!past.empty())
        fmt::print("Expired or rescinded: {}\n", past.size());
    for (const auto* w : past)
        print_warning(*w, day);
}

void print_clinician(const Clinician& c, const Standing& standing, date::year_month_day day) {
    fmt::print("{}{}: {}, as of {}\n", c.name, c.gmc.empty() ? "" : " (GMC " + c.gmc + ")",
               status_since(standing), format_date(day));
    if (!c.aliases.empty())
        fmt::print("Also named: {}\n", joined(c.aliases));
    print_warnings(c, standing, day);
    if (standing.status == ClinicianStatus::suspension_ended)
        fmt::print("Suspension ended: review or reinstate\n");
    bool any = false;
    for (const auto& d : c.decisions) {
        if (d.on > day)
            continue;
        if (!std::exchange(any, true))
            fmt::print("Decisions:\n");
        fmt::print("  {}  {}, by {} ({})\n", format_date(d.on), describe_decision(d),
                   d.by.empty() ? "(unknown)" : d.by, d.case_id);
        fmt::print("      {}\n", d.reason);
    }
    if (!standing.history.empty()) {
        fmt::print("History:\n");
        for (const auto& change : standing.history) {
            std::vector<std::string> why;
            for (const auto& turn : change.because)
                why.push_back(turn_text(turn));
            fmt::print("  {}  {}{}\n", format_date(change.on), name_of(change.status),
                       why.empty() ? "" : ": " + joined(why));
        }
    }
    if (const auto open = open_referrals_on(c, day); !open.empty()) {
        fmt::print("Open referrals:\n");
        for (const auto& r : open)
            fmt::print("  {}  {} since {}, awaiting its outcome\n", r.case_id, r.body,
                       format_date(r.referred));
    }
    fmt::print("Cases: {}\n", joined(cases_by(c, day)));
}

// A review's decision, or a reinstatement: the core checks it against the
// clinician's standing on the decision's day, and it is recorded on the
// case it answers (see decision_case).
void decide(const ClinicianOptions& o, const Writer& repo, const Clinician& clinician,
            const Policy& policy) {
    const auto& [context, store] = repo;
    ClinicianDecision request;
    request.step = o.words[1] == "reinstate" ? ClinicianStep::reinstate : ClinicianStep::review;
    if (!o.decision.empty() && !(request.decision = enum_from<DecisionKind>(o.decision)))
        throw Error(ErrorKind::usage,
                    fmt::format("--decision: '{}' is not no-action, final-warning, "
                                "temporary-suspension or permanent-suspension",
                                o.decision));
    if (!o.until.empty() && !(request.until = parse_date(o.until)))
        throw Error(ErrorKind::usage, "--until: " + date_problem(o.until));
    request.reason = text_from_flag(o.reason, "--reason");
    request.event = make_event(EventType::note, "", o.when_who, context, store);
    const auto [id, event] = decide_on_clinician(clinician, request, policy, store.zone());
    update_case(repo, id, [&](Case& c) { add_event(c, event); });
    // Accepted, so a review had its decision.
    const DecisionKind kind =
        request.step == ClinicianStep::reinstate ? DecisionKind::reinstated : *request.decision;
    Decision shown{id, event.at, {}, kind, request.until, request.reason, event.by};
    fmt::print("{}: {} (recorded on {})\n", clinician.name, describe_decision(shown), id);
}

// Rescinds the warning one of the clinician's cases issued (an appeal
// upheld): an event on that case, and the count follows.
// An appeal that leaves fewer warnings than a review needs withdraws the
// review pending, by a later entry on its case, so that no panel sits on a
// count that no longer stands. `cases` hold the rescinding already.
void withdraw_moot_review(const ClinicianOptions& o, const Writer& repo,
                          const std::vector<Case>& cases, const std::string& key,
                          const std::string& rescinded) {
    const auto& [context, store] = repo;
    const auto moot = complaints::withdraw_moot_review(
        cases, key, rescinded,
        make_event(EventType::review_withdrawn, "", o.when_who, context, store),
        store.config().policy, store.zone());
    if (!moot)
        return;
    const auto& [review, event] = moot->withdrawal;
    update_case(repo, review, [&](Case& c) { add_event(c, event); });
    fmt::print("{}: the suspension review due on {} is withdrawn ({})\n", moot->clinician, review,
               plural(moot->warnings_left, "active warning"));
}

void rescind(const ClinicianOptions& o, const Writer& repo, std::vector<Case>& cases,
             const Clinician& clinician) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.words[2]);
    require_clinicians_case(clinician, id);
    const std::string reason = text_from_flag(o.reason, "--reason");
    const Case rescinded = update_case(repo, id, [&](Case& c) {
        rescind_warning(c,
                        make_event(EventType::warning_rescinded,
                                   reason.empty() ? "" : rescind_text(clinician.name, reason),
                                   o.when_who, context, store),
                        store.zone());
    });
    fmt::print("{}: the warning from {} is rescinded; it stays on the record\n", clinician.name,
               id);
    std::replace_if(
        cases.begin(), cases.end(), [&](const Case& c) { return c.id == id; }, rescinded);
    withdraw_moot_review(o, repo, cases, clinician.key, id);
}

void print_list(const ClinicianOptions& o, const Context& context, const Policy& policy,
                const std::vector<Clinician>& all, date::year_month_day day) {
    Json json = Json::array();
    std::vector<Row> rows;
    // Where a warning needs a GMC number, a complainee without one is a
    // service ("Locum booking team"), not a clinician: named after the table,
    // not listed in it.
    std::vector<std::string> services;
    for (const auto& c : all) {
        if (policy.warnings.needs_gmc && c.gmc.empty()) {
            services.push_back(c.name);
            continue;
        }
        const Standing standing = standing_on(c, policy, day);
        json.push_back(clinician_json(c, standing, day));
        rows.push_back({c.name, c.gmc, std::string(name_of(standing.status)),
                        std::to_string(standing.active.size()), std::to_string(c.case_ids.size())});
    }
    make_visible(rows);
    if (o.format == Format::json)
        print_json(stdout, json_document("clinicians", std::move(json)));
    else {
        print_table(stdout, {"clinician", "gmc", "status", "active_warnings", "cases"}, rows,
                    context.colour(stdout));
        if (!services.empty())
            fmt::print("Not clinicians (no GMC number): {}\n", visible_controls(joined(services)));
    }
}

void run_clinician(const ClinicianOptions& o, const Writer& repo) {
    if (o.list == !o.words.empty())
        throw Error(ErrorKind::usage, "give a clinician (GMC number or name), or --list");
    const bool rescinding = o.words.size() == 3 && o.words[1] == "rescind-warning";
    if (o.words.size() == 2 && o.words[1] == "suspend")
        throw Error(ErrorKind::usage,
                    "a suspension is a review's decision: write 'clinician KEY review --decision "
                    "temporary-suspension --until DATE --reason TEXT' or '--decision "
                    "permanent-suspension'");
    if ((o.words.size() > 2 && !rescinding) ||
        (o.words.size() == 2 && o.words[1] != "review" && o.words[1] != "reinstate"))
        throw Error(ErrorKind::usage,
                    "write 'clinician KEY', 'clinician KEY review --decision DECISION --reason "
                    "TEXT', 'clinician KEY reinstate --reason TEXT' or 'clinician KEY "
                    "rescind-warning CASE --reason TEXT'");
    if (o.words.size() != 2 && (!o.decision.empty() || !o.until.empty()))
        throw Error(ErrorKind::usage, "--decision and --until go with 'clinician KEY review'");
    const auto& [context, store] = repo;
    date::year_month_day day = local_date(context.now, store.zone());
    if (!o.as_of.empty() && !(day = parse_date(o.as_of).value_or(date::year_month_day{})).ok())
        throw Error(ErrorKind::usage, "--as-of: " + date_problem(o.as_of));
    const Policy& policy = store.config().policy;
    // A suspension is a write and must see every case; a listing leaves an
    // unreadable case out with a warning.
    const bool deciding = o.words.size() >= 2;
    auto cases = deciding ? store.load_all() : context.load_all(store);
    const auto all = clinicians(cases, policy, store.zone());
    if (o.list)
        return print_list(o, context, policy, all, day);
    const Clinician& clinician = the_clinician(all, o.words[0]);
    if (rescinding)
        return rescind(o, repo, cases, clinician);
    if (deciding)
        return decide(o, repo, clinician, policy);
    const Standing standing = standing_on(clinician, policy, day);
    if (o.format == Format::json)
        print_json(stdout, clinician_document(clinician, standing, day));
    else
        print_clinician(clinician, standing, day);
}

} // namespace

void setup_clinician(CLI::App& app, Context& context) {
    auto o = std::make_shared<ClinicianOptions>();
    CLI::App* command =
        app.add_subcommand("clinician", "a clinician's cases, warnings and standing; "
                                        "suspension decisions");
    command->add_option("KEY [review|reinstate|rescind-warning CASE]", o->words,
                        "a GMC number or a name (a surname finds them), then optionally a "
                        "suspension review's decision, a reinstatement, or the case whose "
                        "warning an appeal rescinds");
    command->add_flag("--list", o->list, "every clinician with their standing");
    command->add_option("--as-of", o->as_of, "evaluate on this date instead of today")
        ->option_text("DATE");
    command
        ->add_option("--reason", o->reason,
                     "with review, reinstate or rescind-warning: the decision's reason")
        ->option_text("TEXT");
    command
        ->add_option("--decision", o->decision,
                     "with review: no-action, final-warning, temporary-suspension or "
                     "permanent-suspension")
        ->option_text("DECISION");
    command->add_option("--until", o->until, "with --decision temporary-suspension: its last day")
        ->option_text("DATE");
    add_when_who(*command, o->when_who);
    add_format_option(*command, o->format, {Format::table, Format::json});
    writes(*command, context, [o](const Writer& repo) { run_clinician(*o, repo); });
}

} // namespace complaints::cli
