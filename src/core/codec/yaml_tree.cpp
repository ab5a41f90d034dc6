// SPDX-License-Identifier: Apache-2.0
#include "yaml_tree.hpp"

#include "complaints/codec/codec.hpp"

#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <map>

namespace complaints {

const std::string& YamlNode::scalar() const {
    static const std::string k_none;
    return m_data && m_data->kind == YamlKind::scalar ? m_data->value : k_none;
}

std::vector<YamlNode> YamlNode::items() const {
    std::vector<YamlNode> out;
    if (is_sequence())
        for (const auto* child : m_data->children)
            out.emplace_back(child);
    return out;
}

std::vector<std::pair<YamlNode, YamlNode>> YamlNode::entries() const {
    std::vector<std::pair<YamlNode, YamlNode>> out;
    if (is_map())
        for (std::size_t i = 0; i + 1 < m_data->children.size(); i += 2)
            out.emplace_back(YamlNode(m_data->children[i]), YamlNode(m_data->children[i + 1]));
    return out;
}

namespace {

// Aliases make a small file a huge tree ("billion laughs"); nothing we
// write uses them, so a document that unfolds past this many nodes is
// refused. Shared nodes mean nothing is ever unfolded in memory. Without
// aliases a node takes two bytes at least (a value and what separates it
// from the next), so no file within the size bound meets this limit: the
// size is the only bound a case written by the tool can reach.
constexpr std::size_t k_most_nodes = k_largest_case / 2;
// Our files nest five deep; a reader walking a tree recurses per level.
constexpr std::size_t k_deepest = 200;

constexpr std::string_view k_null_tag = "tag:yaml.org,2002:null";

Location at_mark(const yaml_mark_t& mark, const std::string& file) {
    return Location{file, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {
        if (!yaml_parser_initialize(&m_parser))
            throw std::bad_alloc();
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~Parser() { yaml_parser_delete(&m_parser); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    // The next event into `event`; throws bad_data on a syntax error.
    void next(yaml_event_t& event, const std::string& file) {
        if (!yaml_parser_parse(&m_parser, &event))
            throw Error(ErrorKind::bad_data, fmt::format("not valid YAML: {}", problem()),
                        where(file));
    }

  private:
    std::string problem() const {
        std::string what = m_parser.problem ? m_parser.problem : "cannot be read";
        if (m_parser.context)
            what += fmt::format(" {}", m_parser.context);
        return what;
    }
    Location where(const std::string& file) const {
        if (m_parser.error == YAML_READER_ERROR) {
            const auto at = line_column_at(m_text, m_parser.problem_offset);
            return Location{file, at.line, at.column};
        }
        return at_mark(m_parser.problem_mark, file);
    }

    std::string_view m_text;
    yaml_parser_t m_parser{};
};

// Frees an event's strings however its handling ends.
struct EventGuard {
    yaml_event_t& event;
    ~EventGuard() { yaml_event_delete(&event); }
};

const char* text_of(const yaml_char_t* text) {
    return reinterpret_cast<const char*>(text);
}

} // namespace

class YamlTreeBuilder {
  public:
    YamlTreeBuilder(YamlDocument& document, const std::string& file)
        : m_document(document), m_file(file) {}

    // Takes one event; false at the end of the text.
    bool take(const yaml_event_t& event) {
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            start_document(event);
            break;
        case YAML_SCALAR_EVENT:
            add_scalar(event);
            break;
        case YAML_SEQUENCE_START_EVENT:
            open(YamlKind::sequence, event, event.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_START_EVENT:
            open(YamlKind::map, event, event.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            close();
            break;
        case YAML_ALIAS_EVENT:
            add_alias(event);
            break;
        case YAML_STREAM_END_EVENT:
            return false;
        default:
            break;
        }
        return true;
    }

    void finish() {
        if (!m_document.m_root) {
            auto& empty = m_document.m_nodes.emplace_back();
            empty.kind = YamlKind::null;
            m_document.m_root = &empty;
        }
    }

  private:
    // A second document after '---' would be data that no reader sees.
    void start_document(const yaml_event_t& event) {
        if (m_documents++ > 0)
            throw Error(ErrorKind::bad_data,
                        "a second YAML document ('---') here; a file holds one",
                        at_mark(event.start_mark, m_file));
    }

    YamlNodeData& make(YamlKind kind, const yaml_event_t& event) {
        auto& node = m_document.m_nodes.emplace_back();
        node.kind = kind;
        node.line = static_cast<int>(event.start_mark.line);
        node.column = static_cast<int>(event.start_mark.column);
        return node;
    }

    void add_scalar(const yaml_event_t& event) {
        const auto& scalar = event.data.scalar;
        std::string value(text_of(scalar.value), scalar.length);
        auto& node = make(is_null(scalar, value) ? YamlKind::null : YamlKind::scalar, event);
        node.value = std::move(value);
        attach(node, event);
        remember(scalar.anchor, node);
    }

    static bool is_null(const decltype(yaml_event_t::data.scalar)& scalar, std::string_view value) {
        if (scalar.tag)
            return text_of(scalar.tag) == k_null_tag;
        return scalar.style == YAML_PLAIN_SCALAR_STYLE &&
               (value.empty() || value == "~" || value == "null" || value == "Null" ||
                value == "NULL");
    }

    void open(YamlKind kind, const yaml_event_t& event, const yaml_char_t* anchor) {
        if (m_open.size() >= k_deepest)
            throw Error(ErrorKind::bad_data,
                        fmt::format("nested too deeply (more than {} levels)", k_deepest),
                        at_mark(event.start_mark, m_file));
        auto& node = make(kind, event);
        attach(node, event);
        m_open.push_back(&node);
        if (anchor)
            m_pending_anchors.emplace_back(&node, text_of(anchor));
    }

    void close() {
        YamlNodeData* node = m_open.back();
        m_open.pop_back();
        for (const auto* child : node->children)
            node->weight += child->weight;
        // An anchored collection can be named by an alias only once it is
        // complete: an alias inside its own anchor would be a cycle.
        for (auto it = m_pending_anchors.begin(); it != m_pending_anchors.end(); ++it) {
            if (it->first == node) {
                m_anchors[it->second] = node;
                m_pending_anchors.erase(it);
                break;
            }
        }
    }

    void add_alias(const yaml_event_t& event) {
        const std::string name = text_of(event.data.alias.anchor);
        const auto found = m_anchors.find(name);
        if (found == m_anchors.end())
            throw Error(ErrorKind::bad_data,
                        fmt::format("the alias *{} names no complete anchor before it", name),
                        at_mark(event.start_mark, m_file));
        count(found->second->weight, event);
        attach_shared(*found->second);
    }

    void remember(const yaml_char_t* anchor, const YamlNodeData& node) {
        if (anchor)
            m_anchors[text_of(anchor)] = &node;
    }

    void attach(const YamlNodeData& node, const yaml_event_t& event) {
        count(1, event);
        attach_shared(node);
    }

    void attach_shared(const YamlNodeData& node) {
        if (m_open.empty())
            m_document.m_root = &node;
        else
            m_open.back()->children.push_back(&node);
    }

    void count(std::size_t nodes, const yaml_event_t& event) {
        m_unfolded += nodes;
        if (m_unfolded > k_most_nodes)
            throw Error(
                ErrorKind::bad_data,
                fmt::format("a value unfolds to more than {} nodes (an alias bomb?)", k_most_nodes),
                at_mark(event.start_mark, m_file));
    }

    YamlDocument& m_document;
    const std::string& m_file;
    std::vector<YamlNodeData*> m_open;
    std::vector<std::pair<const YamlNodeData*, std::string>> m_pending_anchors;
    std::map<std::string, const YamlNodeData*, std::less<>> m_anchors;
    std::size_t m_unfolded = 0;
    int m_documents = 0;
};

YamlDocument parse_yaml(std::string_view text, const std::string& file) {
    YamlDocument document;
    YamlTreeBuilder builder(document, file);
    Parser parser(text);
    for (bool more = true; more;) {
        yaml_event_t event;
        parser.next(event, file);
        EventGuard guard{event};
        more = builder.take(event);
    }
    builder.finish();
    return document;
}

} // namespace complaints
