#!/usr/bin/env bash
# Inventory import benchmark: VsphereSource.fetchInventory() of N synthetic VMs (default 10000) served by the
# vcsim launcher, against a bare PropertyCollector retrieval of the same VM properties.
# Goals: fetchInventory <= 30 s and <= 2x the bare retrieval. Not part of the normal test run.
#
# Usage: tests/bench/inventory-bench.sh [--vms N] [--runs R] [--no-build]
#   --no-build  skip building the launcher and installing domain, workflows and activities
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "${repo}"

build=1
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    *) args+=("$1") ;;
  esac
  shift
done

if [[ "${build}" == 1 ]]; then
  tests/peers/vcsim/build.sh
  mvn -B -q -o -pl domain,workflows,activities install -DskipTests
fi

classpath_file="$(mktemp)"
mvn -B -q -o -pl activities dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="${classpath_file}"
classpath="${repo}/activities/target/classes:$(cat "${classpath_file}")"
rm -f "${classpath_file}"

exec java --add-opens java.base/java.lang=ALL-UNNAMED -Xmx1g \
  -Dlogback.configurationFile="${repo}/tests/bench/logback-bench.xml" -cp "${classpath}" \
  tests/bench/InventoryBench.java --vcsim "${MM_TEST_VCSIM_BIN:-${repo}/tests/peers/vcsim/vcsim}" "${args[@]}"
