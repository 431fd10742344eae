#!/usr/bin/env bash
# A real Temporal server for development and end-to-end tests: the Temporal CLI's "server start-dev" with a
# durable SQLite file and the Temporal web UI, built from the Go module proxy when Go is present.
#
#   temporal-dev.sh available        exit 0 if the CLI is installed or can be built (Go present)
#   temporal-dev.sh ensure           build the CLI once (go install; several minutes cold)
#   temporal-dev.sh start STATE_DIR  start the server (gRPC 127.0.0.1:${MM_TEMPORAL_PORT:-7233}, web UI
#                                    http://127.0.0.1:${MM_TEMPORAL_UI_PORT:-8233}), history in STATE_DIR
#   temporal-dev.sh stop STATE_DIR   stop the server started with that STATE_DIR
set -euo pipefail

version=${MM_TEMPORAL_CLI_VERSION:-v1.5.1}
port=${MM_TEMPORAL_PORT:-7233}
ui_port=${MM_TEMPORAL_UI_PORT:-8233}
gobin=$( (command -v go >/dev/null && go env GOPATH) 2>/dev/null || echo "$HOME/go")/bin

log() { echo "temporal-dev: $*" >&2; }

cli() {
  if [ -x "$gobin/temporal" ]; then
    echo "$gobin/temporal"
  elif command -v temporal >/dev/null 2>&1; then
    command -v temporal
  fi
}

answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "${1:-}" in
  available)
    [ -n "$(cli)" ] || command -v go >/dev/null 2>&1
    ;;
  ensure)
    if [ -z "$(cli)" ]; then
      command -v go >/dev/null 2>&1 || { log "Go is not installed; cannot build the Temporal CLI"; exit 1; }
      log "building the Temporal CLI $version with go install (once; several minutes)"
      go install "github.com/temporalio/cli/cmd/temporal@$version"
    fi
    cli
    ;;
  start)
    state=${2:?state dir}
    mkdir -p "$state"
    if answers "$port"; then
      log "something already answers on 127.0.0.1:$port; using it"
      exit 0
    fi
    bin=$("$0" ensure)
    setsid "$bin" server start-dev --ip 127.0.0.1 --port "$port" --ui-ip 127.0.0.1 --ui-port "$ui_port" \
      --db-filename "$state/temporal.db" --log-level warn \
      --search-attribute MigrationManagerBatch=Keyword \
      --search-attribute MigrationManagerInstance=Keyword \
      --search-attribute MigrationManagerStatus=Keyword \
      >"$state/temporal.log" 2>&1 < /dev/null &
    echo $! > "$state/temporal.pid"
    for _ in $(seq 1 120); do
      if answers "$port"; then
        log "Temporal dev server on 127.0.0.1:$port, web UI http://127.0.0.1:$ui_port"
        exit 0
      fi
      sleep 0.5
    done
    log "the Temporal dev server did not start; see $state/temporal.log"
    exit 1
    ;;
  stop)
    state=${2:?state dir}
    if [ -f "$state/temporal.pid" ]; then
      kill "$(cat "$state/temporal.pid")" 2>/dev/null || true
      rm -f "$state/temporal.pid"
    fi
    ;;
  *)
    echo "usage: $0 available | ensure | start STATE_DIR | stop STATE_DIR" >&2
    exit 2
    ;;
esac
