#!/usr/bin/env bash
# The tables of docs/attacks.md: the spike's coalition weight × bias, and the slow drift's step.
#   scripts/attack-tables.sh [GCTSIM] [REPLICATIONS]   (defaults: .build/release/gctsim, 2)
set -euo pipefail
cd "$(dirname "$0")/.."
G=${1:-.build/release/gctsim}; R=${2:-2}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
row() { # json label...
  python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); f = d["attacks"][0]["figures"]
m = lambda k: f[k]["mean"]
print("| " + " | ".join(sys.argv[2:]) + f" | {m('coalition_share'):.3f} | {100*m('price_move'):+.1f} % | {100*m('max_distortion'):.1f} % "
      f"| {m('attacker_profit_gct'):,.0f} | {m('alarms_in_window'):.1f} | {m('first_alarm_h'):.1f} |")
PY
}
echo "Spike (scenarios/attacks/spike.yaml, $R paired replications): coalition weight × price bias"
echo
echo "| target weight | price bias | realized weight | price move | max distortion | profit (GCT) | alarms in window | first alarm (h, −1 none) |"
echo "|---|---|---|---|---|---|---|---|"
for b in 0.1 0.5; do
  for w in 0.1 0.3 0.5 0.6 0.7; do
    "$G" attack evaluate scenarios/attacks/spike.yaml --replications "$R" --threads 1 \
      --set attacks.oracle_manipulation.0.weight_share=$w --set "attacks.oracle_manipulation.0.bias={price: $b}" --json > "$tmp/s.json"
    row "$tmp/s.json" "$w" "$b"
  done
done
echo
echo "Slow drift (scenarios/attacks/drift.yaml, $R paired replications): step per 10-minute round"
echo
echo "| step | weight | realized weight | price move | max distortion | profit (GCT) | alarms in window | first alarm (h, −1 none) |"
echo "|---|---|---|---|---|---|---|---|"
for w in 0.52; do
  for s in 0.0003 0.001 0.003 0.01 0.03; do
    "$G" attack evaluate scenarios/attacks/drift.yaml --replications "$R" --threads 1 \
      --set attacks.oracle_manipulation.0.weight_share=$w --set "attacks.oracle_manipulation.0.step={price: $s}" --json > "$tmp/d.json"
    row "$tmp/d.json" "$s" "$w"
  done
done
