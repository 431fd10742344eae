#!/usr/bin/env bash
# Builds the vcsim test peer (tests/peers/vcsim/vcsim) from this folder's Go sources against Debian's govmomi
# 0.24 library, offline, in GOPATH mode.
#
# - Installs golang-go and golang-github-vmware-govmomi-dev with apt-get when missing (needs root).
# - Uses Debian's own Go (/usr/lib/go-1.*), not a newer Go that may come first in PATH.
# - Does nothing when the binary is newer than every source file.
#
# Usage: build.sh [--test]   (--test also runs the Go tests)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
binary="${here}/vcsim"
gopath=/usr/share/gocode

log() { printf 'vcsim-peer: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

debian_go() {
  local candidate
  for candidate in $(ls -d /usr/lib/go-1.* 2>/dev/null | sort -V -r); do
    if [[ -x "${candidate}/bin/go" ]]; then
      echo "${candidate}/bin/go"
      return
    fi
  done
}

install_packages() {
  if [[ -n "$(debian_go)" && -d "${gopath}/src/github.com/vmware/govmomi/simulator" ]]; then
    return
  fi
  [[ "$(id -u)" == 0 ]] || die "golang-go and golang-github-vmware-govmomi-dev are missing; run as root to install them"
  log "installing golang-go and golang-github-vmware-govmomi-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q golang-go golang-github-vmware-govmomi-dev >&2 ||
    { apt-get update -q >&2 && apt-get install -y -q golang-go golang-github-vmware-govmomi-dev >&2; }
}

up_to_date() {
  [[ -x "${binary}" ]] || return 1
  [[ -z "$(find "${here}" -maxdepth 1 \( -name '*.go' -o -name build.sh \) -newer "${binary}" -print -quit)" ]]
}

run_go() {
  (cd "${here}" && GO111MODULE=off GOPATH="${gopath}" GOCACHE="${here}/.gocache" GOTOOLCHAIN=local GOFLAGS= \
    GOPROXY=off CGO_ENABLED=0 "${go}" "$@")
}

install_packages
go="$(debian_go)"
[[ -n "${go}" ]] || die "no Go toolchain under /usr/lib/go-1.*"

if up_to_date; then
  log "vcsim is up to date"
else
  log "building ${binary} with ${go}"
  run_go build -o "${binary}.tmp" .
  mv "${binary}.tmp" "${binary}"
fi

if [[ "${1:-}" == "--test" ]]; then
  run_go vet .
  run_go test -count=1 .
fi
