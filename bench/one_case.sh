#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue #39's size sweep for the one-case commands. On one generated clinic
# repository per size (bench_generate DIR N clinic 7), the old binary and
# the new, each on its own copy with a warm cache (files older than the
# settle time, as a real repository's are; the cache format differs):
#   - getdents64 calls of `show` by whole and by short ID, all of them and
#     those reading cases/ (strace -y; the rest is the time zone database);
#   - wall and cpu milliseconds, medians of paired runs (farm-bench, new vs old), of
#     `show` and `log` by whole ID, `show` by short ID through a fresh
#     cache, and `log` by short ID (each log changes cases/, so the next
#     short ID is resolved by listing: the cost after a write), and `open`
#     (its new ID checked free).
#   bash bench/one_case.sh OLD_BINARY [NEW_BINARY]   # SIZES="1000 10000" RUNS=9
source "$(dirname "$0")/common.sh"
old="$1"
new="${2:-$here/build/complaints}"
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --build "$here/build" -j2 --target bench_generate >/dev/null

# getdents64 calls of `BINARY --repo REPO show QUERY`: "all cases/".
dents() {
  strace -f -y -e trace=getdents64 -o "$work/trace" "$1" --repo "$2" show "$3" >/dev/null
  echo "$(grep -c '^[0-9]* *getdents64' "$work/trace" || true) $(grep -c 'getdents64([0-9]*</.*/cases>' "$work/trace" || true)"
}

# Median wall and cpu milliseconds of B (old) and A (new), and A/B, paired.
paired() {
  farm-bench -n "$runs" --vs "$2" -- $1 2>&1 |
    awk '/^A wall s/ {a = $5 * 1000} /^B wall s/ {b = $5 * 1000} /^A\/B wall/ {r = $4}
         /^A cpu s/ {ac = $5 * 1000} /^B cpu s/ {bc = $5 * 1000} /^A\/B cpu/ {rc = $4}
         END {printf "%.0f | %.0f | %.2f | %.0f | %.0f | %.2f", b, a, r, bc, ac, rc}'
}

echo "| cases | command | getdents64 old (cases/) | new (cases/) | wall ms old | new | new / old | cpu ms old | new | new / old |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  "$here/build/bench_generate" "$work/base$n" "$n" clinic 7 >/dev/null
  id="$(ls "$work/base$n/cases" | sed -n "$((n / 2))p" | sed 's/\.yaml$//')"
  tail="${id##*-}"
  short="${tail:0:4}"
  for which in old new; do
    cp -a "$work/base$n" "$work/$which$n"
  done
  sleep 3
  for which in old new; do
    "${!which}" --repo "$work/$which$n" list --format csv >/dev/null
  done
  for query in "$id" "$short"; do
    read -r old_all old_cases <<<"$(dents "$old" "$work/old$n" "$query")"
    read -r new_all new_cases <<<"$(dents "$new" "$work/new$n" "$query")"
    times="$(paired "$new --repo $work/new$n show $query" "$old --repo $work/old$n show $query")"
    echo "| $n | show $query | $old_all ($old_cases) | $new_all ($new_cases) | $times |"
  done
  for query in "$id" "$short"; do
    times="$(paired "$new --repo $work/new$n log $query --text bench" \
      "$old --repo $work/old$n log $query --text bench")"
    echo "| $n | log $query | | | $times |"
  done
  times="$(paired "$new --repo $work/new$n open --channel phone --received 2026-11-20" \
    "$old --repo $work/old$n open --channel phone --received 2026-11-20")"
  echo "| $n | open | | | $times |"
  rm -rf "$work/base$n" "$work/old$n" "$work/new$n"
done
