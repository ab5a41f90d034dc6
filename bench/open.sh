#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A/B of `open --gmc` on a 10,000-case platform repository between two
# binaries: does opening a complaint about a clinician read every case file
# (the GMC number's owner, the suspension note), or the cache's slim facts?
# Each binary gets its own copy with a warm cache; prints, per binary, the
# median milliseconds of `open` and how many case files one open reads
# (strace's openat of cases/*.yaml, read-only).
#   bash bench/open.sh OLD_BINARY [NEW_BINARY]   # default new: build/complaints
source "$(dirname "$0")/common.sh"
old="$1"
new="${2:-$here/build/complaints}"
runs="${RUNS:-7}"
n="${N:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --build "$here/build" -j2 --target bench_generate >/dev/null
"$here/build/bench_generate" "$work/base" "$n" platform 42
# A GMC number in the repository and the name its earliest case gives it.
gmc="$(grep -rh '^gmc:' "$work/base/cases" | awk 'NR == 1' | cut -d'"' -f2)"
first="$(grep -rl "^gmc: \"$gmc\"" "$work/base/cases" | sort | awk 'NR == 1')"
about="$(grep '^about:' "$first" | cut -d'"' -f2)"

open_case() {
  (cd "$2" && "$1" open --channel email --complainant "Practice manager" --about "$about" \
    --gmc "$gmc" --type late >/dev/null 2>&1)
}

echo "| binary | median ms | case files read |"
echo "|---|---:|---:|"
for which in old new; do
  binary="${!which}"
  repo="$work/$which"
  cp -a "$work/base" "$repo"
  # Warm the cache once the files are older than COMPLAINTS_CACHE_SETTLE (a
  # younger file is read again until it settles), as a real repository's are.
  sleep 3
  (cd "$repo" && "$binary" list --format csv >/dev/null)
  strace -f -e trace=openat -o "$work/$which.strace" \
    bash -c "cd '$repo' && '$binary' open --channel email --about '$about' --gmc $gmc >/dev/null"
  files="$(grep 'cases/.*\.yaml' "$work/$which.strace" | grep -c O_RDONLY || true)"
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    open_case "$binary" "$repo"
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000))")
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1e3}')"
  echo "| $which | $median | $files |"
done
