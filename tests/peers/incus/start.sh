#!/usr/bin/env bash
# Starts a local Incus daemon that the "incus" tests talk to over HTTPS.
#
# - Installs Incus from Debian bookworm-backports when incusd is missing (needs root and the Debian registry).
# - Starts incusd (no systemd needed) unless the daemon already answers; remembers whether it started it.
# - Applies a preseed once: HTTPS on 127.0.0.1:8443, bridge incusbr0 without addresses, dir pool "default",
#   default profile with root disk and eth0.
# - Creates the fixtures the contract tests expect: dir pool "pool02", project "project1", managed bridge
#   "incusbr1" (an address from a documentation range that no host route uses, else none), and a tiny
#   busybox container image "mm-busybox".
# - Generates a client certificate and trusts it.
# - Writes tests/peers/incus/.state/env (source it) and prints the same export lines.
#
# Idempotent: a second run only checks and takes about a second. Stop with stop.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${here}/.state"
https_address="127.0.0.1:8443"
incusd_bin=/usr/libexec/incus/incusd

log() { printf 'incus-peer: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "$(id -u)" == 0 ]] || die "must run as root (installs packages and starts incusd)"
mkdir -p "${state}"
chmod 700 "${state}"

installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

install_packages() {
  local missing=() pkg
  for pkg in incus busybox-static openssl; do
    installed "${pkg}" || missing+=("${pkg}")
  done
  if [[ -x "${incusd_bin}" && ${#missing[@]} -eq 0 ]]; then
    return
  fi
  log "installing ${missing[*]:-incus} (incus from bookworm-backports)"
  local main_sources=/etc/apt/sources.list.d/debian.sources
  local backports=/etc/apt/sources.list.d/backports.list
  if [[ ! -s "${backports}" ]]; then
    [[ -r "${main_sources}" ]] || die "${main_sources} not found; cannot derive the backports line"
    sed -n 's#^URIs: \(.*/debian\)$#deb \1 bookworm-backports main#p' "${main_sources}" | head -1 >"${backports}"
    [[ -s "${backports}" ]] || die "no .../debian URI in ${main_sources}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q -t bookworm-backports incus busybox-static openssl
  [[ -x "${incusd_bin}" ]] || die "incus installed but ${incusd_bin} is missing"
}

answering() {
  timeout 5 incus query /1.0 >/dev/null 2>&1
}

# The PID file exists only while a daemon started by this script runs.
pid_of_ours() {
  local pid
  [[ -s "${state}/incusd.pid" ]] || return 1
  pid="$(cat "${state}/incusd.pid")"
  [[ -r "/proc/${pid}/cmdline" && "$(tr '\0' ' ' <"/proc/${pid}/cmdline")" == *incusd* ]] || return 1
  echo "${pid}"
}

start_daemon() {
  if answering; then
    if pid_of_ours >/dev/null; then
      started_by_script=1
    else
      rm -f "${state}/incusd.pid"
      started_by_script=0
    fi
    return
  fi
  log "starting incusd (log: ${state}/incusd.log)"
  setsid nohup "${incusd_bin}" --group root >>"${state}/incusd.log" 2>&1 </dev/null &
  echo $! >"${state}/incusd.pid"
  started_by_script=1
  if ! incus admin waitready --timeout 60; then
    tail -20 "${state}/incusd.log" >&2 || true
    die "incusd did not become ready within 60 s"
  fi
}

apply_preseed() {
  if incus storage show default >/dev/null 2>&1; then
    return
  fi
  log "applying preseed"
  incus admin init --preseed <<EOF
config:
  core.https_address: ${https_address}
networks:
- name: incusbr0
  type: bridge
  config:
    ipv4.address: none
    ipv6.address: none
storage_pools:
- name: default
  driver: dir
profiles:
- name: default
  devices:
    root:
      type: disk
      path: /
      pool: default
    eth0:
      type: nic
      name: eth0
      network: incusbr0
EOF
}

# True when a host route or address mentions the /24 of the given address (e.g. the uplink is 192.0.2.2/24).
subnet_in_use() {
  local prefix="${1%.*}." known
  # Captured first: with pipefail, "ip ... | grep -q" fails when grep exits before ip finishes writing.
  known="$(ip -4 route show table all; ip -4 -o addr show)"
  grep -qE "(^|[ /])${prefix//./\\.}[0-9]+" <<<"${known}"
}

create_fixtures() {
  if [[ "$(incus config get core.https_address)" != "${https_address}" ]]; then
    incus config set core.https_address "${https_address}"
  fi
  incus storage show pool02 >/dev/null 2>&1 || incus storage create pool02 dir
  incus project show project1 >/dev/null 2>&1 || incus project create project1
  if ! incus network show incusbr1 >/dev/null 2>&1; then
    local chosen=none candidate
    # Documentation ranges (RFC 5737), never private ones; skip a range the host itself routes.
    for candidate in 192.0.2.1/24 198.51.100.1/24 203.0.113.1/24; do
      if subnet_in_use "${candidate%/*}"; then
        log "incusbr1: ${candidate} overlaps a host route or address; not using it"
        continue
      fi
      if incus network create incusbr1 ipv4.address="${candidate}" ipv4.nat=false ipv4.dhcp=false \
          ipv4.firewall=false ipv6.address=none >/dev/null 2>"${state}/incusbr1.err"; then
        chosen="${candidate}"
        break
      fi
      log "incusbr1: creating with ${candidate} failed: $(cat "${state}/incusbr1.err")"
      incus network delete incusbr1 >/dev/null 2>&1 || true
    done
    if [[ "${chosen}" == none ]]; then
      incus network create incusbr1 ipv4.address=none ipv6.address=none
    fi
    log "incusbr1: ipv4.address=${chosen}"
  fi
}

trust_client_certificate() {
  local crt="${state}/client.crt" key="${state}/client.key" fingerprint
  if [[ ! -s "${crt}" || ! -s "${key}" ]]; then
    log "generating the test client certificate"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:secp384r1 -nodes -sha384 -days 3650 \
      -subj "/CN=mm-tests" -keyout "${key}" -out "${crt}" 2>/dev/null
    chmod 600 "${key}"
  fi
  fingerprint="$(openssl x509 -in "${crt}" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d ':' |
    tr 'A-F' 'a-f')"
  if ! incus query "/1.0/certificates/${fingerprint}" >/dev/null 2>&1; then
    incus config trust add-certificate "${crt}" --name mm-tests
  fi
}

# A tiny container image (busybox-static; /sbin/init sleeps) for instance tests: real Incus here cannot run
# VMs (no vhost_vsock), but containers work.
ensure_test_image() {
  if incus image info mm-busybox >/dev/null 2>&1; then
    return
  fi
  log "building the mm-busybox test image"
  local dir="${state}/image" applet
  rm -rf "${dir}"
  mkdir -p "${dir}"/rootfs/{bin,sbin,etc,dev,proc,sys,tmp,root,run,var,mnt}
  cp /bin/busybox "${dir}/rootfs/bin/busybox"
  for applet in sh sleep true false echo cat ls head tail wc sync; do
    ln -s busybox "${dir}/rootfs/bin/${applet}"
  done
  printf '#!/bin/sh\nexec /bin/sleep 2147483647\n' >"${dir}/rootfs/sbin/init"
  chmod 755 "${dir}/rootfs/sbin/init"
  cat >"${dir}/metadata.yaml" <<EOF
architecture: $(uname -m)
creation_date: $(date +%s)
properties:
  description: busybox test image for Migration Manager tests
  os: busybox
EOF
  tar -C "${dir}" -czf "${state}/mm-busybox.tar.gz" metadata.yaml rootfs
  incus image import "${state}/mm-busybox.tar.gz" --alias mm-busybox >/dev/null
  rm -rf "${dir}" "${state}/mm-busybox.tar.gz"
}

write_env() {
  local server_crt="${state}/server.crt"
  cp /var/lib/incus/server.crt "${server_crt}"
  local br1
  br1="$(incus network get incusbr1 ipv4.address)"
  cat >"${state}/env.tmp" <<EOF
export MM_TEST_INCUS_URL=https://${https_address}
export MM_TEST_INCUS_CLIENT_CERT=${state}/client.crt
export MM_TEST_INCUS_CLIENT_KEY=${state}/client.key
export MM_TEST_INCUS_SERVER_CERT=${server_crt}
export MM_TEST_INCUS_BRIDGE1_IPV4=${br1:-none}
export MM_TEST_INCUS_IMAGE=mm-busybox
export MM_TEST_INCUS_STARTED_BY_SCRIPT=${started_by_script}
EOF
  mv "${state}/env.tmp" "${state}/env"
  cat "${state}/env"
}

started_by_script=0
install_packages
start_daemon
apply_preseed
create_fixtures
trust_client_certificate
ensure_test_image
write_env
