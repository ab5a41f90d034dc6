// SPDX-License-Identifier: Apache-2.0
// complaints re-id: gives a case a new ID, whole, when two sites each opened
// a different case under the same one (see docs/two-sites.md, "Two cases under one ID").
#include "commands.hpp"
#include "text_input.hpp"

#include "complaints/merge/re_id.hpp"

#include <fmt/format.h>

namespace complaints::cli {

namespace {

struct ReIdOptions {
    std::string id;
    std::string reason;
    WhenWho when_who;
};

constexpr std::string_view k_default_reason =
    "another site opened a different case under the same ID";

void run_re_id(const ReIdOptions& o, const Writer& repo) {
    std::string reason =
        o.reason.empty() ? std::string(k_default_reason) : text_from_flag(o.reason, "--reason");
    if (reason.empty())
        throw Error(ErrorKind::usage, "--reason: say why the case gets a new ID");
    const auto& [context, store] = repo;
    const std::string id = store.resolve(o.id);
    Event why = make_event(EventType::note, fmt::format("New ID: this case was {}; {}", id, reason),
                           o.when_who, context, store);
    StoreWriter writer = repo.lock();
    const std::string new_id = re_id_case(writer, id, std::move(why), context.random);
    context.recorded = new_id;
    fmt::print("{} is now {}: commit both (git add -A), then pull again\n", id, new_id);
}

} // namespace

void setup_re_id(CLI::App& app, Context& context) {
    auto o = std::make_shared<ReIdOptions>();
    CLI::App* command = app.add_subcommand(
        "re-id", "give a case a new ID, whole, when another site's case has the same one");
    command->add_option("ID", o->id, "the case")->required();
    command
        ->add_option("--reason", o->reason,
                     "why (- reads stdin); default: another site opened a different case under "
                     "the same ID")
        ->option_text("TEXT");
    add_when_who(*command, o->when_who);
    writes(*command, context, [o](const Writer& repo) { run_re_id(*o, repo); });
}

} // namespace complaints::cli
