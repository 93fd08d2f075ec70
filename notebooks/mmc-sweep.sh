#!/usr/bin/env bash
# Runs scenarios/mmc-validation.yaml over several arrival rates (utilisation 0.5 to 0.95) and writes
# each run's JSON summary plus a manifest, sweep.json, that notebooks/queueing_validation.py reads.
#
# Usage: notebooks/mmc-sweep.sh GCTSIM OUTDIR [full|small]
#   full  (make notebooks): c = 8 servers, mean service 1 s, rho = 0.5 0.6 0.7 0.8 0.85 0.9 0.95,
#         the scenario's own horizon (200 000 s after a 2 000 s warm-up) and 10 replications.
#   small (make test): c = 4, rho = 0.5 0.75 0.9, 20 000 s, 5 replications (a few seconds).
#
# Manifest (format "gctsim-mmc-sweep", version 1):
#   {"format": "gctsim-mmc-sweep", "version": 1, "scenario": "scenarios/mmc-validation.yaml",
#    "runs": [{"arrival_rate": 4, "servers": 8, "mean_service_s": 1, "summary": "rho-0.50.json"}, ...]}
# Each summary is `gctsim run --summary-json --no-wall-clock` output (fixed seed: byte-stable).
set -euo pipefail
gctsim=${1:?usage: mmc-sweep.sh GCTSIM OUTDIR [full|small]}
out=${2:?usage: mmc-sweep.sh GCTSIM OUTDIR [full|small]}
size=${3:-full}
scenario=scenarios/mmc-validation.yaml
case "$size" in
  full)  servers=8; rhos="0.50 0.60 0.70 0.80 0.85 0.90 0.95"; extra=() ;;
  small) servers=4; rhos="0.50 0.75 0.90"; extra=(--set duration_s=20000 --set warmup_s=500 --set replications=5) ;;
  *) echo "mmc-sweep.sh: size must be full or small, not '$size'" >&2; exit 2 ;;
esac
mkdir -p "$out"
threads=$(nproc 2>/dev/null || echo 1)
runs=""
for rho in $rhos; do
  rate=$(awk -v r="$rho" -v c="$servers" 'BEGIN { printf "%.4g", r * c }')   # lambda = rho c mu, mu = 1/s
  file="rho-$rho.json"
  echo "mmc-sweep: rho = $rho (lambda = $rate/s, c = $servers) -> $out/$file"
  "$gctsim" run "$scenario" --set arrival_rate="$rate" --set servers="$servers" --set mean_service_s=1 \
    "${extra[@]}" --threads "$threads" --no-output --no-wall-clock --summary-json "$out/$file" >/dev/null 2>&1 \
    || { echo "mmc-sweep: gctsim run failed for rho = $rho" >&2; exit 1; }
  runs="$runs${runs:+,}
    {\"arrival_rate\": $rate, \"servers\": $servers, \"mean_service_s\": 1, \"summary\": \"$file\"}"
done
printf '{"format": "gctsim-mmc-sweep", "version": 1, "scenario": "%s", "size": "%s", "runs": [%s\n]}\n' \
  "$scenario" "$size" "$runs" > "$out/sweep.json"
echo "mmc-sweep: wrote $out/sweep.json"
