// SPDX-License-Identifier: Apache-2.0
// Writes a repository of N realistic cases for the benchmarks, the same
// every time for the same arguments: bench_generate DIR N clinic|platform [SEED]
// Cases spread over the six years before November 2026, every kind, channel
// and status, with points, events, actions and escalations of realistic length.
#include "complaints/codec/codec.hpp"
#include "complaints/store/case_id.hpp"
#include "complaints/store/store.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <set>

using namespace complaints;

namespace {

constexpr std::string_view k_words[] = {
    "appointment", "treatment", "reception", "follow-up",    "booking",   "refund",    "pain",
    "redness",     "laser",     "filler",    "consultation", "waiting",   "letter",    "call",
    "manager",     "clinician", "explained", "promised",     "late",      "cancelled", "session",
    "records",     "invoice",   "consent",   "results",      "aftercare", "swelling",  "the",
    "was",         "not",       "and",       "we",           "to",        "a",         "of",
    "after",       "before",    "during",    "again",        "without"};

// The two presets the benchmark makes cases for, each in its own shape.
enum class Preset { clinic, platform };

class Generator {
  public:
    Generator(Preset preset, std::uint64_t seed) : m_preset(preset), m_random(seed) {}

    Case make(std::set<std::string>& ids) {
        Case c;
        c.received = received();
        const int year = int(local_date(c.received.utc, zone()).year());
        do
            c.id = make_case_id(m_preset == Preset::clinic ? "LUM" : "LAN", year, m_random);
        while (!ids.insert(c.id).second);
        const int kind = pick(100);
        c.kind = kind < 70 ? Kind::complaint : kind < 85 ? Kind::concern : Kind::feedback;
        c.channel = static_cast<Channel>(pick(5));
        c.complainant = fmt::format("Complainant {}", pick(100000));
        c.about = m_preset == Preset::clinic ? fmt::format("Practitioner {}", pick(40))
                                             : fmt::format("Dr Locum {}", pick(400));
        if (m_preset == Preset::platform)
            c.gmc = fmt::format("{}", 6000000 + pick(400));
        c.category = pick(2) ? Category::clinical : Category::non_clinical;
        c.type = m_preset == Preset::platform ? std::string(k_platform_types[pick(5)])
                                              : fmt::format("type {}", pick(12));
        c.summary = sentence(40 + pick(120));
        for (int p = 1, points = 1 + pick(4); p <= points; ++p)
            c.points.push_back(Point{p, sentence(10 + pick(30)), {}, {}, {}, {}, {}, {}, {}});
        if (c.kind == Kind::complaint && pick(20) == 0)
            c.exclusion = Excluded{Exclusion::another_service, {}};
        events(c);
        return c;
    }

  private:
    static constexpr std::string_view k_platform_types[] = {"late", "no-show", "rude", "unprepared",
                                                            "other"};

    int pick(int n) { return static_cast<int>(m_random() % static_cast<std::uint64_t>(n)); }
    const date::time_zone& zone() const { return *date::locate_zone("Europe/London"); }

    std::string sentence(int words) {
        std::string text;
        for (int i = 0; i < words; ++i)
            text += (i ? " " : "") + std::string(k_words[pick(std::size(k_words))]);
        return text + ".";
    }

    Timestamp received() {
        const date::sys_days first{date::year{2020} / 11 / 1};
        const auto seconds = std::chrono::seconds{m_random() % (6LL * 365 * 86400)};
        return in_zone(date::floor<std::chrono::seconds>(date::sys_seconds{first} + seconds),
                       zone());
    }

    Event event(const Case& c, EventType type, int after_hours, std::string text) {
        Event e;
        e.at = in_zone(c.received.utc + std::chrono::hours{after_hours}, zone());
        e.type = type;
        e.by = "Claire Dunn";
        e.text = std::move(text);
        return e;
    }

    // The history of a case: logged contacts, then for most complaints the
    // response (sometimes late, sometimes after a delay letter) and closing.
    void events(Case& c) {
        add_event(c, event(c, EventType::opened, 0, "Opened"));
        const int logged = 1 + pick(8);
        for (int i = 0; i < logged; ++i)
            add_event(c, event(c, i % 2 ? EventType::call : EventType::email, 2 + 20 * i,
                               sentence(15 + pick(40))));
        const bool formal = c.kind == Kind::complaint && !c.exclusion;
        const int answered_after = 24 * (5 + pick(25));
        if (formal && pick(10) < 8) {
            if (pick(6) == 0)
                add_event(c,
                          event(c, EventType::delay_explained, answered_after / 2, sentence(20)));
            for (auto& point : c.points) {
                point.finding = static_cast<Finding>(pick(3));
                point.conclusion = sentence(20 + pick(30));
            }
            add_event(c, event(c,
                               m_preset == Preset::clinic ? EventType::response_sent
                                                          : EventType::resolved,
                               answered_after, "Written response sent by email"));
        }
        if (formal && m_preset == Preset::platform)
            add_event(c, event(c, EventType::assigned, 30, "Assigned to Sam Agent"));
        if (pick(3) == 0)
            return;
        if (formal && pick(8) == 0)
            c.escalations.push_back(
                Escalation{"cqc",
                           event(c, EventType::escalated, answered_after + 48, "").at,
                           "REF-1",
                           "",
                           {}});
        if (pick(2)) {
            c.learning = sentence(20 + pick(30));
            Action action{1,
                          sentence(12),
                          "Claire Dunn",
                          local_date(c.received.utc + std::chrono::hours{24 * 60}, zone()),
                          event(c, EventType::action, answered_after + 1, "").at,
                          {},
                          {}};
            if (pick(2))
                action.done = event(c, EventType::action, answered_after + 24 * 30, "").at;
            c.actions.push_back(action);
        } else {
            c.no_learning = sentence(10);
        }
        c.status = Status::closed;
        c.outcome = static_cast<Outcome>(pick(5));
        add_event(c, event(c, EventType::closed, answered_after + 24 * 7, "Closed"));
    }

    Preset m_preset;
    std::mt19937_64 m_random;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        fmt::print(stderr, "usage: bench_generate DIR N clinic|platform [SEED]\n");
        return 2;
    }
    const std::filesystem::path root = argv[1];
    const int n = std::atoi(argv[2]);
    const Preset preset =
        std::string_view(argv[3]) == "platform" ? Preset::platform : Preset::clinic;
    Config config;
    config.organisation = "Benchmark Clinic";
    config.preset = preset == Preset::clinic ? "clinic" : "platform";
    config.prefix = preset == Preset::clinic ? "LUM" : "LAN";
    init_repository(root, config);
    Generator generator(preset, argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 42);
    std::set<std::string> ids;
    for (int i = 0; i < n; ++i) {
        const Case c = generator.make(ids);
        // Benchmark data, not records: no fsync, so 100,000 files take seconds.
        std::ofstream(root / "cases" / (c.id + ".yaml"), std::ios::binary) << write_case(c);
    }
    return 0;
}
