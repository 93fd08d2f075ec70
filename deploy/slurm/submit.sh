#!/bin/bash
# Submits a sweep to Slurm: a job array (deploy/slurm/sweep.sbatch, one task per shard) and its merge
# (deploy/slurm/merge.sbatch, --dependency=afterok on the array); prints both job IDs. docs/slurm.md.
#
#   deploy/slurm/submit.sh [--shards N] [--array IDS] [--time T] [--cpus-per-task C] [--sbatch ARG]…
#                          SCENARIO SWEEP-ARGS… --output DIR/sweep.h5
#
#   --shards N         tasks (shards) of the sweep; default: the suggestion of `gctsim sweep … --plan`
#   --array IDS        submit only these task IDs of 1…N (resubmit failed ones: --array 2,5); default 1-N
#   --time T, --cpus-per-task C, --sbatch ARG   passed to both sbatch calls (--sbatch is repeatable,
#                      e.g. --sbatch --partition=short --sbatch --account=proj)
# The last lines printed are `array=<job ID>` and `merge=<job ID>`. Logs: DIR/slurm-logs/.
# The binary: $GCTSIM, else gctsim on PATH, else .build/release/gctsim of this repository.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "submit.sh: $*" >&2; exit 2; }
shards="" ids="" extra=() time_arg=() cpus_arg=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards=${2:?--shards needs N}; shift 2 ;;
    --array) ids=${2:?--array needs IDs}; shift 2 ;;
    --time) time_arg=(--time="${2:?--time needs a time}"); shift 2 ;;
    --cpus-per-task) cpus_arg=(--cpus-per-task="${2:?--cpus-per-task needs C}"); shift 2 ;;
    --sbatch) extra+=("${2:?--sbatch needs an argument}"); shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || die "usage: submit.sh [--shards N] [--array IDS] … SCENARIO SWEEP-ARGS… --output DIR/sweep.h5"
output=""
prev=""
for a in "$@"; do
  case "$a" in
    --shard|--shard=*) die "give --shards N (and --array IDS) instead of --shard: every task takes its shard from the array" ;;
    --output=*) output=${a#--output=} ;;
  esac
  [ "$prev" = --output ] && output=$a
  prev=$a
done
[ -n "$output" ] || die "the sweep needs --output DIR/sweep.h5 (on a file system every node shares)"
if [ -z "${GCTSIM:-}" ]; then
  if command -v gctsim >/dev/null; then GCTSIM=$(command -v gctsim)
  elif [ -x "$here/../../.build/release/gctsim" ]; then GCTSIM=$(cd "$here/../../.build/release" && pwd)/gctsim
  else die "no gctsim: set GCTSIM=/path/to/gctsim or put it on PATH"; fi
fi
case "$GCTSIM" in /*) ;; *) GCTSIM=$(cd "$(dirname "$GCTSIM")" && pwd)/$(basename "$GCTSIM") ;; esac
export GCTSIM
command -v sbatch >/dev/null || die "sbatch not found: run this on a Slurm login node (module load slurm?)"
if [ -z "$shards" ]; then
  plan_threads=()
  [ ${#cpus_arg[@]} -gt 0 ] && plan_threads=(--threads "${cpus_arg[0]#--cpus-per-task=}")
  shards=$("$GCTSIM" sweep "$@" "${plan_threads[@]}" --plan | sed -n 's/.*suggested shards: \([0-9]*\).*/\1/p')
  [ -n "$shards" ] || die "could not get a shard count from gctsim sweep --plan; give --shards N"
  echo "submit.sh: $shards shards (gctsim sweep --plan)" >&2
fi
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "--shards needs a positive number, got '$shards'"
ids=${ids:-1-$shards}
logs=$(dirname "$output")/slurm-logs
mkdir -p "$logs"
array=$(sbatch --parsable --array="$ids" "${time_arg[@]}" "${cpus_arg[@]}" "${extra[@]}" \
  --output="$logs/sweep-%A_%a.out" "$here/sweep.sbatch" "$@" --shard "auto:1-$shards")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" "${time_arg[@]}" "${extra[@]}" \
  --output="$logs/merge-%j.out" "$here/merge.sbatch" "$output" "$shards")
merge=${merge%%;*}
echo "submitted: array job $array (tasks $ids of 1-$shards) → $(dirname "$output"); merge job $merge after ok of $array → $output"
echo "array=$array"
echo "merge=$merge"
