#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A/B of one write (`log`) between two binaries: does reading back every
# case file before publishing it (issue #17) slow writes? On a fresh case and
# on one grown to about 1 MB, each binary with its own copy of the
# repository, alternating runs; prints the median milliseconds of each.
#   bash bench/write.sh OLD_BINARY [NEW_BINARY]   # default new: build/complaints
source "$(dirname "$0")/common.sh"
old="$1"
new="${2:-$here/build/complaints}"
runs="${RUNS:-31}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prepares a repository for binary $1 in $2 with one case of about $3 bytes.
prepare() {
  "$1" init "$2" --preset clinic --organisation Bench --prefix BEN >/dev/null
  local id text
  id="$(cd "$2" && "$1" open --channel phone --received 2026-11-02)"
  text="$(head -c 1000 /dev/zero | tr '\0' 'x')"
  while [ "$(stat -c %s "$2/cases/$id.yaml")" -lt "$3" ]; do
    (cd "$2" && "$1" log "$id" --text "$text" >/dev/null)
  done
  echo "$id"
}

# Median milliseconds of `log` on case $3 in $2 with binary $1 ($runs runs).
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    (cd "$2" && "$1" log "$3" --text "A call" >/dev/null)
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1e3}'
}

for size in 2000 1000000; do
  id_old="$(prepare "$old" "$work/old-$size" "$size")"
  id_new="$(prepare "$new" "$work/new-$size" "$size")"
  a=$(median_ms "$old" "$work/old-$size" "$id_old")
  b=$(median_ms "$new" "$work/new-$size" "$id_new")
  c=$(median_ms "$old" "$work/old-$size" "$id_old")
  d=$(median_ms "$new" "$work/new-$size" "$id_new")
  echo "case of ~$size bytes: old $a / $c ms, new $b / $d ms"
done
