#!/usr/bin/env bash
# The spike's coalition weight × price bias table computed two ways, side by side (docs/attacks.md,
# "Oracle Monte Carlo behind the tables"):
#   - oracle Monte Carlo: `gctsim montecarlo oracle --scenario scenarios/attacks/spike.yaml` batches,
#     one per replication's validator genesis (GPU when present, else the identical CPU twin),
#     ROUNDS rounds per bias; price move = mean consensus at the bias / at bias 0 − 1; once with one
#     median per round ("one pass", the attack's first round) and once with the outliers dropped
#     (`--drop-outliers`, the steady state of the outlier penalty over the window);
#   - full runs: `gctsim attack evaluate` (attack run and twin, REPLICATIONS paired replications).
# Both CIs are 95 % Student-t over the replications (the same validator stakes on both sides).
#   scripts/attack-tables-montecarlo.sh [GCTSIM] [REPLICATIONS] [ROUNDS] [DEVICE]
#   (defaults: .build/release/gctsim, 4, 20000, auto)
set -euo pipefail
cd "$(dirname "$0")/.."
G=${1:-.build/release/gctsim}; R=${2:-4}; N=${3:-20000}; D=${4:-auto}
S=scenarios/attacks/spike.yaml
WEIGHTS=${WEIGHTS:-"0.1 0.3 0.5 0.6 0.7"}; BIASES=${BIASES:-"0.1 0.5"}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
now() { python3 -c 'import time; print(time.time())'; }

echo "Spike (scenarios/attacks/spike.yaml): coalition weight × price bias, oracle Monte Carlo ($N rounds × $R validator sets) vs full runs ($R paired replications)"
echo
echo "| target weight | price bias | realized weight MC / full | MC one pass [95 % CI] | MC outliers dropped [95 % CI] | full runs [95 % CI] | dropped ∩ full | MC kernel / wall (s) | full (s) |"
echo "|---|---|---|---|---|---|---|---|---|"
for w in $WEIGHTS; do
  t0=$(now)
  for r in $(seq 0 $((R - 1))); do
    for mode in one drop; do
      flag=""; [ "$mode" = drop ] && flag=--drop-outliers
      # shellcheck disable=SC2086
      "$G" montecarlo oracle --scenario "$S" --replication "$r" --weight-share "$w" --bias 0 $BIASES \
        --rounds "$N" --seed $((r + 1)) --device "$D" $flag --json > "$tmp/mc-$mode-$w-$r.json" 2>/dev/null
    done
  done
  t1=$(now)
  mc_time=$(python3 -c "print(($t1 - $t0) / len('$BIASES'.split()))")
  for b in $BIASES; do
    t2=$(now)
    "$G" attack evaluate "$S" --replications "$R" --threads 1 \
      --set attacks.oracle_manipulation.0.weight_share="$w" --set "attacks.oracle_manipulation.0.bias={price: $b}" --json > "$tmp/full.json"
    t3=$(now)
    python3 - "$tmp" "$w" "$b" "$R" "$mc_time" "$(python3 -c "print($t3 - $t2)")" <<'PY'
import json, math, statistics, sys
tmp, w, b, R, mc_time, full_time = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
# Student-t 97.5 % quantiles by degrees of freedom.
T = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228}
def mc(mode):
    moves, shares, secs = [], [], 0.0
    for r in range(R):
        d = json.load(open(f"{tmp}/mc-{mode}-{w}-{r}.json"))
        by = {round(x["bias"], 12): x for x in d["biases"]}
        base, at = by[0.0], by[round(b, 12)]
        moves.append((1 + at["meanError"]) / (1 + base["meanError"]) - 1)
        shares.append(d["coalitionShare"])
        secs += d["seconds"] / len(d["biases"])
    m = statistics.mean(moves)
    h = T.get(R - 1, 1.96) * statistics.stdev(moves) / math.sqrt(R) if R > 1 else float("nan")
    return m, h, statistics.mean(shares), secs
one, drop = mc("one"), mc("drop")
f = json.load(open(f"{tmp}/full.json"))["attacks"][0]["figures"]
fm, (lo, hi) = f["price_move"]["mean"], f["price_move"]["ci95"]
m, h = drop[0], drop[1]
overlap = "yes" if (m - h) <= hi and lo <= (m + h) else "**no**"
ci = lambda x: f"{100*x[0]:+.2f} % [{100*(x[0]-x[1]):+.2f}, {100*(x[0]+x[1]):+.2f}]"
print(f"| {w} | {b} | {drop[2]:.3f} / {f['coalition_share']['mean']:.3f} | {ci(one)} | {ci(drop)} "
      f"| {100*fm:+.2f} % [{100*lo:+.2f}, {100*hi:+.2f}] | {overlap} | {one[3] + drop[3]:.2f} / {mc_time:.1f} | {full_time:.1f} |")
PY
  done
done
