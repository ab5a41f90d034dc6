#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# list and report read and format on every core. This builds them with
# ThreadSanitizer and runs them cold (no cache: files parsed in parallel)
# and warm (JSON formatted on two threads) over generated repositories of
# both presets; any data race fails the run, and every output must equal
# the normal build's --no-cache output.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086 # COMPLAINTS_CMAKE_FLAGS (scripts/test-all) are words
cmake -S . -B build-tsan -DCOMPLAINTS_SANITIZE_THREAD=ON -DBUILD_TESTING=OFF ${COMPLAINTS_CMAKE_FLAGS:-} >/dev/null
cmake --build build-tsan -j2 --target complaints bench_generate
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export COMPLAINTS_NOW="2026-11-22T12:00:00+00:00" TSAN_OPTIONS="halt_on_error=1"
for preset in clinic platform; do
  repo="$work/$preset"
  build-tsan/bench_generate "$repo" 3000 "$preset" 7
  for args in "report --month 2026-10 --format json" "list --format json" "list --format csv"; do
    expected="$(build/complaints --repo "$repo" $args --no-cache)"
    rm -f "$repo/.complaints-cache"
    for run in cold warm; do
      got="$(build-tsan/complaints --repo "$repo" $args)"
      if [ "$got" != "$expected" ]; then
        echo "threads: $preset '$args' ($run) differs from the --no-cache output" >&2
        exit 1
      fi
    done
  done
  echo "threads: $preset: report and list agree cold and warm, no race reported"
done
