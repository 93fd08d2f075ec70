#!/usr/bin/env bash
# Peak RSS of the release gctsim at 1x and 10x the simulated duration (memory must not grow with
# simulated time), with and without the HDF5 trajectory, and the trajectory's size.
# Usage: Benchmarks/memory-flat.sh [path/to/gctsim]   (from the package root)
set -euo pipefail
GCTSIM=${1:-.build/release/gctsim}
out=$(mktemp -d)
run() {  # label, extra args...
  local label=$1; shift
  /usr/bin/time -f "%M" -o "$out/rss" "$GCTSIM" run scenarios/mmc-validation.yaml --replications 1 "$@" >/dev/null 2>&1
  echo "$(cat "$out/rss")"
}
for mode in no-output hdf5; do
  for scale in 1 10; do
    d=$((20000 * scale))
    if [ $mode = hdf5 ]; then
      rss=$(run "$mode" --set duration_s=$d --output "$out/t$scale.h5" --force)
      size=$(stat -c %s "$out/t$scale.h5")
    else
      rss=$(run "$mode" --set duration_s=$d --no-output); size=0
    fi
    eval "rss_${mode//-/_}_$scale=$rss; size_${mode//-/_}_$scale=$size"
    printf '%-9s duration %7ss  peak RSS %7s KiB  file %10s bytes\n' "$mode" "$d" "$rss" "$size"
  done
done
awk -v a="$rss_no_output_1" -v b="$rss_no_output_10" 'BEGIN { printf "no output: peak RSS 10x / 1x = %.3f\n", b / a }'
awk -v a="$rss_hdf5_1" -v b="$rss_hdf5_10" 'BEGIN { printf "hdf5:      peak RSS 10x / 1x = %.3f\n", b / a }'
awk -v a="$size_hdf5_1" -v b="$size_hdf5_10" 'BEGIN { printf "hdf5:      file size 10x / 1x = %.2f\n", b / a }'
rm -rf "$out"
