#!/usr/bin/env bash
# Heap allocations per event in steady state: runs a scenario at two simulated lengths under an
# LD_PRELOAD counter (Benchmarks/alloc-count/alloc_count.c) and divides the difference in allocations
# by the difference in events, so start-up (YAML, Foundation, first growth of arrays) cancels out.
# Usage (from the package root): Benchmarks/alloc-count.sh [path/to/gctsim]
set -euo pipefail
GCTSIM=$(realpath "${1:-.build/release/gctsim}")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -O2 -shared -fPIC Benchmarks/alloc-count/alloc_count.c -o "$out/alloc_count.so" -ldl
measure() {  # label, then two argument lists separated by --
  local label=$1; shift
  local a=() b=() seen=0
  for x in "$@"; do if [ "$x" = -- ]; then seen=1; elif [ $seen = 0 ]; then a+=("$x"); else b+=("$x"); fi; done
  for k in short long; do
    if [ $k = short ]; then args=("${a[@]}"); else args=("${b[@]}"); fi
    rm -f "$out/$k.json"
    LD_PRELOAD="$out/alloc_count.so" "$GCTSIM" run "${args[@]}" --summary-json "$out/$k.json" >/dev/null 2>"$out/$k.err"
    eval "alloc_$k=$(grep -o 'total_alloc [0-9]*' "$out/$k.err" | cut -d' ' -f2)"
    eval "events_$k=$(jq '.metrics.events.mean' "$out/$k.json")"
  done
  awk -v l="$label" -v a1="$alloc_short" -v a2="$alloc_long" -v e1="$events_short" -v e2="$events_long" 'BEGIN {
    printf "%-26s allocations %9d -> %9d, events %9d -> %9d: %.5f allocations per event\n", l, a1, a2, e1, e2, (a2 - a1) / (e2 - e1) }'
}
mmc=(scenarios/mmc-validation.yaml --replications 1 --set warmup_s=0)
measure "M/M/c, no output" "${mmc[@]}" --no-output --set duration_s=3000 -- "${mmc[@]}" --no-output --set duration_s=30000
measure "M/M/c, HDF5" "${mmc[@]}" --output "$out/a.h5" --force --set duration_s=3000 -- "${mmc[@]}" --output "$out/b.h5" --force --set duration_s=30000
bl=(scenarios/baseline.yaml --replications 1 --set governance.proposals.0.at=1d)
measure "baseline, no output" "${bl[@]}" --no-output --set days=3 -- "${bl[@]}" --no-output --set days=30
measure "baseline, HDF5" "${bl[@]}" --output "$out/c.h5" --force --set days=3 -- "${bl[@]}" --output "$out/d.h5" --force --set days=30
