// SPDX-License-Identifier: Apache-2.0
#include "complaints/merge/case_merge.hpp"

#include "complaints/base/error.hpp"
#include "complaints/codec/codec.hpp"
#include "complaints/codec/merge_conflict.hpp"
#include "complaints/model/case_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <type_traits>

namespace complaints {

namespace {

// The merge is computed twice over, as two views that are equal wherever
// the sides merged cleanly: at a conflict the ours view keeps our value and
// the theirs view theirs. Writing both views and marking the lines where
// they differ puts markers around exactly the clashing fields.
template <class T> struct Views {
    T ours;
    T theirs;
};

// The addresses of a record's fields, in description order: the same
// description visited on the base and both sides lines their fields up.
template <class Pointer> struct FieldSlots {
    std::vector<Pointer> at;
    template <class T> void field(const fields::Key&, T& value) { at.push_back(&value); }
    template <class T> void extras(T& extras) { at.push_back(&extras); }
    void no_extras() {}
};

template <class R> std::vector<const void*> slots_of(const R& record) {
    FieldSlots<const void*> slots;
    fields::describe(slots, record);
    return slots.at;
}

template <class R> std::vector<void*> slots_of_mutable(R& record) {
    FieldSlots<void*> slots;
    fields::describe(slots, record);
    return slots.at;
}

// Is an unmatched base item the same item as an unmatched side item, edited?
bool is_edit(const Event& a, const Event& b) {
    return (a.at == b.at) + (a.type == b.type) + (a.text == b.text) >= 2;
}
bool is_edit(const ActionProgress& a, const ActionProgress& b) {
    return a.at == b.at || a.text == b.text;
}
bool is_edit(const Escalation& a, const Escalation& b) {
    return a.body == b.body || a.at == b.at;
}

template <class T> constexpr bool is_item_list = false;
template <class T> constexpr bool is_item_list<std::vector<T>> = fields::Record<T>;

template <class T> constexpr bool numbered = std::is_same_v<T, Point> || std::is_same_v<T, Action>;

// For each base item, the side's item that is it, or nothing when the side
// deleted it, each side item used once. Numbered items are matched by what
// they were raised as, else by number; others first where equal, then where
// one is an edit of the other.
template <class T>
std::vector<std::optional<std::size_t>> match(const std::vector<T>& base,
                                              const std::vector<T>& side) {
    std::vector<std::optional<std::size_t>> found(base.size());
    std::vector<bool> used(side.size(), false);
    const auto pass = [&](auto same) {
        for (std::size_t i = 0; i < base.size(); ++i)
            for (std::size_t j = 0; j < side.size() && !found[i]; ++j)
                if (!used[j] && same(base[i], side[j])) {
                    found[i] = j;
                    used[j] = true;
                }
    };
    if constexpr (numbered<T>) {
        // A merge at another site may have moved an added item to the next
        // free number: what it was raised as (its text and when) still
        // names it there; the number alone names it once its text is edited.
        const auto born_as = [](const T& a, const T& b) {
            return a.text == b.text && a.added == b.added;
        };
        pass([&](const T& a, const T& b) { return a.number == b.number && born_as(a, b); });
        pass(born_as);
        pass([](const T& a, const T& b) { return a.number == b.number; });
    } else {
        pass([](const T& a, const T& b) { return a == b; });
        pass([](const T& a, const T& b) { return is_edit(a, b); });
    }
    return found;
}

template <class T>
std::vector<bool> matched(const std::vector<std::optional<std::size_t>>& found,
                          std::size_t side_size) {
    std::vector<bool> used(side_size, false);
    for (const auto& j : found)
        if (j)
            used[*j] = true;
    return used;
}

// "Action 3 added: ..." -> "Action 5 added: ...", when the text names `from`.
bool renumber_prefix(std::string& text, std::string_view word, int from, int to) {
    const std::string old_prefix = fmt::format("{} {}", word, from);
    if (!text.starts_with(old_prefix) || text.size() == old_prefix.size() ||
        std::isdigit(static_cast<unsigned char>(text[old_prefix.size()])))
        return false;
    text = fmt::format("{} {}", word, to) + text.substr(old_prefix.size());
    return true;
}

// Visits the ours view's fields, merging each with the same field of the
// base, both sides and the theirs view.
template <class M> struct FieldVisit {
    M& merger;
    const std::vector<const void*>& b;
    const std::vector<const void*>& b2;
    const std::vector<const void*>& o;
    const std::vector<const void*>& t;
    const std::vector<void*>& to;
    std::size_t i = 0;
    template <class T> void field(const fields::Key&, T& out) {
        const std::size_t k = i++;
        merger.merge(*static_cast<const T*>(b[k]), *static_cast<const T*>(b2[k]),
                     *static_cast<const T*>(o[k]), *static_cast<const T*>(t[k]), out,
                     *static_cast<T*>(to[k]));
    }
    template <class T> void extras(T& out) { field(fields::Key{}, out); }
    void no_extras() {}
};

// The event `ref` names among `events`, as find_event does in a case.
const Event* named_by(const std::vector<Event>& events, const EventRef& ref) {
    int seen = 0;
    for (const auto& event : events)
        if (event.type == ref.type && event.at.utc == ref.at.utc &&
            ++seen == ref.occurrence.value_or(1))
            return &event;
    return nullptr;
}

// A void names its event by instant, type and occurrence (the n-th of that
// instant and type): where the merge put another site's events of the same
// instant and type among them, the count no longer names the same one. So
// each void is pointed again at the event it named on the side it comes
// from (the first of `sides` that holds it as it is).
void repoint_voids(const std::vector<const std::vector<Event>*>& sides, std::vector<Event>& out) {
    for (auto& event : out) {
        if (!event.voids)
            continue;
        const Event* target = nullptr;
        for (const auto* side : sides)
            if (std::find(side->begin(), side->end(), event) != side->end()) {
                target = named_by(*side, *event.voids);
                break;
            }
        if (!target)
            continue; // names no event on its own side either: check says so
        int occurrence = 0;
        for (const auto& other : out) {
            if (other.type != target->type || other.at.utc != target->at.utc)
                continue;
            ++occurrence;
            if (other == *target) {
                event.voids->occurrence =
                    occurrence > 1 ? std::optional<int>(occurrence) : std::nullopt;
                break;
            }
        }
    }
}

class Merger {
  public:
    bool conflicted = false;

    // `base2` is `base` but where the base is itself a conflict: after a
    // criss-cross git merges the two common ancestors into one base, and
    // where they disagree, it holds both (see merge_case_files).
    template <class T>
    void merge(const T& base, const T& base2, const T& ours, const T& theirs, T& out_ours,
               T& out_theirs) {
        if constexpr (fields::Record<T>)
            merge_record(base, base2, ours, theirs, out_ours, out_theirs);
        else if constexpr (std::is_same_v<T, std::vector<Event>>)
            merge_events(base, base2, ours, theirs, out_ours, out_theirs);
        else if constexpr (std::is_same_v<T, std::vector<Point>>) {
            merge_list(base, base2, theirs, ours, out_ours, out_theirs);
            close_point_gaps(ours, theirs, out_ours, out_theirs);
        } else if constexpr (is_item_list<T>)
            merge_list(base, base2, theirs, ours, out_ours, out_theirs);
        else
            merge_value(base, base2, ours, theirs, out_ours, out_theirs);
    }

  private:
    // The base's numbers of points and actions theirs added and the merge
    // moved, to move the events theirs wrote about them too.
    static constexpr int k_ours = 0;
    static constexpr int k_theirs = 1;
    std::map<int, int> m_moved_points[2];
    std::map<int, int> m_moved_actions[2];

    template <class T>
    void merge_value(const T& base, const T& base2, const T& ours, const T& theirs, T& out_ours,
                     T& out_theirs) {
        // Where the ancestors disagree, neither side's value is a change
        // from "the" base: each site may have kept its own side of an
        // earlier conflict, so only agreement merges.
        if (!(base == base2)) {
            out_ours = ours;
            out_theirs = theirs;
            if (!(ours == theirs))
                conflicted = true;
        } else if (ours == theirs || theirs == base) {
            out_ours = out_theirs = ours;
        } else if (ours == base) {
            out_ours = out_theirs = theirs;
        } else {
            out_ours = ours;
            out_theirs = theirs;
            conflicted = true;
        }
    }

    // Field by field, as the case's one description lists them.
    template <class R>
    void merge_record(const R& base, const R& base2, const R& ours, const R& theirs, R& out_ours,
                      R& out_theirs) {
        const auto b = slots_of(base);
        const auto b2 = slots_of(base2);
        const auto o = slots_of(ours);
        const auto t = slots_of(theirs);
        const auto to = slots_of_mutable(out_theirs);
        FieldVisit<Merger> visit{*this, b, b2, o, t, to};
        fields::describe(visit, out_ours);
    }

    template <class T>
    void merge_list(const std::vector<T>& base, const std::vector<T>& base2,
                    const std::vector<T>& theirs, const std::vector<T>& ours,
                    std::vector<T>& out_ours, std::vector<T>& out_theirs) {
        out_ours.clear();
        out_theirs.clear();
        const auto in_ours = match(base, ours);
        const auto in_theirs = match(base, theirs);
        const auto in_base2 = match(base, base2);
        for (std::size_t i = 0; i < base.size(); ++i)
            merge_item(base[i], in_base2[i] ? base2[*in_base2[i]] : base[i],
                       in_ours[i] ? &ours[*in_ours[i]] : nullptr,
                       in_theirs[i] ? &theirs[*in_theirs[i]] : nullptr, out_ours, out_theirs);
        const auto ours_old = matched<T>(in_ours, ours.size());
        const auto theirs_old = matched<T>(in_theirs, theirs.size());
        std::vector<const T*> ours_added;
        for (std::size_t j = 0; j < ours.size(); ++j)
            if (!ours_old[j]) {
                ours_added.push_back(&ours[j]);
                T added = ours[j];
                // Our new item may clash with one another site moved.
                if constexpr (numbered<T>)
                    renumber(added, out_ours, k_ours);
                out_ours.push_back(added);
                out_theirs.push_back(added);
            }
        for (std::size_t j = 0; j < theirs.size(); ++j) {
            if (theirs_old[j])
                continue;
            // The same item added at both sites (a commit both have, a
            // cherry-pick) is kept once.
            const auto same = std::find_if(ours_added.begin(), ours_added.end(),
                                           [&](const T* item) { return *item == theirs[j]; });
            if (same != ours_added.end()) {
                ours_added.erase(same);
                continue;
            }
            T added = theirs[j];
            if constexpr (numbered<T>)
                renumber(added, out_ours, k_theirs);
            out_ours.push_back(added);
            out_theirs.push_back(added);
        }
        for (auto* out : {&out_ours, &out_theirs}) {
            if constexpr (numbered<T>)
                std::stable_sort(out->begin(), out->end(),
                                 [](const T& a, const T& b) { return a.number < b.number; });
            else
                std::stable_sort(out->begin(), out->end(),
                                 [](const T& a, const T& b) { return a.at < b.at; });
        }
    }

    // One base item as each side left it (null: deleted there).
    template <class T>
    void merge_item(const T& base, const T& base2, const T* ours, const T* theirs,
                    std::vector<T>& out_ours, std::vector<T>& out_theirs) {
        if (ours && theirs) {
            T merged_ours = *ours;
            T merged_theirs = *ours;
            merge(base, base2, *ours, *theirs, merged_ours, merged_theirs);
            out_ours.push_back(std::move(merged_ours));
            out_theirs.push_back(std::move(merged_theirs));
            return;
        }
        // Deleted at one side: gone, unless the other side changed it.
        const T* kept = ours ? ours : theirs;
        if (!kept || (*kept == base && base == base2))
            return;
        conflicted = true;
        (ours ? out_ours : out_theirs).push_back(*kept);
    }

    // A point or action added under a number the merge already holds takes
    // the next free one; `side` says whose events name it.
    template <class T> void renumber(T& added, const std::vector<T>& taken, int side) {
        const bool clash = std::any_of(taken.begin(), taken.end(),
                                       [&](const T& item) { return item.number == added.number; });
        if (!clash)
            return;
        int next = added.number;
        for (const auto& item : taken)
            next = std::max(next, item.number);
        ++next;
        if constexpr (std::is_same_v<T, Point>)
            m_moved_points[side][added.number] = next;
        else
            m_moved_actions[side][added.number] = next;
        added.number = next;
    }

    void merge_events(const std::vector<Event>& base, const std::vector<Event>& base2,
                      const std::vector<Event>& ours, const std::vector<Event>& theirs,
                      std::vector<Event>& out_ours, std::vector<Event>& out_theirs) {
        const auto our_events = renumbered_events(base, ours, k_ours);
        const auto their_events = renumbered_events(base, theirs, k_theirs);
        merge_list(base, base2, their_events, our_events, out_ours, out_theirs);
        for (auto* out : {&out_ours, &out_theirs})
            repoint_voids({&our_events, &their_events, &base}, *out);
    }

    // Points number 1, 2, 3, ... (the reader refuses a gap). A point one
    // side deleted by hand (no command does) while the other kept it leaves
    // a gap, and a point one side renumbered moves under the other: each
    // point takes its place in the merge as its number, and the events each
    // side wrote since the base that name a point follow it there.
    void close_point_gaps(const std::vector<Point>& ours, const std::vector<Point>& theirs,
                          std::vector<Point>& out_ours, std::vector<Point>& out_theirs) {
        for (std::size_t i = 0; i < out_ours.size(); ++i) {
            const int number = static_cast<int>(i) + 1;
            const Point& point = out_ours[i];
            for (const int side : {k_ours, k_theirs}) {
                const auto& items = side == k_ours ? ours : theirs;
                const auto was = std::find_if(items.begin(), items.end(), [&](const Point& p) {
                    return p.text == point.text && p.added == point.added;
                });
                if (was != items.end() && was->number != number)
                    m_moved_points[side][was->number] = number;
            }
            out_ours[i].number = number;
        }
        for (std::size_t i = 0; i < out_theirs.size(); ++i)
            out_theirs[i].number = static_cast<int>(i) + 1;
    }

    // One side's events, with "Action N ..." and "Point N ..." following
    // the points and actions of that side the merge renumbered.
    std::vector<Event> renumbered_events(const std::vector<Event>& base,
                                         const std::vector<Event>& side, int which) const {
        std::vector<Event> events = side;
        if (m_moved_points[which].empty() && m_moved_actions[which].empty())
            return events;
        for (auto& event : events) {
            if (std::find(base.begin(), base.end(), event) != base.end())
                continue;
            for (const auto& [from, to] : m_moved_actions[which])
                if (renumber_prefix(event.text, "Action", from, to))
                    break;
            for (const auto& [from, to] : m_moved_points[which])
                if (renumber_prefix(event.text, "Point", from, to) ||
                    renumber_prefix(event.corrects, "point", from, to))
                    break;
        }
        return events;
    }
};

Case read_side(std::string_view text, const std::string& file) {
    return read_case(text, file);
}

} // namespace

bool two_different_cases(const Case& ours, const Case& theirs) {
    return ours.received != theirs.received || ours.complainant != theirs.complainant;
}

CaseMerge merge_case_files(std::string_view base, std::string_view ours, std::string_view theirs,
                           const std::string& file, int marker_size, const SideLabels& labels) {
    // A file new on both sides merges against an empty case: what both
    // sides hold alike is kept, every event of both is.
    // After a criss-cross, git's base is its own merge of the two common
    // ancestors and may hold our conflict markers where they disagree: each
    // side of those is read as a base, and a field they disagree on merges
    // only where both sides agree (a clash each site settled its own way
    // comes back as a conflict, not as one side silently dropped).
    const std::string upper_base = keep_every(base, ConflictSide::upper);
    const std::string lower_base = keep_every(base, ConflictSide::lower);
    const Case base_case = base.empty() ? Case{} : read_side(upper_base, file + " (base)");
    const Case base2_case =
        lower_base == upper_base ? base_case : read_side(lower_base, file + " (base)");
    const Case our_case = read_side(ours, file + " (ours)");
    const Case their_case = read_side(theirs, file + " (theirs)");
    Merger merger;
    Case out_ours = our_case;
    Case out_theirs = our_case;
    merger.merge(base_case, base2_case, our_case, their_case, out_ours, out_theirs);
    // Each view must be a valid case on its own: what is kept after the
    // conflict is resolved either way.
    const std::string ours_text = write_case(read_case(write_case(out_ours), file + " (merged)"));
    const std::string theirs_text =
        write_case(read_case(write_case(out_theirs), file + " (merged)"));
    CaseMerge merge;
    merge.two_cases = base.empty() && two_different_cases(our_case, their_case);
    if (!merger.conflicted || ours_text == theirs_text) {
        merge.text = ours_text;
        return merge;
    }
    merge.text = marked_text(ours_text, theirs_text, marker_size, labels.ours, labels.theirs);
    for (const auto& mark : conflict_marks(merge.text))
        merge.conflicts.push_back(mark.field);
    return merge;
}

} // namespace complaints
