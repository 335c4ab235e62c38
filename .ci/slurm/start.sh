#!/usr/bin/env bash
# Starts a real one-node Slurm cluster on this machine, for the tests tagged "slurm" (.ci/run).
# Installs Debian's slurmctld, slurmd, slurm-client and munge if missing, starts munged (as the
# munge user), slurmctld and slurmd (as root: a container has no systemd and no cgroups), and waits
# until sinfo shows the node idle. Writes /etc/slurm/slurm.conf (marked as ours; refuses to replace
# a slurm.conf it did not write). State, logs and the PIDs that .ci/slurm/stop.sh stops live in
# $MARKETSIM_SLURM_DIR (default /var/tmp/marketsim-slurm). Run twice, it leaves a healthy cluster
# alone and replaces an unhealthy one. Exits non-zero, after printing the logs, on failure.
set -euo pipefail

dir="${MARKETSIM_SLURM_DIR:-/var/tmp/marketsim-slurm}"
conf=/etc/slurm/slurm.conf
marker="# written by marketsim .ci/slurm/start.sh"
pids="$dir/pids"
wait_secs="${MARKETSIM_SLURM_WAIT:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
t0=$SECONDS

say() { echo "slurm: $*" >&2; }

show_logs() {
  for f in "$dir"/log/slurmctld.log "$dir"/log/slurmd.log /var/log/munge/munged.log; do
    [ -f "$f" ] || continue
    echo "----- $f (last 40 lines)" >&2
    tail -n 40 "$f" >&2
  done
  sinfo -N -l >&2 2>&1 || true
}

fail() {
  say "FAILED: $*"
  show_logs
  exit 1
}

# Alive and not a zombie (a daemon that died may linger as one where nothing reaps it).
alive() {
  local stat
  stat="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [ -n "$stat" ] && [ "${stat#Z}" = "$stat" ]
}

node_idle() {
  local state
  state="$(sinfo -h -N -n "$node" -o %T 2>/dev/null | head -n 1)" || return 1
  [ "$state" = idle ] || [ "$state" = mixed ] || [ "$state" = allocated ]
}

if [ "$(id -u)" != 0 ]; then
  say "must run as root (installs packages, starts daemons)"
  exit 1
fi

# --- packages
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
  say "installing slurmctld slurmd slurm-client munge"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      slurmctld slurmd slurm-client munge) >"${TMPDIR:-/tmp}/marketsim-slurm-apt.log" 2>&1 \
    || { cat "${TMPDIR:-/tmp}/marketsim-slurm-apt.log" >&2; fail "could not install the Slurm packages"; }
fi

node="$(hostname -s)"
mkdir -p "$dir"

# --- already running? (a second run leaves a healthy cluster alone)
if [ -f "$pids" ] && [ -f "$conf" ] && grep -qF "$marker" "$conf"; then
  alive=1
  while read -r name pid; do
    [ -n "$pid" ] && alive "$pid" || alive=0
  done <"$pids"
  if [ "$alive" = 1 ] && node_idle; then
    say "already running ($(tr '\n' ' ' <"$pids"))"
    exit 0
  fi
  say "a previous cluster is not healthy; restarting it"
  bash "$here/stop.sh" || true
fi
: >"$pids"

# --- munge: key, directories, daemon
if [ ! -s /etc/munge/munge.key ]; then
  say "creating a munge key"
  mkdir -p /etc/munge
  if command -v mungekey >/dev/null; then
    mungekey --create --keyfile=/etc/munge/munge.key --force
  else
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  fi
fi
chown munge:munge /etc/munge /etc/munge/munge.key
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/log/munge
install -d -o munge -g munge -m 0711 /var/lib/munge

if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "munged is already running (not started here, so stop.sh leaves it)"
else
  rm -f /run/munge/munged.pid
  setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged \
    || fail "munged did not start"
  for _ in $(seq 50); do
    [ -s /run/munge/munged.pid ] && munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break
    sleep 0.2
  done
  munge -n | unmunge >/dev/null || fail "munge does not answer"
  echo "munged $(cat /run/munge/munged.pid)" >>"$pids"
fi

# --- slurm.conf
if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
  fail "$conf exists and was not written by this script; not replacing it"
fi
# CPUs and memory as slurmd detects them (falls back to nproc and free -m).
hw="$(slurmd -C 2>/dev/null | head -n 1 || true)"
cpus="$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$hw")"
mem="$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$hw")"
[ -n "$cpus" ] || cpus="$(nproc)"
[ -n "$mem" ] || mem="$(free -m | awk '/^Mem:/ {print $2}')"
mem=$((mem * 9 / 10)) # leave headroom: slurmd drains a node that reports less than configured

mkdir -p "$dir/ctld" "$dir/d" "$dir/log" /etc/slurm
: >"$dir/log/slurmctld.log"
: >"$dir/log/slurmd.log"
cat >"$conf" <<EOF
$marker: a one-node test cluster
ClusterName=marketsim
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/d
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SlurmctldPort=6817
SlurmdPort=6818
MaxArraySize=10001
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

# --- daemons (they fork and write their PID files; -c starts with no jobs left from before)
rm -f "$dir/slurmctld.pid" "$dir/slurmd.pid"
slurmctld -c || fail "slurmctld did not start"
for _ in $(seq 50); do [ -s "$dir/slurmctld.pid" ] && break; sleep 0.2; done
[ -s "$dir/slurmctld.pid" ] || fail "slurmctld wrote no PID file"
echo "slurmctld $(cat "$dir/slurmctld.pid")" >>"$pids"

slurmd || fail "slurmd did not start"
for _ in $(seq 50); do [ -s "$dir/slurmd.pid" ] && break; sleep 0.2; done
[ -s "$dir/slurmd.pid" ] || fail "slurmd wrote no PID file"
echo "slurmd $(cat "$dir/slurmd.pid")" >>"$pids"

# --- wait for the node
deadline=$((SECONDS + wait_secs))
while true; do
  while read -r name pid; do
    alive "$pid" || fail "$name (pid $pid) exited"
  done <"$pids"
  node_idle && break
  [ $SECONDS -lt $deadline ] || fail "node $node not idle after ${wait_secs}s"
  sleep 1
done
say "node $node idle ($cpus CPUs, ${mem} MB) after $((SECONDS - t0))s; PIDs: $(tr '\n' ' ' <"$pids")"
