#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The scale benchmark of issue #6: on one generated repository per size, in
# one run, times report, list, agenda, show and open against two baselines
# (cat of every case file, the floor; a PyYAML C-loader script, what a user
# would write) and prints a Markdown table of medians, ratios and peak memory.
#   bash bench/run.sh                 # N = 1,000, 10,000 and 100,000
#   SIZES="1000 10000" RUNS=5 bash bench/run.sh
#   SIZES=100000 NAMES="cat list agenda" bash bench/run.sh   # some commands
# Needs python3-yaml and /usr/bin/time (Debian's `time`). The page cache is
# warm for every command alike; "cold" means no derived data of our own.
source "$(dirname "$0")/common.sh"
build="${BUILD:-$here/build}"
sizes="${SIZES:-1000 10000 100000}"
runs="${RUNS:-3}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
cmake --build "$build" -j2 --target complaints bench_generate >/dev/null
bin="$build/complaints"

# Runs a shell command $runs times; prints "median-seconds peak-MiB".
measure() {
  local times=() peak=0
  for _ in $(seq "$runs"); do
    local start end kib
    start=$(date +%s%N)
    kib=$(/usr/bin/time -f '%M' bash -c "$1" 2>&1 >/dev/null | tail -1)
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v peak="$peak" '{a[NR]=$1} END {printf "%.3f %.0f", a[int((NR+1)/2)]/1e6, peak/1024}'
}

names="${NAMES:-cat pyyaml report-cold report list-cold list list-overdue agenda show open}"
echo "| N | command | median (s) | x cat | x PyYAML | peak MiB |"
echo "|---:|---|---:|---:|---:|---:|"
for n in $sizes; do
  repo="$work/repo-$n"
  if [ ! -d "$repo" ]; then
    "$build/bench_generate" "$repo" "$n" clinic 42
    # A file changed in the last 2 s is read again until it settles
    # (COMPLAINTS_CACHE_SETTLE); let them age past that, as a real
    # repository's files have, or "warm" would measure a cold read.
    sleep 3
  fi
  cd "$repo"
  rm -f .complaints-cache
  id="$(basename "$(find cases -name '*.yaml' -print -quit)" .yaml)"
  # "-cold": no cache, as on a fresh clone (the run builds it); the others
  # find it up to date, nothing having changed since the previous command.
  declare -A cmd=(
    [cat]="find cases -name '*.yaml' -print0 | xargs -0 cat"
    [pyyaml]="python3 '$here/bench/pyyaml_monthly.py' . 2026-10"
    [report-cold]="rm -f .complaints-cache && '$bin' report --month 2026-10 --format json"
    [report]="'$bin' report --month 2026-10 --format json"
    [list-cold]="rm -f .complaints-cache && '$bin' list --format json"
    [list]="'$bin' list --format json"
    [list-overdue]="'$bin' list --overdue"
    [agenda]="'$bin' agenda --format json"
    [show]="'$bin' show $id"
    [open]="'$bin' open --channel email --summary 'Bench case' --point 'A point'"
  )
  declare -A seconds=() mib=()
  for name in $names; do
    read -r seconds[$name] mib[$name] <<<"$(measure "${cmd[$name]}")"
  done
  for name in $names; do
    s="${seconds[$name]}"
    # "-" for a baseline NAMES left out.
    x_cat=$(awk -v a="$s" -v b="${seconds[cat]:-0}" 'BEGIN {if (b > 0) printf "%.2f", a/b; else printf "-"}')
    x_py=$(awk -v a="$s" -v b="${seconds[pyyaml]:-0}" 'BEGIN {if (b > 0) printf "%.2f", a/b; else printf "-"}')
    echo "| $n | $name | $s | $x_cat | $x_py | ${mib[$name]} |"
  done
  cd "$here"
done
