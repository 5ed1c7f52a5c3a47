#!/usr/bin/env bash
# experiments/slurm/prove_slurm.sh: proves experiments/sweep's Slurm backend end to end on a
# single-node Slurm running on localhost.
#
#   1. installs slurm-wlm and munge with apt-get (if missing);
#   2. starts munged (unless one already answers) and checks a credential round trip;
#   3. writes a minimal slurm.conf (NodeName=localhost, sized by `slurmd -C`) into a work
#      directory and starts slurmctld and slurmd with it (the system's /etc/slurm is not
#      touched; clients find the file through SLURM_CONF);
#   4. submits a tiny sweep with `experiments/sweep --backend=slurm --submit` (the fake
#      engine, plus node when installed): a job array with one task per cell and a gather
#      job that depends on it;
#   5. waits for both jobs, then checks the results layout (every cell ran as a Slurm task,
#      raw.csv, summary.csv, env.json, table.tex, figures, README.md);
#   6. stops the daemons it started (by their pid files) on every exit path.
#
# Needs root (packages, daemons). Exit status 0 when the layout checks pass.
#   STRATA_SLURM_WORK=DIR   work directory (default: a new /tmp/strata-slurm.XXXXXX)
#   STRATA_SLURM_TIMEOUT=S  seconds to wait for the jobs (default 600)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sweep="$repo/experiments/sweep"
work=${STRATA_SLURM_WORK:-$(mktemp -d /tmp/strata-slurm.XXXXXX)}
timeout=${STRATA_SLURM_TIMEOUT:-600}
mkdir -p "$work"

log() { echo "prove_slurm: $*" >&2; }
die() { log "FAILED: $*"; exit 1; }

if [ "$(id -u)" != 0 ]; then
  log "must run as root (it installs packages and starts slurmctld, slurmd and munged)"
  exit 2
fi

# ---- 1. packages ------------------------------------------------------------------------
need=()
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
log "slurm $(slurmd -V 2>/dev/null | awk '{print $2}'), munge $(munged -V 2>/dev/null | awk '{print $1}' | cut -d- -f2)"

# ---- cleanup: stop only what this script started ------------------------------------------
started_pidfiles=()
cleanup() {
  local rc=$?
  if [ -n "${SLURM_CONF:-}" ] && [ -f "$work/slurmctld.pid" ]; then
    scontrol shutdown >/dev/null 2>&1 || true
  fi
  for pf in "${started_pidfiles[@]}"; do
    if [ -f "$pf" ]; then
      pid=$(cat "$pf")
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        log "stopping pid $pid ($pf)"
        kill "$pid" 2>/dev/null || true
      fi
    fi
  done
  if [ $rc -ne 0 ]; then
    log "logs are in $work (slurmctld.log, slurmd.log, results/*/*/slurm/logs)"
  fi
}
trap cleanup EXIT

# ---- 2. munge ------------------------------------------------------------------------------
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  log "using the munged that is already running"
else
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
  started_pidfiles+=(/run/munge/munged.pid)
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
fi
munge -n | unmunge >/dev/null || die "munge credential round trip failed"
log "munge ok"

# ---- 3. slurm.conf and daemons ---------------------------------------------------------------
if pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null; then
  die "slurmctld or slurmd is already running; stop it first (this script starts its own)"
fi
hw=$(slurmd -C | head -1)
field() { echo "$hw" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
mkdir -p "$work/state" "$work/spool"
cat >"$work/slurm.conf" <<EOF
# Minimal single-node Slurm for experiments/slurm/prove_slurm.sh.
ClusterName=strata
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmdTimeout=60
NodeName=localhost CPUs=$(field CPUs) Boards=$(field Boards) SocketsPerBoard=$(field SocketsPerBoard) CoresPerSocket=$(field CoresPerSocket) ThreadsPerCore=$(field ThreadsPerCore) RealMemory=$(field RealMemory) State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
started_pidfiles+=("$work/slurmctld.pid")
slurmd -f "$SLURM_CONF" -N localhost
started_pidfiles+=("$work/slurmd.pid")
state=""
for _ in $(seq 120); do
  state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
  case "$state" in
    idle*|mixed*|allocated*) break ;;
    down*|drain*) scontrol update NodeName=localhost State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 0.5
done
case "$state" in idle*|mixed*|allocated*) ;; *) die "node localhost did not come up (state '$state')" ;; esac
log "slurmctld and slurmd up; node localhost is $state"

# ---- 4. a tiny sweep through Slurm -------------------------------------------------------------
py=/usr/bin/python3
fake="$repo/experiments/tests/fake_engine.py"
cfg="$work/prove.toml"
cat >"$cfg" <<EOF
name = "prove-slurm"
description = "Tiny sweep run through a single-node Slurm by experiments/slurm/prove_slurm.sh."
benchmarks = ["richards", "nbody"]
invocations = 2
iterations = 3
timeout = 120

[[engines]]
name = "fake"
command = ["$py", "$fake", "--stats={stats_file}", "--seed={invocation}", "--profile=warmup"]

[[engines]]
name = "fake-fast"
command = ["$py", "$fake", "--stats={stats_file}", "--seed={invocation}", "--speed=2"]
EOF
if command -v node >/dev/null; then
  printf '\n[[engines]]\nname = "node"\ncommand = ["%s"]\n' "$(command -v node)" >>"$cfg"
fi
printf '\n[slurm]\ntime = "00:10:00"\n\n[analysis]\nbootstrap = 2000\n' >>"$cfg"
out=$("$sweep" --config "$cfg" --backend=slurm --submit --results-root "$work/results" --fresh)
echo "$out" | sed 's/^/  /' >&2
dir=$(dirname "$(echo "$out" | tail -1)")
array=$(cat "$dir/slurm/array.jobid")
gather=$(cat "$dir/slurm/gather.jobid")
ncells=$($py -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["cells"]))' "$dir/plan.json")
log "submitted array job $array ($ncells tasks) and gather job $gather"

# ---- 5. wait and check -------------------------------------------------------------------------
t0=$(date +%s)
while [ -n "$(squeue -h -j "$array,$gather" 2>/dev/null)" ]; do
  now=$(date +%s)
  [ $((now - t0)) -lt "$timeout" ] || die "jobs still queued after ${timeout}s: $(squeue -h -j "$array,$gather" | head -3)"
  done_cells=$(find "$dir/cells" -name '*.json' ! -name '*.stats.json' | wc -l)
  log "waiting: $done_cells/$ncells cells done ($((now - t0))s)"
  sleep 2
done
log "jobs finished after $(( $(date +%s) - t0 ))s"

$py - "$dir" "$ncells" <<'EOF'
import csv, json, os, sys
d, n = sys.argv[1], int(sys.argv[2])
problems = []
cells = [f for f in os.listdir(os.path.join(d, "cells")) if f.endswith(".json") and not f.endswith(".stats.json")]
if len(cells) != n:
    problems.append(f"{len(cells)} cell records, expected {n}")
logs = os.listdir(os.path.join(d, "slurm", "logs"))
if sum(1 for f in logs if f.startswith("cell-")) != n:
    problems.append(f"expected {n} array task logs, found {sorted(logs)}")
for f in cells:
    rec = json.load(open(os.path.join(d, "cells", f)))
    if rec["status"] != "ok":
        problems.append(f"cell {rec['id']} failed: {rec['reason']}")
for f in ("plan.json", "env.json", "raw.csv", "summary.csv", "table.tex", "README.md",
          "bars.png", "bars.pdf", "warmup.png", "warmup.pdf", "compile.png", "compile.pdf"):
    if not os.path.isfile(os.path.join(d, f)) or os.path.getsize(os.path.join(d, f)) == 0:
        problems.append(f"missing {f}")
if not problems:
    rows = list(csv.DictReader(open(os.path.join(d, "raw.csv"))))
    plan = json.load(open(os.path.join(d, "plan.json")))
    if len(rows) != n * plan["iterations"]:
        problems.append(f"raw.csv has {len(rows)} rows, expected {n * plan['iterations']}")
    summary = list(csv.DictReader(open(os.path.join(d, "summary.csv"))))
    if any(s["status"] != "ok" for s in summary):
        problems.append("summary has rows that are not ok")
    gather_log = open(os.path.join(d, "slurm", "logs", "gather.log")).read().strip().splitlines()
    if not gather_log or not gather_log[-1].endswith("README.md"):
        problems.append("the gather job's log does not end with the README path")
    if "](bars.png)" not in open(os.path.join(d, "README.md")).read():
        problems.append("README does not show the figures")
for p in problems:
    print("prove_slurm: check failed:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
log "OK: the Slurm backend ran $ncells cells as array tasks and gathered them into $dir"
echo "$dir/README.md"
