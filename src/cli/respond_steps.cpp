// SPDX-License-Identifier: Apache-2.0
// respond's entries on the case: a finding per point, the apology, the
// enclosures, the treatment and the practitioners the response speaks of.
#include "respond_steps.hpp"

#include "output.hpp"
#include "text_input.hpp"

#include "complaints/base/strings.hpp"
#include "complaints/base/text.hpp"
#include "complaints/store/attachments.hpp"
#include "complaints/workflow/corrections.hpp"
#include "complaints/workflow/practitioners.hpp"
#include "complaints/workflow/workflow.hpp"

#include <algorithm>

namespace complaints::cli {

namespace {

// Opens the repository, changes the one case and says what changed.
void change_case(const std::string& given_id, const Writer& repo,
                 const std::function<std::string(Case&, const Store&)>& change) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(given_id);
    std::string said;
    update_case(repo, id, [&](Case& c) { said = change(c, store); });
    fmt::print("{}: {}\n", id, said);
}

std::string recorded_or_corrected(const std::string& correction) {
    return correction.empty() ? "recorded" : "corrected";
}

} // namespace

void record_finding(const FindingRequest& request, const Writer& repo) {
    const Context& context = repo.context;
    if (request.point == 0)
        refuse_without_point(request.id, request.finding, repo);
    if (request.finding.empty())
        throw Error(ErrorKind::usage,
                    "--point N needs --finding upheld, partly-upheld or not-upheld");
    change_case(request.id, repo, [&](Case& c, const Store& store) {
        require_formal_complaint(c, "record a finding");
        const Finding found = parse_enum<Finding>(request.finding, "--finding");
        complaints::record_finding(
            c, request.point, found, text_from_flag(request.conclusion, "--conclusion"),
            text_from_flag(request.remedial, "--remedial"),
            text_from_flag(request.staff, "--staff"),
            correction(request.correction, request.when_who, context, store));
        add_event(c, make_event(EventType::finding,
                                fmt::format("Point {}: {}", request.point, name_of(found)),
                                request.when_who, context, store));
        return fmt::format("point {} {}", request.point, name_of(found));
    });
}

void record_apology(const ApologyRequest& request, const Writer& repo) {
    const Context& context = repo.context;
    change_case(request.id, repo, [&](Case& c, const Store& store) {
        require_formal_complaint(c, "record an apology");
        set_apology(c, text_from_flag(request.text, "--text"),
                    correction(request.correction, request.when_who, context, store));
        return "apology " + recorded_or_corrected(request.correction);
    });
}

// What this case's response encloses besides the organisation's list.
void enclose(const EncloseRequest& request, const Writer& repo) {
    if (request.texts.empty() && request.attachments.empty())
        throw Error(ErrorKind::usage,
                    "respond enclose needs --text TEXT or --attachment N (as show numbers them)");
    for (const auto& enclosure : request.texts) {
        require_clean_text(enclosure, "--text");
        if (enclosure.find_first_not_of(" \t") == std::string::npos)
            throw Error(ErrorKind::usage, "--text: name what is enclosed");
    }
    change_case(request.id, repo, [&](Case& c, const Store&) {
        require_formal_complaint(c, "list an enclosure");
        for (const auto& enclosure : request.texts)
            if (std::find(c.enclosures.begin(), c.enclosures.end(), enclosure) ==
                c.enclosures.end())
                c.enclosures.push_back(enclosure);
        for (const int number : request.attachments)
            enclose_attachment(c, number);
        auto listed = c.enclosures;
        for (auto& name : enclosed_attachment_names(c))
            listed.push_back(std::move(name));
        return fmt::format("the response encloses {}", util::join(listed, "; "));
    });
}

// The treatment facts the response summarises, set or changed after open.
void record_treatment(const TreatmentRequest& request, const Writer& repo) {
    const Context& context = repo.context;
    if (request.treatment.empty() && request.treated_on.empty() && request.treated_by.empty())
        throw Error(ErrorKind::usage,
                    "respond treatment needs --treatment TEXT, --treated-on DATE or "
                    "--treated-by NAME");
    change_case(request.id, repo, [&](Case& c, const Store& store) {
        require_formal_complaint(c, "record the treatment");
        Treatment given;
        if (!request.treatment.empty())
            given.what = text_from_flag(request.treatment, "--treatment");
        if (!request.treated_on.empty())
            given.on = date_flag(request.treated_on, "--treated-on");
        if (!request.treated_by.empty())
            given.by = text_from_flag(request.treated_by, "--treated-by");
        set_treatment(c, given, correction(request.correction, request.when_who, context, store));
        return "treatment " + recorded_or_corrected(request.correction);
    });
}

// The practitioners named after open (or named again): a treatment-related
// complaint opened before anyone knew who treated the patient is not stuck
// with "names no practitioner" for good.
void name_practitioners(const PractitionersRequest& request, const Writer& repo) {
    const Context& context = repo.context;
    std::vector<std::string> listed, names;
    for (const auto& known : repo.store.config().practitioners)
        listed.push_back(known.name);
    for (const auto& name : request.names) {
        require_clean_text(name, "--practitioner");
        names.push_back(practitioner_named(name, listed));
    }
    change_case(request.id, repo, [&](Case& c, const Store& store) {
        require_formal_complaint(c, "name the practitioner");
        set_practitioners(c, names,
                          correction(request.correction, request.when_who, context, store));
        return fmt::format("practitioners {}: {}", recorded_or_corrected(request.correction),
                           util::join(names, ", "));
    });
}

// Rather than the list of every step respond can take.
void refuse_without_point(const std::string& given_id, const std::string& finding,
                          const Reader& repo) {
    const auto& [context, store] = repo;
    const std::string id = store.resolve(given_id);
    const Case c = store.load(id);
    if (c.points.empty())
        throw Error(ErrorKind::usage,
                    fmt::format("--finding answers a point raised, and {} has none yet: add one "
                                "with 'complaints point {} add --text TEXT', then give --point 1",
                                id, id));
    std::vector<std::string> points;
    for (const auto& point : c.points)
        points.push_back(fmt::format("{} \"{}\"{}", point.number, headline(point.text, 40),
                                     point.finding ? fmt::format(" ({})", name_of(*point.finding))
                                                   : std::string()));
    throw Error(ErrorKind::usage,
                fmt::format("--finding needs --point N, the point it answers: {} has {} ({}); "
                            "for example: complaints respond finding {} --point {} --finding {} "
                            "--conclusion TEXT",
                            id, plural(static_cast<int>(c.points.size()), "point"),
                            util::join(points, ", "), id, c.points.front().number,
                            finding.empty() ? "upheld" : finding));
}

} // namespace complaints::cli
