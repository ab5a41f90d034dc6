// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/merge_conflict.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace complaints {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Which lines of `a` and `b` (from `a_from`, `b_from` on) are common to both,
// as a longest common subsequence: the pairs in order.
std::vector<std::pair<std::size_t, std::size_t>>
common_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
             std::size_t a_from, std::size_t a_to, std::size_t b_from, std::size_t b_to) {
    const std::size_t n = a_to - a_from;
    const std::size_t m = b_to - b_from;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    // A conflict is a few fields; a middle this large is one run, not worth
    // the table.
    if (n == 0 || m == 0 || n * m > 4'000'000)
        return pairs;
    std::vector<std::vector<unsigned>> length(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            length[i][j] = a[a_from + i] == b[b_from + j]
                               ? length[i + 1][j + 1] + 1
                               : std::max(length[i + 1][j], length[i][j + 1]);
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (a[a_from + i] == b[b_from + j]) {
            pairs.emplace_back(a_from + i, b_from + j);
            ++i;
            ++j;
        } else if (length[i + 1][j] >= length[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

void append_lines(std::string& out, const std::vector<std::string_view>& lines, std::size_t from,
                  std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        out.append(lines[i]).append("\n");
}

bool is_marker(std::string_view line, char c) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == c)
        ++n;
    return n >= 7 && (n == line.size() || line[n] == ' ');
}

bool is_any_marker(std::string_view line) {
    return is_marker(line, '<') || is_marker(line, '=') || is_marker(line, '>') ||
           is_marker(line, '|');
}

std::size_t indent_of(std::string_view line) {
    return std::min(line.find_first_not_of(' '), line.size());
}

// "key" of "key: value", "key:" or "- key: value".
std::string_view key_of(std::string_view content) {
    return content.substr(0, content.find(':'));
}

// A line that holds a key rather than a block literal's text.
bool holds_key(std::string_view content) {
    if (content.starts_with("- "))
        content.remove_prefix(2);
    const auto colon = content.find(':');
    return colon != std::string_view::npos && colon > 0 &&
           content.substr(0, colon).find_first_of(" \"'") == std::string_view::npos;
}

// The path of the field `lines[at]` is in, read from the indentation of the
// lines above it (markers and the other side's lines cannot be told apart
// from context there, so markers alone are skipped).
std::string field_at(const std::vector<std::string_view>& lines, std::size_t at) {
    std::vector<std::string> parts;
    std::size_t indent = indent_of(lines[at]);
    std::string_view content = lines[at].substr(indent);
    // A block literal's text: its key is on the nearest line above, less indented.
    std::size_t i = at;
    while (!holds_key(content) && i > 0) {
        --i;
        if (is_any_marker(lines[i]) || lines[i].empty() || indent_of(lines[i]) >= indent)
            continue;
        indent = indent_of(lines[i]);
        content = lines[i].substr(indent);
    }
    const auto part_of = [](std::string_view line) {
        return line.starts_with("- ") ? "[" + std::string(line.substr(2)) + "]"
                                      : std::string(key_of(line));
    };
    parts.push_back(part_of(content));
    while (indent > 0 && i > 0) {
        --i;
        const auto& line = lines[i];
        if (is_any_marker(line) || line.empty() || indent_of(line) >= indent)
            continue;
        indent = indent_of(line);
        parts.push_back(part_of(line.substr(indent)));
    }
    std::string path;
    for (auto part = parts.rbegin(); part != parts.rend(); ++part)
        path += (path.empty() || part->front() == '[' ? "" : ".") + *part;
    return path;
}

} // namespace

std::string marked_text(std::string_view ours, std::string_view theirs, int marker_size,
                        std::string_view ours_label, std::string_view theirs_label) {
    const auto a = lines_of(ours);
    const auto b = lines_of(theirs);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    auto pairs = common_lines(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix);
    pairs.emplace_back(a.size() - suffix, b.size() - suffix);
    const std::size_t size = static_cast<std::size_t>(std::max(marker_size, 7));
    std::string out;
    append_lines(out, a, 0, prefix);
    std::size_t i = prefix;
    std::size_t j = prefix;
    for (const auto& [next_i, next_j] : pairs) {
        if (next_i > i || next_j > j) {
            out += std::string(size, '<') + " " + std::string(ours_label) + "\n";
            append_lines(out, a, i, next_i);
            out += std::string(size, '=') + "\n";
            append_lines(out, b, j, next_j);
            out += std::string(size, '>') + " " + std::string(theirs_label) + "\n";
        }
        if (next_i < a.size() - suffix)
            append_lines(out, a, next_i, next_i + 1);
        i = next_i + 1;
        j = next_j + 1;
    }
    append_lines(out, a, a.size() - suffix, a.size());
    return out;
}

namespace {

// Where one conflict lies in a file's lines: its opening marker, the marker
// that ends the upper side ('|' of diff3 style, else '='), the '=' marker
// and the closing one (each lines.size() when missing).
struct Run {
    std::size_t open = 0;
    std::size_t upper_end = 0;
    std::size_t middle = 0;
    std::size_t close = 0;
};

std::vector<Run> runs_of(const std::vector<std::string_view>& lines) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!is_any_marker(lines[i]))
            continue;
        Run run{i, lines.size(), lines.size(), lines.size()};
        // A stray '=' or '>' line opens a run too: what it holds is unknown.
        if (is_marker(lines[i], '=') || is_marker(lines[i], '|'))
            run.upper_end = i;
        if (is_marker(lines[i], '='))
            run.middle = i;
        std::size_t end = is_marker(lines[i], '>') ? i : i + 1;
        for (; end < lines.size() && !is_marker(lines[end], '>'); ++end) {
            if (run.upper_end == lines.size() &&
                (is_marker(lines[end], '|') || is_marker(lines[end], '=')))
                run.upper_end = end;
            if (run.middle == lines.size() && is_marker(lines[end], '='))
                run.middle = end;
        }
        run.close = end;
        // A run with no '=' marker has no lower side, and one a stray '>'
        // opens has neither.
        run.upper_end = std::min(run.upper_end, run.close);
        run.middle = std::min(run.middle, run.close);
        runs.push_back(run);
        i = end;
    }
    return runs;
}

std::string label_of(std::string_view marker_line) {
    const auto space = marker_line.find(' ');
    return space == std::string_view::npos ? std::string()
                                           : std::string(marker_line.substr(space + 1));
}

std::string joined(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
    std::string out;
    append_lines(out, lines, from, std::min(to, lines.size()));
    return out;
}

} // namespace

std::vector<ConflictMark> conflict_marks(std::string_view text) {
    std::vector<ConflictMark> marks;
    // Every case read passes here: a file without a marker's characters
    // costs a search, not a split into lines.
    if (text.find("<<<<<<<") == std::string_view::npos &&
        text.find("=======") == std::string_view::npos &&
        text.find(">>>>>>>") == std::string_view::npos)
        return marks;
    const auto lines = lines_of(text);
    for (const Run& run : runs_of(lines)) {
        // The field: the first line of either side within the run.
        std::optional<std::size_t> first;
        for (std::size_t at = run.open + 1; at < run.close && !first; ++at)
            if (!is_any_marker(lines[at]) && !lines[at].empty())
                first = at;
        ConflictMark mark;
        mark.line = static_cast<int>(run.open) + 1;
        mark.field = first ? field_at(lines, *first) : std::string("the file");
        if (is_marker(lines[run.open], '<'))
            mark.upper_label = label_of(lines[run.open]);
        if (run.close < lines.size())
            mark.lower_label = label_of(lines[run.close]);
        mark.upper = joined(lines, run.open + 1, run.upper_end);
        mark.lower = joined(lines, run.middle + 1, run.close);
        marks.push_back(std::move(mark));
    }
    return marks;
}

std::string conflict_fields(const std::vector<ConflictMark>& marks) {
    std::vector<std::string> named;
    std::string fields;
    for (const auto& mark : marks) {
        if (std::find(named.begin(), named.end(), mark.field) != named.end())
            continue;
        named.push_back(mark.field);
        fields += (fields.empty() ? "" : ", ") + mark.field;
    }
    return fields;
}

std::string keep_every(std::string_view text, ConflictSide side) {
    std::string kept(text);
    // Each pass takes one run's markers out, so this ends.
    while (!conflict_marks(kept).empty())
        kept = keep_side(kept, 0, side);
    return kept;
}

std::string keep_side(std::string_view text, std::size_t index, ConflictSide side) {
    const auto lines = lines_of(text);
    const auto runs = runs_of(lines);
    if (index >= runs.size())
        return std::string(text);
    const Run& run = runs[index];
    std::string out = joined(lines, 0, run.open);
    out += side == ConflictSide::upper ? joined(lines, run.open + 1, run.upper_end)
                                       : joined(lines, run.middle + 1, run.close);
    out += joined(lines, run.close + 1, lines.size());
    // The last line keeps its ending as it was: lines_of drops the final
    // newline's absence.
    if (!text.ends_with('\n') && out.ends_with('\n'))
        out.pop_back();
    return out;
}

} // namespace complaints
