#!/usr/bin/env bash
# Runs `gctsim attack evaluate --json` over a grid of the oracle attacks of docs/attacks.md and writes
# each point's report plus a manifest, grid.json, that notebooks/attacks.py reads.
#
# Usage: notebooks/attack-grid.sh GCTSIM OUTDIR [full|small]
#   full  (make notebooks): the spike (scenarios/attacks/spike.yaml) at coalition weight
#         0.1 0.3 0.45 0.5 0.6 0.7 with price bias 0.5 and 0.3 0.5 0.7 with bias 0.1; the slow drift
#         (scenarios/attacks/drift.yaml) at step 0.0003 0.001 0.003 0.01 0.03 per round, weight 0.52;
#         3 paired replications per point (14 points, about 2 min of CPU: 1 min on 2 idle cores).
#   small (make test): spike weight 0.3 and 0.6 at bias 0.5, drift step 0.001 and 0.01 at weight 0.52;
#         2 paired replications (about 20 s of CPU).
#
# Manifest (format "gctsim-attack-grid", version 1):
#   {"format": "gctsim-attack-grid", "version": 1, "size": "full", "replications": 3,
#    "runs": [{"family": "spike", "scenario": "scenarios/attacks/spike.yaml", "weight_share": 0.3,
#              "bias": 0.5, "step": 0, "report": "spike-w0.3-b0.5.json"}, ...]}
# Each report is `gctsim attack evaluate SCENARIO --set … --replications R --json` output (fixed seed:
# byte-stable for any thread count).
set -euo pipefail
gctsim=${1:?usage: attack-grid.sh GCTSIM OUTDIR [full|small]}
out=${2:?usage: attack-grid.sh GCTSIM OUTDIR [full|small]}
size=${3:-full}
case "$size" in
  full)  reps=3; spike="0.1:0.5 0.3:0.5 0.45:0.5 0.5:0.5 0.6:0.5 0.7:0.5 0.3:0.1 0.5:0.1 0.7:0.1"   # weight:bias
         drift="0.52:0.0003 0.52:0.001 0.52:0.003 0.52:0.01 0.52:0.03" ;;                         # weight:step
  small) reps=2; spike="0.3:0.5 0.6:0.5"; drift="0.52:0.001 0.52:0.01" ;;
  *) echo "attack-grid.sh: size must be full or small, not '$size'" >&2; exit 2 ;;
esac
mkdir -p "$out"
threads=$(nproc 2>/dev/null || echo 1)
runs=""
point() { # family scenario weight bias step file --set...
  local family=$1 scenario=$2 w=$3 b=$4 s=$5 file=$6
  shift 6
  echo "attack-grid: $family weight $w bias $b step $s -> $out/$file"
  "$gctsim" attack evaluate "$scenario" --replications "$reps" --threads "$threads" \
    --set attacks.oracle_manipulation.0.weight_share="$w" "$@" --json > "$out/$file.tmp" 2> "$out/$file.err" \
    || { echo "attack-grid: gctsim attack evaluate failed for $family weight $w bias $b step $s:" >&2; cat "$out/$file.err" >&2; exit 1; }
  mv "$out/$file.tmp" "$out/$file"
  rm -f "$out/$file.err"
  runs="$runs${runs:+,}
    {\"family\": \"$family\", \"scenario\": \"$scenario\", \"weight_share\": $w, \"bias\": $b, \"step\": $s, \"report\": \"$file\"}"
}
for p in $spike; do
  w=${p%:*} b=${p#*:}
  point spike scenarios/attacks/spike.yaml "$w" "$b" 0 "spike-w$w-b$b.json" --set "attacks.oracle_manipulation.0.bias={price: $b}"
done
for p in $drift; do
  w=${p%:*} s=${p#*:}
  point drift scenarios/attacks/drift.yaml "$w" 0 "$s" "drift-w$w-s$s.json" --set "attacks.oracle_manipulation.0.step={price: $s}"
done
printf '{"format": "gctsim-attack-grid", "version": 1, "size": "%s", "replications": %d, "runs": [%s\n]}\n' \
  "$size" "$reps" "$runs" > "$out/grid.json"
echo "attack-grid: wrote $out/grid.json"
