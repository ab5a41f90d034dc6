#!/usr/bin/env bash
# The scale benchmark of issue #6: on one generated repository per size, in
# one run, times report, list, show and open against two baselines (cat of
# every case file, the floor; a PyYAML C-loader script, what a user would
# write) and prints a Markdown table of medians, ratios and peak memory.
#   bash bench/run.sh                 # N = 1,000, 10,000 and 100,000
#   SIZES="1000 10000" RUNS=5 bash bench/run.sh
# Needs python3-yaml and /usr/bin/time (Debian's `time`). The page cache is
# warm for every command alike; "cold" means no derived data of our own.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD:-$here/build}"
sizes="${SIZES:-1000 10000 100000}"
runs="${RUNS:-3}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
cmake --build "$build" -j2 --target complaints bench_generate >/dev/null
bin="$build/complaints"
export COMPLAINTS_NOW="2026-11-22T12:00:00+00:00" COMPLAINTS_USER="bench"

# Median wall time of $runs runs of a shell command, in seconds.
median_time() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    bash -c "$1" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}'
}

peak_mib() {
  /usr/bin/time -f '%M' bash -c "$1" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'
}

echo "| N | command | median (s) | x cat | x PyYAML | peak MiB |"
echo "|---:|---|---:|---:|---:|---:|"
for n in $sizes; do
  repo="$work/repo-$n"
  [ -d "$repo" ] || "$build/bench_generate" "$repo" "$n" clinic 42
  cd "$repo"
  id="$(basename "$(find cases -name '*.yaml' -print -quit)" .yaml)"
  declare -A cmd=(
    [cat]="find cases -name '*.yaml' -print0 | xargs -0 cat"
    [pyyaml]="python3 '$here/bench/pyyaml_monthly.py' . 2026-10"
    [report]="'$bin' report --month 2026-10 --format json"
    [list]="'$bin' list --format json"
    [list-overdue]="'$bin' list --overdue"
    [show]="'$bin' show $id"
    [open]="'$bin' open --channel email --summary 'Bench case' --point 'A point'"
  )
  declare -A seconds=()
  for name in cat pyyaml report list list-overdue show open; do
    seconds[$name]="$(median_time "${cmd[$name]}")"
  done
  for name in cat pyyaml report list list-overdue show open; do
    s="${seconds[$name]}"
    x_cat=$(awk -v a="$s" -v b="${seconds[cat]}" 'BEGIN {printf "%.2f", a/b}')
    x_py=$(awk -v a="$s" -v b="${seconds[pyyaml]}" 'BEGIN {printf "%.2f", a/b}')
    echo "| $n | $name | $s | $x_cat | $x_py | $(peak_mib "${cmd[$name]}") |"
  done
  cd "$here"
done
