#!/usr/bin/env bash
# The engine hold model (1 000 pending events, each pop schedules one at now + Exp(1 s)), compiled with
# GCTEngine's sources in one module, timed, then its instructions per event counted by callgrind as the
# difference of two run lengths (docs/performance.md).
# Usage (from the package root): Benchmarks/hold-model.sh [SIZE]
set -euo pipefail
size=${1:-1000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -wmo -parse-as-library -module-name HoldBench $(find Sources/GCTEngine -name '*.swift') \
  Benchmarks/hold-model/main.swift -o "$out/hold"
"$out/hold" "$size" 10000000 3
if command -v valgrind >/dev/null; then
  objcopy --strip-debug "$out/hold" "$out/hold-nodebug"
  for n in 1000000 2000000; do
    valgrind --tool=callgrind --callgrind-out-file="$out/cg.$n" "$out/hold-nodebug" "$size" $n 1 2>&1 \
      | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' > "$out/ir.$n"
  done
  awk -v a="$(cat "$out/ir.1000000")" -v b="$(cat "$out/ir.2000000")" \
    'BEGIN { printf "instructions per event: %.1f\n", (b - a) / 1000000 }'
fi
