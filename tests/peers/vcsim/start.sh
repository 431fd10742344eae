#!/usr/bin/env bash
# Starts the two VMware sources of the user's document in the background, for the end-to-end tests:
# "esxi01" (standalone ESXi, fixture seed-esxi01) and "vcenter01" (vCenter, fixture seed-vcenter01).
#
# - Builds the launcher first (build.sh; fast when up to date).
# - Each simulator listens on a free loopback port; its SDK URL, certificate and SHA-256 fingerprint go to
#   tests/peers/vcsim/.state/, and .state/env holds the export lines (source it). They are printed too.
# - Idempotent: simulators that still run from an earlier start are kept.
# - Stop with stop.sh (SIGTERM; the simulators remove their datastore folders).
#
# Environment: MM_TEST_VCSIM_USERNAME / MM_TEST_VCSIM_PASSWORD (credentials both simulators accept,
# default administrator@vsphere.local / mm-test-secret), MM_TEST_VCSIM_EXTRAS=1 (add the VMs a sync must
# ignore, custom attributes and tags).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${here}/.state"
binary="${here}/vcsim"
username="${MM_TEST_VCSIM_USERNAME:-administrator@vsphere.local}"
password="${MM_TEST_VCSIM_PASSWORD:-mm-test-secret}"

log() { printf 'vcsim-peer: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

"${here}/build.sh"
mkdir -p "${state}"
chmod 700 "${state}"

# running NAME: true when the simulator started for NAME is still alive.
running() {
  local pid
  [[ -s "${state}/$1.pid" ]] || return 1
  pid="$(cat "${state}/$1.pid")"
  [[ -r "/proc/${pid}/cmdline" ]] && tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -q "${binary}"
}

# start NAME ARGS...: starts a simulator and waits for its SDK URL on stdout.
start() {
  local name="$1" pid url
  shift
  if running "${name}"; then
    log "${name} already running (PID $(cat "${state}/${name}.pid"))"
    return
  fi
  rm -f "${state}/${name}.url" "${state}/${name}.crt"
  local extras=()
  [[ "${MM_TEST_VCSIM_EXTRAS:-0}" == 1 ]] && extras=(-extras)
  setsid nohup "${binary}" -l 127.0.0.1:0 -username "${username}" -password "${password}" \
    -cert-out "${state}/${name}.crt" "${extras[@]}" "$@" \
    >"${state}/${name}.url" 2>"${state}/${name}.log" </dev/null &
  pid=$!
  echo "${pid}" >"${state}/${name}.pid"
  for _ in $(seq 1 300); do
    if [[ -s "${state}/${name}.url" && -s "${state}/${name}.crt" ]]; then
      break
    fi
    if [[ ! -d "/proc/${pid}" ]]; then
      tail -20 "${state}/${name}.log" >&2 || true
      rm -f "${state}/${name}.pid"
      die "${name} exited during startup"
    fi
    sleep 0.1
  done
  url="$(head -1 "${state}/${name}.url")"
  [[ -n "${url}" ]] || die "${name} printed no SDK URL within 30 s (log: ${state}/${name}.log)"
  log "${name}: ${url} (PID ${pid})"
}

fingerprint() {
  openssl x509 -in "$1" -outform der | sha256sum | cut -d' ' -f1
}

start esxi01 -esx -fixture seed-esxi01
start vcenter01 -fixture seed-vcenter01

cat >"${state}/env.tmp" <<EOF
export MM_TEST_VCSIM_BIN=${binary}
export MM_TEST_VCSIM_USERNAME=${username}
export MM_TEST_VCSIM_PASSWORD=${password}
export MM_TEST_VCSIM_ESXI_URL=$(head -1 "${state}/esxi01.url")
export MM_TEST_VCSIM_ESXI_CERT=${state}/esxi01.crt
export MM_TEST_VCSIM_ESXI_FINGERPRINT=$(fingerprint "${state}/esxi01.crt")
export MM_TEST_VCSIM_VCENTER_URL=$(head -1 "${state}/vcenter01.url")
export MM_TEST_VCSIM_VCENTER_CERT=${state}/vcenter01.crt
export MM_TEST_VCSIM_VCENTER_FINGERPRINT=$(fingerprint "${state}/vcenter01.crt")
EOF
mv "${state}/env.tmp" "${state}/env"
cat "${state}/env"
