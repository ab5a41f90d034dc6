// SPDX-License-Identifier: Apache-2.0
// Bash and zsh share one body: small functions answering "which words may
// come here" from tables generated from the tree, written in the syntax
// both shells run (zsh with ksharrays and shwordsplit set).
#include "completion.hpp"

#include "complaints/base/strings.hpp"

#include <fmt/format.h>

namespace complaints::cli {

std::string bash_completion(const CommandEntryTree& root);
std::string zsh_completion(const CommandEntryTree& root);

namespace {

struct Tables {
    std::string subcommands, is_subcommand, options, value_options, choices, arguments;
};

std::string names(const OptionEntry& option) {
    return util::join(option.names, " ");
}

// What a value may be: its choices, or @files and @dirs, which each shell's
// wrapper completes from the disk its own way (quoting, a / after a folder).
std::string values_of(const OptionEntry& option) {
    switch (names_a_path(option)) {
    case PathKind::file:
        return "@files";
    case PathKind::folder:
        return "@dirs";
    case PathKind::none:
        break;
    }
    return util::join(option.choices, " ");
}

void tabulate(const CommandEntryTree& command, bool root, Tables& tables) {
    const std::string path = command.path;
    std::vector<std::string> subs, options;
    for (const auto& sub : command.subcommands) {
        subs.push_back(sub.name);
        tables.is_subcommand += fmt::format("        \"{}|{}\") return 0 ;;\n", path, sub.name);
    }
    if (!subs.empty())
        tables.subcommands +=
            fmt::format("        \"{}\") echo \"{}\" ;;\n", path, util::join(subs, " "));
    int argument = 0;
    for (const auto& option : command.options) {
        if (option.positional) {
            const std::string values = names_a_case(option) ? "@ids" : values_of(option);
            // A repeated argument (attach's FILE...) is every word from its place on.
            const std::string at = option.repeatable ? "\"*" : std::to_string(argument) + "\"";
            if (!values.empty())
                tables.arguments +=
                    fmt::format("        \"{}|{}) echo \"{}\" ;;\n", path, at, values);
            ++argument;
            continue;
        }
        options.push_back(names(option));
        // Options of the top level may come after a command too.
        const std::string where = root ? "*\"" : "\"" + path;
        for (const auto& name : option.names) {
            if (!option.takes_value())
                continue;
            tables.value_options += fmt::format("        {}|{}\") return 0 ;;\n", where, name);
            if (const std::string values = values_of(option); !values.empty())
                tables.choices +=
                    fmt::format("        {}|{}\") echo \"{}\" ;;\n", where, name, values);
        }
    }
    tables.options +=
        fmt::format("        \"{}\") echo \"{}\" ;;\n", path, util::join(options, " "));
    for (const auto& sub : command.subcommands)
        tabulate(sub, false, tables);
}

// The functions that read the tables: the same for every tree.
constexpr std::string_view k_candidates = R"sh(# The words that start with $1, of those after it.
_complaints_matching() {
    local cur=$1 word
    shift
    for word in "$@"; do
        [[ $word == "$cur"* ]] && echo "$word"
    done
    return 0
}

# Those of $2... that start with $1; a file or a folder (@files, @dirs) is
# passed on for the shell to complete.
_complaints_values() {
    case $2 in
        @files|@dirs) echo "$2" ;;
        *) _complaints_matching "$@" ;;
    esac
    return 0
}

# What may complete word $1 of the command line $2...: one a line, the last
# @files or @dirs when a file or folder may come. `chain`
# is the subcommands so far; never `path`, which zsh ties to $PATH.
_complaints_candidates() {
    local cword=$1
    shift
    local -a w
    w=("$@")
    local cur=${w[cword]} chain= word repo= i=1 n=0
    while (( i < cword )); do
        word=${w[i]}
        case $word in
            --repo=*) repo=${word#--repo=} ;;
            --repo) repo=${w[i+1]}; i=$((i + 1)) ;;
            -*=*) ;;
            -*) if _complaints_value_option "$chain" "$word"; then i=$((i + 1)); fi ;;
            *) if _complaints_is_subcommand "$chain" "$word"; then
                   chain=${chain:+$chain }$word
                   n=0
               else
                   n=$((n + 1))
               fi ;;
        esac
        i=$((i + 1))
    done
    if (( cword > 1 )); then
        word=${w[cword-1]}
        if [[ $word == -* ]] && _complaints_value_option "$chain" "$word"; then
            _complaints_values "$cur" $(_complaints_choices "$chain" "$word")
            return 0
        fi
    fi
    if [[ $cur == -* ]]; then
        _complaints_matching "$cur" $(_complaints_options "$chain")
        [[ -n $chain ]] && _complaints_matching "$cur" $(_complaints_options "")
        return 0
    fi
    _complaints_matching "$cur" $(_complaints_subcommands "$chain")
    local argument
    argument=$(_complaints_argument "$chain" "$n")
    if [[ $argument == @ids ]]; then
        "${w[0]}" ${repo:+--repo "$repo"} __ids "$cur" 2>/dev/null
    else
        _complaints_values "$cur" $argument
    fi
    return 0
}
)sh";

std::string shared_body(const CommandEntryTree& root) {
    Tables t;
    tabulate(root, true, t);
    return fmt::format(
               R"sh(# Generated by `complaints __completion` from the command table: do not edit.

_complaints_subcommands() {{
    case "$1" in
{}    esac
}}

_complaints_is_subcommand() {{
    case "$1|$2" in
{}    esac
    return 1
}}

_complaints_options() {{
    case "$1" in
{}    esac
}}

_complaints_value_option() {{
    case "$1|$2" in
{}    esac
    return 1
}}

_complaints_choices() {{
    case "$1|$2" in
{}    esac
}}

_complaints_argument() {{
    case "$1|$2" in
{}    esac
}}

)sh",
               t.subcommands, t.is_subcommand, t.options, t.value_options, t.choices, t.arguments) +
           std::string(k_candidates);
}

} // namespace

std::string bash_completion(const CommandEntryTree& root) {
    return "# bash completion for complaints(1)\n" + shared_body(root) + R"sh(
_complaints() {
    local -a found
    mapfile -t found < <(_complaints_candidates "$COMP_CWORD" "${COMP_WORDS[@]}")
    local last= cur=${COMP_WORDS[COMP_CWORD]}
    (( ${#found[@]} )) && last=${found[${#found[@]}-1]}
    case $last in
        @files|@dirs)
            unset "found[${#found[@]}-1]"
            # bash quotes the names and puts a / after a folder.
            compopt -o filenames 2>/dev/null
            local kind=-f
            [[ $last == @dirs ]] && kind=-d
            mapfile -t -O "${#found[@]}" found < <(compgen "$kind" -- "$cur") ;;
    esac
    COMPREPLY=("${found[@]}")
}
complete -F _complaints complaints
)sh";
}

std::string zsh_completion(const CommandEntryTree& root) {
    return "#compdef complaints\n# zsh completion for complaints(1)\n" + shared_body(root) + R"sh(
# The shared body runs with the options its bash syntax needs, in the
# subshell that collects its words; _files runs with zsh's own.
_complaints_found() {
    setopt localoptions ksharrays shwordsplit
    _complaints_candidates "$@"
}

_complaints() {
    local -a found
    local last ret=1
    found=(${(f)"$(_complaints_found $((CURRENT - 1)) "${words[@]}")"})
    last=${found[-1]}
    [[ $last == @files || $last == @dirs ]] && found[-1]=()
    (( ${#found} )) && compadd -U -- "${found[@]}" && ret=0
    case $last in
        @files) _files && ret=0 ;;
        @dirs) _files -/ && ret=0 ;;
    esac
    return ret
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _complaints "$@"
else
    compdef _complaints complaints
fi
)sh";
}

} // namespace complaints::cli
