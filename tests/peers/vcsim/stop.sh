#!/usr/bin/env bash
# Stops the simulators that tests/peers/vcsim/start.sh started (by the PIDs in .state/), with SIGTERM so that
# each removes its datastore folders.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${here}/.state"
binary="${here}/vcsim"

log() { printf 'vcsim-peer: %s\n' "$*" >&2; }

for name in esxi01 vcenter01; do
  pid_file="${state}/${name}.pid"
  [[ -s "${pid_file}" ]] || continue
  pid="$(cat "${pid_file}")"
  if [[ -r "/proc/${pid}/cmdline" ]] && tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -q "${binary}"; then
    kill -TERM "${pid}" 2>/dev/null || true
    for _ in $(seq 1 100); do
      [[ -d "/proc/${pid}" ]] || break
      sleep 0.1
    done
    if [[ -d "/proc/${pid}" ]]; then
      log "${name} (PID ${pid}) ignored SIGTERM for 10 s; killing it"
      kill -KILL "${pid}" 2>/dev/null || true
    fi
    log "${name} stopped"
  else
    log "${name} (PID ${pid}) was no longer running"
  fi
  rm -f "${pid_file}" "${state}/${name}.url"
done
rm -f "${state}/env"
