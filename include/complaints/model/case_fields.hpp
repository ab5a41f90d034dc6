// SPDX-License-Identifier: Apache-2.0
#pragma once
// One description of a case's fields, in file order. The YAML reader and
// writer, the cache codec, the JSON output and the patient-data walk each
// visit it, so a new field is added here once (and to the model).
//
// A visitor has `field(const Key&, T&)` for each kind of value (text, int,
// enum, Timestamp, date, std::optional of those, vectors of texts or of
// records, an optional record) and `extras(std::vector<Extra>&)` or
// `no_extras()`. `describe(visitor, record)` takes the record const or not,
// so writers and readers share it.
#include "complaints/model/model.hpp"

#include <string_view>
#include <type_traits>

namespace complaints::fields {

// How a scalar is spelled in the file.
enum class Style {
    text,   // block literal or double quotes, whichever reads back exactly
    word,   // bare when a plain word (IDs, review body keys, enum names), else as text
    quoted, // always double quotes: `consent: "yes"` is not a boolean elsewhere
};

struct Key {
    std::string_view name;
    bool required = false; // reading: a file without it is refused
    bool always = false;   // writing: written even when empty
    Style style = Style::text;
    bool typed = true; // a person typed it (not picked from a list, not made by the tool)

    constexpr Key word() const { return with_style(Style::word); }
    constexpr Key quoted() const { return with_style(Style::quoted); }
    constexpr Key not_typed() const {
        Key k = *this;
        k.typed = false;
        return k;
    }

  private:
    constexpr Key with_style(Style s) const {
        Key k = *this;
        k.style = s;
        return k;
    }
};

// Required when read and always written.
constexpr Key must(std::string_view name) {
    return Key{name, true, true};
}
// Always written, but a file may leave it out (read as empty).
constexpr Key always(std::string_view name) {
    return Key{name, false, true};
}
// Written only when set; a file may leave it out.
constexpr Key maybe(std::string_view name) {
    return Key{name, false, false};
}

template <class T, class Of>
concept Same = std::is_same_v<std::remove_const_t<T>, Of>;

template <class V, Same<Point> P> constexpr void describe(V& v, P& p) {
    v.field(must("n"), p.number);
    v.field(must("text"), p.text);
    v.field(maybe("for_complainant"), p.for_complainant);
    v.field(maybe("finding"), p.finding);
    v.field(maybe("conclusion"), p.conclusion);
    v.field(maybe("remedial_action"), p.remedial_action);
    v.field(maybe("staff"), p.staff);
    v.field(maybe("added"), p.added);
    v.field(maybe("correction"), p.correction);
    v.extras(p.extras);
}

template <class V, Same<ActionProgress> P> constexpr void describe(V& v, P& p) {
    v.field(must("at"), p.at);
    v.field(must("text"), p.text);
    v.no_extras();
}

template <class V, Same<Action> A> constexpr void describe(V& v, A& a) {
    v.field(must("n"), a.number);
    v.field(must("text"), a.text);
    v.field(must("lead"), a.lead);
    v.field(must("due"), a.due);
    v.field(maybe("added"), a.added);
    v.field(maybe("progress"), a.progress);
    v.field(maybe("done"), a.done);
    v.no_extras();
}

template <class V, Same<Excluded> X> constexpr void describe(V& v, X& x) {
    v.field(must("reason"), x.reason);
    v.field(always("text"), x.text);
    v.field(maybe("earlier_case").word(), x.earlier_case);
    v.field(maybe("body").word().not_typed(), x.body);
    v.field(maybe("reference"), x.reference);
    v.no_extras();
}

template <class V, Same<Escalation> E> constexpr void describe(V& v, E& e) {
    v.field(must("body").word().not_typed(), e.body);
    v.field(must("at"), e.at);
    v.field(maybe("reference"), e.reference);
    v.field(maybe("outcome"), e.outcome);
    v.field(maybe("outcome_at"), e.outcome_at);
    v.no_extras();
}

template <class V, Same<EventRef> R> constexpr void describe(V& v, R& r) {
    v.field(must("at"), r.at);
    v.field(must("type"), r.type);
    v.field(maybe("occurrence"), r.occurrence);
    v.no_extras();
}

template <class V, Same<Attachment> A> constexpr void describe(V& v, A& a) {
    v.field(must("file").word().not_typed(), a.file);
    v.field(must("name"), a.name);
    v.field(must("media_type").word().not_typed(), a.media_type);
    v.field(must("size"), a.size);
    v.field(must("sha256").word().not_typed(), a.sha256);
    v.no_extras();
}

template <class V, Same<Event> E> constexpr void describe(V& v, E& e) {
    v.field(must("at"), e.at);
    v.field(must("type"), e.type);
    v.field(always("by"), e.by);
    v.field(always("text"), e.text);
    v.field(maybe("recorded"), e.recorded);
    v.field(maybe("attendees"), e.attendees);
    v.field(maybe("due"), e.due);
    v.field(maybe("booked_for"), e.booked_for);
    v.field(maybe("agent"), e.agent);
    v.field(maybe("outcome"), e.outcome);
    v.field(maybe("learning"), e.learning);
    v.field(maybe("no_learning"), e.no_learning);
    v.field(maybe("satisfaction").not_typed(), e.satisfaction);
    v.field(maybe("corrects"), e.corrects);
    v.field(maybe("before"), e.before);
    v.field(maybe("after"), e.after);
    v.field(maybe("letter").not_typed(), e.letter);
    v.field(maybe("voids"), e.voids);
    v.field(maybe("attachment"), e.attachment);
    v.field(maybe("message_id").not_typed(), e.message_id);
    v.field(maybe("direction"), e.direction);
    v.field(maybe("reference"), e.reference);
    v.field(maybe("visibility"), e.visibility);
    v.extras(e.extras);
}

template <class V, Same<Imported> I> constexpr void describe(V& v, I& i) {
    v.field(must("reference"), i.reference);
    v.field(always("file").not_typed(), i.file);
    v.field(must("row"), i.row);
    v.no_extras();
}

template <class V, Same<Case> C> constexpr void describe(V& v, C& c) {
    v.field(must("id").word().not_typed(), c.id);
    v.field(must("kind"), c.kind);
    v.field(must("status"), c.status);
    v.field(must("received"), c.received);
    v.field(must("channel"), c.channel);
    v.field(always("complainant"), c.complainant);
    v.field(maybe("on_behalf_of"), c.on_behalf_of);
    v.field(maybe("consent").quoted(), c.consent);
    v.field(always("about"), c.about);
    v.field(maybe("gmc"), c.gmc);
    v.field(maybe("category"), c.category);
    v.field(maybe("type"), c.type);
    v.field(maybe("age_band").word().not_typed(), c.age_band);
    v.field(maybe("complainant_status").word().not_typed(), c.complainant_status);
    v.field(maybe("subject_areas").word().not_typed(), c.subject_areas);
    v.field(maybe("staff_groups").word().not_typed(), c.staff_groups);
    v.field(maybe("practitioners"), c.practitioners);
    v.field(maybe("treatment"), c.treatment);
    v.field(maybe("treated_on"), c.treated_on);
    v.field(maybe("treated_by"), c.treated_by);
    v.field(maybe("enclosures"), c.enclosures);
    v.field(maybe("enclosed_attachments").word().not_typed(), c.enclosed_attachments);
    v.field(maybe("exclusion"), c.exclusion);
    v.field(maybe("clock_from"), c.clock_from);
    v.field(maybe("happened"), c.happened);
    v.field(maybe("notice_days"), c.notice_days);
    v.field(maybe("session"), c.session);
    v.field(maybe("withdrawn"), c.withdrawn);
    v.field(maybe("agent"), c.agent);
    v.field(always("summary"), c.summary);
    v.field(maybe("desired_outcome"), c.desired_outcome);
    v.field(always("points"), c.points);
    v.field(maybe("apology"), c.apology);
    v.field(maybe("outcome"), c.outcome);
    v.field(maybe("satisfaction").not_typed(), c.satisfaction);
    v.field(maybe("learning"), c.learning);
    v.field(maybe("no_learning"), c.no_learning);
    v.field(maybe("actions"), c.actions);
    v.field(maybe("escalations"), c.escalations);
    v.field(maybe("warning"), c.warning);
    v.field(maybe("imported"), c.imported);
    v.field(must("events"), c.events);
    v.extras(c.extras);
}

// A record is written as a mapping; everything else as a scalar or a list.
template <class T>
concept Record = Same<T, Point> || Same<T, ActionProgress> || Same<T, Action> ||
    Same<T, Excluded> || Same<T, Escalation> || Same<T, EventRef> || Same<T, Attachment> ||
    Same<T, Event> || Same<T, Imported> || Same<T, Case>;

} // namespace complaints::fields
