// SPDX-License-Identifier: Apache-2.0
#pragma once
// A YAML document as an immutable tree, read with libyaml's event parser.
// yaml-cpp's scanner was nine tenths of the time it took to read a case
// (bench/RESULTS.md); libyaml reads the same text several times faster and
// still gives every node its line and column.
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complaints {

enum class YamlKind { undefined, null, scalar, sequence, map };

struct YamlNodeData {
    YamlKind kind = YamlKind::undefined;
    std::string value; // a scalar's text
    int line = -1;     // 0-based, as libyaml counts; -1 when unknown
    int column = -1;
    // A sequence's items, or a mapping's keys and values in turn. An alias
    // shares the node it names, so a tree may hold one node twice.
    std::vector<const YamlNodeData*> children;
    std::size_t weight = 1; // nodes in this value with every alias unfolded
};

// A handle on one node of a YamlDocument, or on no node (undefined): a key
// that is absent. Valid while its document lives.
class YamlNode {
  public:
    YamlNode() = default;
    explicit YamlNode(const YamlNodeData* data) : m_data(data) {}

    bool defined() const { return m_data != nullptr; }
    bool is_null() const { return kind() == YamlKind::null; }
    bool is_scalar() const { return kind() == YamlKind::scalar; }
    bool is_sequence() const { return kind() == YamlKind::sequence; }
    bool is_map() const { return kind() == YamlKind::map; }
    YamlKind kind() const { return m_data ? m_data->kind : YamlKind::undefined; }

    // A scalar's text; empty for anything else.
    const std::string& scalar() const;
    int line() const { return m_data ? m_data->line : -1; }
    int column() const { return m_data ? m_data->column : -1; }

    std::vector<YamlNode> items() const;
    std::vector<std::pair<YamlNode, YamlNode>> entries() const;

  private:
    const YamlNodeData* m_data = nullptr;
};

class YamlDocument {
  public:
    YamlNode root() const { return YamlNode(m_root); }

  private:
    friend class YamlTreeBuilder;
    std::deque<YamlNodeData> m_nodes; // a deque: nodes never move once made
    const YamlNodeData* m_root = nullptr;
};

// Reads the document in `text`; an empty text is a null root. A syntax
// error, a second document, a value nested too deeply or one that unfolds
// (through aliases) past a sane size throws a bad_data Error naming `file`,
// line and column.
YamlDocument parse_yaml(std::string_view text, const std::string& file);

} // namespace complaints
