#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The README's two commands and CI agree: .ci/run runs exactly command 2;
# command 1 installs only packages.txt (no test tools), configures without
# the tests and builds only the executable, in Release, so a newcomer's
# first run stays quick.
# usage: tests/readme-commands.sh SOURCE_DIR
set -euo pipefail
cd "$1"
fail() { echo "readme-commands: $*" >&2; exit 1; }
first="$(grep -m1 '^export DEBIAN_FRONTEND=noninteractive; apt-get' README.md)"
second="$(grep '^export DEBIAN_FRONTEND=noninteractive; apt-get' README.md | sed -n 2p)"
ci="$(grep '^apt-get' .ci/run)"
[ "export DEBIAN_FRONTEND=noninteractive; $ci" = "$second" ] || fail ".ci/run is not README command 2"
[[ "$second" == *'$(cat packages.txt packages-test.txt)'* ]] || fail "command 2 installs: $second"
[[ "$first" == *'apt-get install -y -qq $(cat packages.txt) >'* ]] || fail "command 1 installs: $first"
[[ "$first" == *'cmake -S . -B build -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2 --target complaints &&'* ]] ||
    fail "command 1 builds more than the executable: $first"
if grep -qx -e doctest-dev -e 'clang.*' -e 'libclang-rt.*' -e lintian packages.txt; then
    fail "packages.txt holds a test-only package"
fi
echo "readme-commands: command 1 builds only the tool, .ci/run is command 2"
