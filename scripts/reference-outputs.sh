#!/usr/bin/env bash
# Runs every shipped scenario with a gctsim binary and writes its JSON summary (no wall-clock fields)
# and HDF5 trajectory to OUTDIR, for bit-identity checks of refactorings:
#   scripts/reference-outputs.sh OLD_BINARY /tmp/ref-old; scripts/reference-outputs.sh NEW_BINARY /tmp/ref-new
#   scripts/reference-outputs.sh --compare /tmp/ref-old /tmp/ref-new
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--compare" ]; then
  a=$2; b=$3; status=0
  for f in "$a"/*.json; do
    n=$(basename "$f" .json)
    if cmp -s "$f" "$b/$n.json"; then echo "same summary: $n"; else echo "DIFFERENT summary: $n"; { diff "$f" "$b/$n.json" | head -20 || true; }; status=1; fi
    if [ -f "$a/$n.h5" ]; then
      if h5diff --exclude-path /provenance "$a/$n.h5" "$b/$n.h5" >/dev/null 2>&1; then echo "same trajectory: $n"
      else echo "DIFFERENT trajectory: $n"; { h5diff --exclude-path /provenance "$a/$n.h5" "$b/$n.h5" | head -20 || true; }; status=1; fi
    fi
  done
  exit $status
fi
G=$(realpath "$1"); out=$2; mkdir -p "$out"
short_baseline=(--set days=20 --set governance.proposals.0.at=3d --set governance.proposals.0.voting_period=2d)
run() { # name scenario args...
  local n=$1 s=$2; shift 2
  "$G" run "$s" "$@" --no-wall-clock --summary-json "$out/$n.json" --output "$out/$n.h5" --force >/dev/null 2>"$out/$n.err" || { echo "failed: $n"; cat "$out/$n.err"; return 1; }
  echo "ran $n"
}
for s in scenarios/*.yaml scenarios/ci/*.yaml; do
  n=$(echo "${s#scenarios/}" | tr / - ); n=${n%.yaml}
  if [ "$n" = baseline ]; then run baseline-20d "$s" "${short_baseline[@]}"; else run "$n" "$s"; fi
done
