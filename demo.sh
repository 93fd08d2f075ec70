#!/usr/bin/env bash
# The main job, end to end: a simulated year of the spec's default economy (scenarios/baseline.yaml),
# written to results/baseline.h5, with a short human summary. Called by `make demo`.
set -euo pipefail
GCTSIM=${1:-.build/release/gctsim}
mkdir -p results
echo "== gctsim validate scenarios/baseline.yaml"
"$GCTSIM" validate scenarios/baseline.yaml
echo
echo "== gctsim run scenarios/baseline.yaml --output results/baseline.h5 --force"
start=$(date +%s.%N)
"$GCTSIM" run scenarios/baseline.yaml --output results/baseline.h5 --force --summary-json results/baseline-summary.json
end=$(date +%s.%N)
printf '\nwall time: %.1f s\n' "$(echo "$end - $start" | bc)"
echo
echo "== gctsim inspect results/baseline.h5 (first 40 lines; all of it in results/baseline-inspect.txt)"
"$GCTSIM" inspect results/baseline.h5 > results/baseline-inspect.txt
head -40 results/baseline-inspect.txt
