#!/usr/bin/env bash
# Stops the Incus daemon, but only when tests/peers/incus/start.sh started it (its PID file says so).
# A daemon that was already running before start.sh stays untouched. Instances, pools and fixtures persist
# in /var/lib/incus, so the next start.sh is fast.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${here}/.state"
pid_file="${state}/incusd.pid"

log() { printf 'incus-peer: %s\n' "$*" >&2; }

if [[ ! -s "${pid_file}" ]]; then
  log "incusd was not started by start.sh; leaving it alone"
  exit 0
fi
pid="$(cat "${pid_file}")"
if [[ ! -r "/proc/${pid}/cmdline" || "$(tr '\0' ' ' <"/proc/${pid}/cmdline")" != *incusd* ]]; then
  log "incusd (PID ${pid}) is no longer running"
  rm -f "${pid_file}"
  exit 0
fi

log "shutting down incusd (PID ${pid})"
timeout 90 incus admin shutdown --timeout 60 >/dev/null 2>&1 || true
for _ in $(seq 1 100); do
  [[ -d "/proc/${pid}" ]] || break
  sleep 0.1
done
if [[ -d "/proc/${pid}" ]]; then
  log "incusd (PID ${pid}) still running after shutdown; sending SIGTERM"
  kill "${pid}" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [[ -d "/proc/${pid}" ]] || break
    sleep 0.1
  done
fi
rm -f "${pid_file}"
if [[ -f "${state}/env" ]]; then
  sed -i 's/^export MM_TEST_INCUS_STARTED_BY_SCRIPT=.*/export MM_TEST_INCUS_STARTED_BY_SCRIPT=0/' "${state}/env"
fi
log "incusd stopped"
