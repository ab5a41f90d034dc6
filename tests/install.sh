#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cmake --install` into a DESTDIR, as a packager or `make install` would:
# the installed binary runs (--version, list on a copy of the installed
# clinic example, the same listing as the built binary's), and the man pages,
# the shell completions, the docs (and their JSON Schemas) and the three
# example repositories are where GNUInstallDirs puts them, byte for byte
# (the man pages but for the docs they name, named where installed).
# usage: tests/install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1" source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
DESTDIR="$work/root" cmake --install "$build" --prefix /usr >"$work/install.log"
usr="$work/root/usr"
doc="$usr/share/doc/complaints"
fail() { echo "install: $*" >&2; exit 1; }

[ -x "$usr/bin/complaints" ] || fail "no executable usr/bin/complaints"
version="$("$usr/bin/complaints" --version)"
[ "$version" = "$("$build/complaints" --version)" ] || fail "installed --version says '$version'"
[[ "$version" =~ ^complaints\ [0-9]+\.[0-9]+\.[0-9]+\ \(git\ ([0-9a-f]{7,}|unknown)\)$ ]] ||
    fail "--version says '$version'"

man1="$usr/share/man/man1"
# Each page as built, but for the lines naming docs, which name them where
# they were installed (scripts/check-man-paths checks those).
source_paths='(docs/|README\.md|cases-example/)'
for page in "$build"/man/complaints*.1; do
    installed="$man1/$(basename "$page")"
    [ -f "$installed" ] || fail "man page $(basename "$page") not installed"
    diff <(grep -vE "$source_paths" "$page") <(grep -v "/usr/share/doc/complaints/" "$installed") >&2 ||
        fail "man page $(basename "$page")"
done
"$source/scripts/check-man-paths" "$work/root" /usr
[ -f "$man1/complaints-open.1" ] && [ -f "$man1/complaints-agenda.1" ] || fail "per-command man pages"
share="$usr/share"
cmp "$build/completions/complaints.bash" "$share/bash-completion/completions/complaints" || fail "bash completion"
cmp "$build/completions/_complaints" "$share/zsh/vendor-completions/_complaints" || fail "zsh completion"
cmp "$build/completions/complaints.fish" "$share/fish/vendor_completions.d/complaints.fish" || fail "fish completion"
cmp "$source/README.md" "$doc/README.md" || fail "README.md"
for page in "$source"/docs/*.md; do
    cmp "$page" "$doc/$(basename "$page")" || fail "docs/$(basename "$page")"
done
for schema in "$source"/docs/schemas/*.schema.json; do
    cmp "$schema" "$doc/schemas/$(basename "$schema")" || fail "docs/schemas/$(basename "$schema")"
done
diff -r -x .complaints-cache -x .complaints.lock "$source/cases-example" "$doc/examples" >&2 || fail "examples differ from cases-example"

# The installed examples are repositories the installed binary reads.
cp -r "$doc/examples/clinic" "$work/clinic"
export COMPLAINTS_NOW="2026-11-16T10:00:00+00:00"
listed="$("$usr/bin/complaints" --repo "$work/clinic" list --no-cache)"
[ "$listed" = "$("$build/complaints" --repo "$work/clinic" list --no-cache)" ] || fail "list differs"
grep -q '^LUM-' <<<"$listed" || fail "list on the clinic example shows no case: $listed"
echo "install: binary, man pages, completions, docs and examples in place under $(basename "$work")/root/usr"
