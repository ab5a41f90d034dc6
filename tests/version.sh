#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cmake/write_version.cmake, which every build runs for --version: the
# commit of the source folder, "unknown" outside git (a tarball, even one
# unpacked inside another repository), and a file rewritten only when the
# commit changes, so that a build with no new commit recompiles nothing.
# usage: tests/version.sh SOURCE_DIR
set -euo pipefail
script="$1/cmake/write_version.cmake"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "version: $*" >&2; exit 1; }
generate() { cmake -DSOURCE_DIR="$1" -DVERSION=9.8.7 -DOUTPUT="$work/version.cpp" -P "$script"; }
says() { grep -o 'complaints 9.8.7 (git [^)]*)' "$work/version.cpp"; }
git_() { git -C "$work/src" -c user.name=t -c user.email=t@example.org "$@"; }

mkdir "$work/src"
git_ init -q
git_ commit -q --allow-empty -m one
generate "$work/src"
[ "$(says)" = "complaints 9.8.7 (git $(git_ rev-parse --short=7 HEAD))" ] || fail "first: $(says)"

touch -d 2000-01-01 "$work/version.cpp"
generate "$work/src"
[ "$(stat -c %Y "$work/version.cpp")" = "$(date -d 2000-01-01 +%s)" ] ||
    fail "rewritten with no new commit (everything that includes it would rebuild)"

git_ commit -q --allow-empty -m two
generate "$work/src"
[ "$(says)" = "complaints 9.8.7 (git $(git_ rev-parse --short=7 HEAD))" ] || fail "new commit: $(says)"

mkdir "$work/src/unpacked" "$work/tarball"
generate "$work/src/unpacked"
[ "$(says)" = "complaints 9.8.7 (git unknown)" ] || fail "inside another repository: $(says)"
generate "$work/tarball"
[ "$(says)" = "complaints 9.8.7 (git unknown)" ] || fail "outside git: $(says)"
echo "version: the commit, 'unknown' outside git, rewritten only when it changes"
