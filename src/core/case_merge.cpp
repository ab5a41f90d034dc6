#include "complaints/case_merge.hpp"

#include "complaints/codec.hpp"
#include "complaints/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace complaints {

namespace {

constexpr std::string_view k_events = "events";

// A case file as the tool writes it, cut into its top-level keys: each
// block is the key's line and the indented lines under it.
struct Block {
    std::string key;
    std::string text;
};

std::vector<Block> blocks_of(const std::string& canonical) {
    std::vector<Block> blocks;
    std::size_t start = 0;
    while (start < canonical.size()) {
        const std::size_t end = std::min(canonical.find('\n', start), canonical.size());
        const std::string_view line(canonical.data() + start, end - start);
        if (!line.empty() && line.front() != ' ' && line.front() != '-')
            blocks.push_back(Block{std::string(line.substr(0, line.find(':'))), {}});
        if (!blocks.empty())
            blocks.back().text.append(line).append("\n");
        start = end + 1;
    }
    return blocks;
}

std::optional<std::string> block_text(const std::vector<Block>& blocks, std::string_view key) {
    for (const auto& block : blocks)
        if (block.key == key)
            return block.text;
    return std::nullopt;
}

// One side as the merge sees it: its blocks, and its events each with the
// text the tool writes for it.
struct Side {
    Case c;
    std::vector<Block> blocks;
    std::vector<std::string> event_texts;
};

Side side_of(std::string_view text, const std::string& file) {
    Side side;
    side.c = read_case(text, file);
    side.blocks = blocks_of(write_case(side.c));
    for (const auto& event : side.c.events) {
        Case one;
        one.events.push_back(event);
        const auto events = block_text(blocks_of(write_case(one)), k_events);
        side.event_texts.push_back(events ? events->substr(events->find('\n') + 1) : std::string());
    }
    return side;
}

// Every event of ours, then theirs' events that ours lacks, in time order
// (a stable sort keeps ours first among events at the same instant).
std::string merged_events(const Side& ours, const Side& theirs) {
    std::vector<std::pair<Timestamp, const std::string*>> events;
    for (std::size_t i = 0; i < ours.c.events.size(); ++i)
        events.emplace_back(ours.c.events[i].at, &ours.event_texts[i]);
    for (std::size_t i = 0; i < theirs.c.events.size(); ++i) {
        const auto& text = theirs.event_texts[i];
        if (std::find(ours.event_texts.begin(), ours.event_texts.end(), text) ==
            ours.event_texts.end())
            events.emplace_back(theirs.c.events[i].at, &text);
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = std::string(k_events) + ":\n";
    for (const auto& event : events)
        out += *event.second;
    return out;
}

// The merged block for one key, or nothing when neither side keeps it.
std::optional<std::string> merged_block(const std::optional<std::string>& base,
                                        const std::optional<std::string>& ours,
                                        const std::optional<std::string>& theirs,
                                        const std::string& key,
                                        std::vector<std::string>& conflicts) {
    if (ours == theirs || theirs == base)
        return ours;
    if (ours == base)
        return theirs;
    conflicts.push_back(key);
    return ours;
}

} // namespace

CaseMerge merge_case_files(std::string_view base, std::string_view ours, std::string_view theirs,
                           const std::string& file) {
    // The base's events play no part (the merge takes the union), so only
    // its blocks are needed.
    const std::vector<Block> base_blocks =
        base.empty() ? std::vector<Block>{}
                     : blocks_of(write_case(read_case(base, file + " (base)")));
    const Side our_side = side_of(ours, file + " (ours)");
    const Side their_side = side_of(theirs, file + " (theirs)");
    // Keys in our order, then any only theirs has.
    std::vector<std::string> keys;
    for (const auto* blocks : {&our_side.blocks, &their_side.blocks})
        for (const auto& block : *blocks)
            if (std::find(keys.begin(), keys.end(), block.key) == keys.end())
                keys.push_back(block.key);
    CaseMerge merge;
    std::string text;
    for (const auto& key : keys) {
        if (key == k_events) {
            text += merged_events(our_side, their_side);
            continue;
        }
        if (const auto block =
                merged_block(block_text(base_blocks, key), block_text(our_side.blocks, key),
                             block_text(their_side.blocks, key), key, merge.conflicts))
            text += *block;
    }
    if (merge.conflicts.empty())
        merge.text = write_case(read_case(text, file + " (merged)"));
    return merge;
}

} // namespace complaints
