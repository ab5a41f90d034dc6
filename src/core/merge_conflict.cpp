#include "complaints/merge_conflict.hpp"

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

std::string marked_text(std::string_view ours, std::string_view theirs, int marker_size) {
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
            out += std::string(size, '<') + " ours\n";
            append_lines(out, a, i, next_i);
            out += std::string(size, '=') + "\n";
            append_lines(out, b, j, next_j);
            out += std::string(size, '>') + " theirs\n";
        }
        if (next_i < a.size() - suffix)
            append_lines(out, a, next_i, next_i + 1);
        i = next_i + 1;
        j = next_j + 1;
    }
    append_lines(out, a, a.size() - suffix, a.size());
    return out;
}

std::vector<ConflictMark> conflict_marks(std::string_view text) {
    std::vector<ConflictMark> marks;
    // Every case read passes here: a file without a marker's characters
    // costs a search, not a split into lines.
    if (text.find("<<<<<<<") == std::string_view::npos &&
        text.find("=======") == std::string_view::npos &&
        text.find(">>>>>>>") == std::string_view::npos)
        return marks;
    const auto lines = lines_of(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!is_any_marker(lines[i]))
            continue;
        // The field: the first line of either side within the run.
        std::optional<std::size_t> first;
        std::size_t end = i + 1;
        for (; end < lines.size() && !is_marker(lines[end], '>'); ++end)
            if (!first && !is_any_marker(lines[end]) && !lines[end].empty())
                first = end;
        marks.push_back(ConflictMark{static_cast<int>(i) + 1,
                                     first ? field_at(lines, *first) : std::string("the file")});
        i = end;
    }
    return marks;
}

} // namespace complaints
