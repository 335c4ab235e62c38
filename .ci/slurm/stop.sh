#!/usr/bin/env bash
# Stops what .ci/slurm/start.sh started, by the PIDs it recorded (slurmd, then slurmctld, then
# munged if it was started there), and waits for each to exit (SIGKILL after 20 s).
set -uo pipefail

dir="${MARKETSIM_SLURM_DIR:-/var/tmp/marketsim-slurm}"
pids="$dir/pids"
[ -f "$pids" ] || { echo "slurm: nothing recorded in $pids; nothing to stop" >&2; exit 0; }

# Alive and not a zombie (a daemon that died may linger as one where nothing reaps it).
alive() {
  local stat
  stat="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [ -n "$stat" ] && [ "${stat#Z}" = "$stat" ]
}

stop_one() {
  local name="$1" pid="$2"
  alive "$pid" || return 0
  # The PID may have been reused since start.sh recorded it: stop it only if it is still that daemon.
  local comm
  comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
  if [ "$comm" != "$name" ]; then
    echo "slurm: pid $pid is '$comm', not $name; left alone" >&2
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    alive "$pid" || { echo "slurm: stopped $name ($pid)" >&2; return 0; }
    sleep 0.2
  done
  echo "slurm: $name ($pid) ignored SIGTERM for 20 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

for name in slurmd slurmctld munged; do
  while read -r n pid; do
    [ "$n" = "$name" ] && stop_one "$name" "$pid"
  done <"$pids"
done
rm -f "$pids"
