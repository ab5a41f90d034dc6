#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue #38's figure for `complaints serve`: on one generated clinic
# repository per size, with a warm cache, the server started once on a free
# port; the today page, the cases page and one case page asked for RUNS
# times each (warm: the first answer is not counted), against the read floor
# of the same run (cat of every case file). Prints medians in milliseconds
# and the ratio to the floor.
#   bash bench/serve.sh                      # N = 10,000 and 100,000
#   SIZES=1000 RUNS=9 bash bench/serve.sh
source "$(dirname "$0")/common.sh"
build="${BUILD:-$here/build}"
sizes="${SIZES:-10000 100000}"
runs="${RUNS:-7}"
work="$(mktemp -d)"
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cmake --build "$build" -j2 --target complaints bench_generate >/dev/null
bin="$build/complaints"

# Median milliseconds of $runs runs of a shell command.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    bash -c "$1" >/dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1e3}'
}

echo "| N | page | median ms | x cat |"
echo "|---:|---|---:|---:|"
for n in $sizes; do
  repo="$work/repo-$n"
  "$build/bench_generate" "$repo" "$n" clinic 7 >/dev/null
  sleep 3 # older than the cache's settle time, as a real repository's files are
  "$bin" --repo "$repo" list --format csv >/dev/null
  id="$(ls "$repo/cases" | sed -n "$((n / 2))p" | sed 's/\.yaml$//')"
  "$bin" --repo "$repo" serve --port 0 >"$work/link" 2>&1 &
  server=$!
  until grep -q token= "$work/link"; do sleep 0.1; done
  base="$(grep -o 'http://[^/]*' "$work/link")"
  token="$(grep -o 'token=[0-9a-f]*' "$work/link" | cut -d= -f2)"
  fetch="curl -sf -o /dev/null -b complaints_token=$token"
  floor="$(median_ms "find $repo/cases -name '*.yaml' -print0 | xargs -0 cat")"
  echo "| $n | cat of every case file | $floor | 1.00 |"
  for page in / /cases "/case/$id"; do
    $fetch "$base$page" # warm
    ms="$(median_ms "$fetch $base$page")"
    echo "| $n | $page | $ms | $(awk -v a="$ms" -v b="$floor" 'BEGIN {printf "%.2f", a / b}') |"
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
done
