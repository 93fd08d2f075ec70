#!/bin/bash
# `make slurm-check`: a single-node Slurm cluster in a temporary folder, a 4-task array sweep and its
# dependent merge submitted through deploy/slurm/submit.sh, and the merged file compared with the same
# sweep run locally (h5diff --exclude-path /provenance). Then (unless SLURM_CHECK_RESUBMIT=0) the
# resubmission case: one array task killed mid-run with scancel, resubmitted alone (submit.sh --array),
# merged again and compared again. Stops exactly the daemons it started (by their pid files) and removes
# its folder, also on failure. Needs root (apt, munged, slurmd). docs/slurm.md.
#
#   deploy/slurm/check.sh [path/to/gctsim]      (default .build/release/gctsim, built if missing)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$(pwd)
bin=${1:-.build/release/gctsim}
started_at=$(date +%s)
say() { printf '[slurm-check %3ds] %s\n' $(($(date +%s) - started_at)) "$*"; }
fail() { say "FAIL: $*"; exit 1; }

if [ "$(id -u)" != 0 ]; then fail "needs root (apt-get, munged, slurmctld, slurmd)"; fi
missing=""
for p in slurmctld slurmd slurm-client munge hdf5-tools; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  say "installing$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || fail "apt-get install$missing failed"
fi
if [ ! -x "$bin" ]; then say "building $bin"; swift build -c release --product gctsim || fail "release build failed"; fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

tmp=$(mktemp -d /tmp/gctsim-slurm-check.XXXXXX)
chmod 755 "$tmp"
conf=$tmp/slurm.conf
export SLURM_CONF=$conf
started_munged=no
jobs_submitted=()

show_logs() {
  for f in "$tmp"/log/*.log "$tmp"/out/slurm-logs/* "$tmp"/resubmit/slurm-logs/*; do
    [ -f "$f" ] || continue
    echo "---- $f (last 25 lines)"; tail -n 25 "$f"
  done
}
stop_pidfile() { # stops the daemon of pid file $1 and waits for it (at most 10 s)
  local f=$1 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f" 2>/dev/null) || return 0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  trap '' PIPE
  if [ ${#jobs_submitted[@]} -gt 0 ] && [ -f "$tmp/slurmctld.pid" ]; then
    scancel "${jobs_submitted[@]}" 2>/dev/null
    for _ in $(seq 30); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  stop_pidfile "$tmp/slurmd.pid"
  stop_pidfile "$tmp/slurmctld.pid"
  [ "$started_munged" = yes ] && stop_pidfile "$tmp/munged.pid"
  [ $rc -ne 0 ] && show_logs
  rm -rf "$tmp"
  say "stopped the daemons it started, removed $tmp; $([ $rc -eq 0 ] && echo PASS || echo "FAIL (exit $rc)")"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- munge: the key, /run/munge, munged (reused when one already serves the default socket) ---
mkdir -p "$tmp"/{log,state,spool,out,resubmit,local}
[ -f /etc/munge/munge.key ] || { mkdir -p /etc/munge && (mungekey --create 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none) && chmod 600 /etc/munge/munge.key; } || fail "cannot create /etc/munge/munge.key"
mkdir -p -m 755 /run/munge
if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "munged: already running on /run/munge/munge.socket.2 (reused, not stopped)"
else
  munged --force --pid-file="$tmp/munged.pid" --log-file="$tmp/log/munged.log" --seed-file="$tmp/munged.seed" \
    || fail "munged did not start: $(tail -n 5 "$tmp/log/munged.log" 2>/dev/null)"
  started_munged=yes
  say "munged: started (pid $(cat "$tmp/munged.pid"))"
fi

# --- slurm.conf of one node: this host, its CPUs; everything in $tmp ---
host=$(hostname -s)
cpus=$(nproc)
cat > "$conf" <<CONF
ClusterName=gctsimcheck
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
KillWait=5
MinJobAge=600
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
say "slurm.conf: $conf (node $host, $cpus CPUs)"
if scontrol ping 2>/dev/null | grep -q UP; then fail "a slurmctld already answers on port 16817 (another check running?); stop it first"; fi
slurmctld -f "$conf" -i || fail "slurmctld did not start: $(tail -n 20 "$tmp/log/slurmctld.log" 2>/dev/null)"
slurmd -f "$conf" -N "$host" || fail "slurmd did not start: $(tail -n 20 "$tmp/log/slurmd.log" 2>/dev/null)"
for _ in $(seq 60); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "${state:-}" = idle ] || fail "the node did not become idle within 30 s (state '${state:-none}'); slurmctld/slurmd logs follow"
for d in slurmctld slurmd; do
  kill -0 "$(cat "$tmp/$d.pid" 2>/dev/null)" 2>/dev/null || fail "$d is not running (no live pid in $tmp/$d.pid); its log follows"
done
say "slurmctld (pid $(cat "$tmp/slurmctld.pid")) and slurmd (pid $(cat "$tmp/slurmd.pid")) up; node $host: idle"

# --- the sweep: 2 vars × 2 values × 3 replications = 12 runs, 4 shards of 3 runs ---
sweep_args=(scenarios/ci/smoke.yaml --set duration=7d --var providers.servers=3,4 --var economy.burn_rate=0.005,0.01 --replications 3)

# Waits until none of the jobs $@ is pending or running (at most $timeout s).
wait_jobs() {
  local deadline=$(($(date +%s) + timeout)) left
  while :; do
    left=$(squeue -h -j "$(IFS=,; echo "$*")" -o %i 2>/dev/null | wc -l)
    [ "$left" -eq 0 ] && return 0
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 1
  done
}
# Prints the state of every task of array job $1 and returns 1 unless all completed.
array_states() {
  scontrol -o show job "$1" | sed -n 's/.*JobId=\([0-9]*\) ArrayJobId=\([0-9]*\) ArrayTaskId=\([0-9,-]*\) .*JobState=\([A-Z_]*\) .*ExitCode=\([0-9:]*\).*/\2_\3 \4 exit=\5/p' \
    | sort -t_ -k2n | while read -r id st ex; do say "  task $id: $st $ex"; done
  ! scontrol -o show job "$1" | grep -v "JobState=COMPLETED" | grep -q .
}
job_state() { scontrol -o show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*Reason=\([^ ]*\).*ExitCode=\([0-9:]*\).*/\1 (reason \2, exit=\3)/p'; }

say "local sweep: $bin sweep ${sweep_args[*]} --threads 1 --output $tmp/local/sweep.h5"
"$bin" sweep "${sweep_args[@]}" --threads 1 --output "$tmp/local/sweep.h5" --summary csv >"$tmp/local/summary.csv" 2>"$tmp/log/local.log" &
local_pid=$!

say "submit: deploy/slurm/submit.sh --shards 4 ${sweep_args[*]} --output $tmp/out/sweep.h5"
GCTSIM=$bin deploy/slurm/submit.sh --shards 4 "${sweep_args[@]}" --output "$tmp/out/sweep.h5" >"$tmp/submit.out" 2>&1 || { cat "$tmp/submit.out"; fail "submit.sh failed"; }
sed 's/^/    /' "$tmp/submit.out"
array=$(sed -n 's/^array=//p' "$tmp/submit.out"); merge=$(sed -n 's/^merge=//p' "$tmp/submit.out")
[ -n "$array" ] && [ -n "$merge" ] || fail "submit.sh printed no job IDs"
jobs_submitted+=("$array" "$merge")
say "array job $array, merge job $merge (dependency afterok:$array): waiting (at most 150 s)"
timeout=150 wait_jobs "$array" "$merge" || fail "jobs still queued after 150 s: $(squeue -h -o '%i %T %r')"
array_states "$array" || fail "not every array task completed"
say "merge job $merge: $(job_state "$merge")"
job_state "$merge" | grep -q '^COMPLETED' || fail "the merge job did not complete"
wait "$local_pid" || { cat "$tmp/log/local.log"; fail "the local sweep failed"; }
say "local sweep: $(tail -n 1 "$tmp/log/local.log")"
ls "$tmp/out" | sed 's/^/    /'
if h5diff --exclude-path /provenance "$tmp/local/sweep.h5" "$tmp/out/sweep.h5"; then
  say "h5diff --exclude-path /provenance local/sweep.h5 out/sweep.h5: exit 0"
  say "merged sweep identical to the local sweep"
else
  h5diff -r --exclude-path /provenance "$tmp/local/sweep.h5" "$tmp/out/sweep.h5" | head -n 30
  fail "the merged sweep differs from the local sweep"
fi

[ "${SLURM_CHECK_RESUBMIT:-1}" = 1 ] || exit 0

# --- a task killed mid-run, resubmitted alone, merged again ---
out=$tmp/resubmit/sweep.h5
partial=$tmp/resubmit/sweep.shard-2-of-4.h5.partial
say "resubmit case: submit.sh --shards 4 … --output $out; scancel of task 2 once its partial file holds a run"
GCTSIM=$bin deploy/slurm/submit.sh --shards 4 "${sweep_args[@]}" --output "$out" >"$tmp/submit2.out" 2>&1 || { cat "$tmp/submit2.out"; fail "submit.sh failed"; }
array=$(sed -n 's/^array=//p' "$tmp/submit2.out"); merge=$(sed -n 's/^merge=//p' "$tmp/submit2.out")
jobs_submitted+=("$array" "$merge")
say "array job $array, merge job $merge"
rows=0
for _ in $(seq 120); do
  rows=$(HDF5_USE_FILE_LOCKING=FALSE h5ls "$partial/sweep" 2>/dev/null | sed -n 's/.*{\([0-9]*\)\/.*/\1/p')
  [ "${rows:-0}" -ge 1 ] && break
  sleep 0.5
done
[ "${rows:-0}" -ge 1 ] || fail "task 2 wrote no run to $partial within 60 s"
scancel "${array}_2"
say "scancel ${array}_2 (its partial file held ${rows} of 3 runs)"
timeout=120 wait_jobs "$array" || fail "array $array still queued after 120 s"
array_states "$array" && fail "task 2 completed although it was cancelled (runs too short to kill mid-run)"
[ -f "$tmp/resubmit/sweep.shard-2-of-4.h5" ] && fail "the cancelled task left a complete shard file"
say "after scancel: $(ls "$tmp/resubmit" | grep shard- | tr '\n' ' ')"
say "merge job $merge: $(job_state "$merge")"
scancel "$merge"
say "scancel $merge (its dependency can never be satisfied); resubmit: submit.sh --shards 4 --array 2 …"
GCTSIM=$bin deploy/slurm/submit.sh --shards 4 --array 2 "${sweep_args[@]}" --output "$out" >"$tmp/submit3.out" 2>&1 || { cat "$tmp/submit3.out"; fail "submit.sh --array 2 failed"; }
sed 's/^/    /' "$tmp/submit3.out"
array=$(sed -n 's/^array=//p' "$tmp/submit3.out"); merge=$(sed -n 's/^merge=//p' "$tmp/submit3.out")
jobs_submitted+=("$array" "$merge")
timeout=120 wait_jobs "$array" "$merge" || fail "jobs still queued after 120 s"
array_states "$array" || fail "the resubmitted task did not complete"
say "  $(grep -h 'sweep ci-smoke' "$tmp"/resubmit/slurm-logs/sweep-"${array}"_2.out)"
say "merge job $merge: $(job_state "$merge")"
job_state "$merge" | grep -q '^COMPLETED' || fail "the merge job did not complete"
if h5diff --exclude-path /provenance "$tmp/local/sweep.h5" "$out"; then
  say "h5diff --exclude-path /provenance local/sweep.h5 resubmit/sweep.h5: exit 0"
  say "merged sweep (task 2 killed and resubmitted) identical to the local sweep"
else
  h5diff -r --exclude-path /provenance "$tmp/local/sweep.h5" "$out" | head -n 30
  fail "the merged sweep after the resubmission differs from the local sweep"
fi
