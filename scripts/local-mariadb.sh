#!/usr/bin/env bash
# Makes a local MariaDB/MySQL available on 127.0.0.1:3306 and provisions databases with password users.
#
#   local-mariadb.sh ensure                         answer on 127.0.0.1:3306: use what runs there, else start
#                                                   the installed MariaDB, else install Debian's mariadb-server
#   local-mariadb.sh provision DB USER PWFILE [all] create database DB and user USER (password read from
#                                                   PWFILE, generated into it when missing); "all" grants
#                                                   every database (for test suites that create their own)
#   local-mariadb.sh stop                           stop the server if "ensure" started it
#
# State (pid, marker of what this script started) lives in $MM_MARIADB_STATE (default <repo>/var/mariadb).
# An admin account for provisioning: MM_DB_ADMIN_USER / MM_DB_ADMIN_PASSWORD, else root over the local
# socket (Debian's default), else root with an empty password over TCP.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${MM_MARIADB_STATE:-$repo/var/mariadb}
host=127.0.0.1
port=3306

log() { echo "local-mariadb: $*" >&2; }

answers() {
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

server_binary() {
  command -v mariadbd 2>/dev/null || command -v mysqld 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true
}

install_server() {
  if [ "$(id -u)" != 0 ]; then
    log "no database answers on $host:$port and MariaDB is not installed; install it with 'sudo apt-get install mariadb-server' or configure database.url"
    exit 1
  fi
  log "installing Debian's mariadb-server (once)"
  export DEBIAN_FRONTEND=noninteractive
  # Debian's maintainer scripts try to start the service; without an init system they only warn.
  apt-get update -qq >/dev/null
  apt-get install -y -qq mariadb-server mariadb-client >/dev/null
}

start_server() {
  local bin=$1
  mkdir -p "$state"
  local datadir=/var/lib/mysql sock=/run/mysqld/mysqld.sock user_opt=() pidfile=$state/mariadbd.pid
  if [ "$(id -u)" = 0 ]; then
    # The server runs as the mysql user, which cannot write into the repository.
    pidfile=/run/mysqld/mm-mariadbd.pid
    user_opt=(--user=mysql)
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    if [ ! -d "$datadir/mysql" ]; then
      log "initialising $datadir"
      mariadb-install-db --user=mysql --datadir="$datadir" >/dev/null
    fi
  else
    datadir=$state/data
    sock=$state/mysqld.sock
    if [ ! -d "$datadir/mysql" ]; then
      mariadb-install-db --datadir="$datadir" --auth-root-authentication-method=socket >/dev/null
    fi
  fi
  log "starting $bin on $host:$port"
  setsid "$bin" "${user_opt[@]}" --datadir="$datadir" --socket="$sock" --bind-address="$host" --port="$port" \
    --pid-file="$pidfile" >"$state/mariadbd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 120); do
    if answers; then
      echo "$pidfile" > "$state/started-by-us"
      return 0
    fi
    sleep 0.25
  done
  log "MariaDB did not start; see $state/mariadbd.log"
  tail -n 20 "$state/mariadbd.log" >&2 || true
  exit 1
}

ensure() {
  if answers; then
    return 0
  fi
  local bin
  bin=$(server_binary)
  if [ -z "$bin" ]; then
    install_server
    bin=$(server_binary)
  fi
  start_server "$bin"
}

admin_sql() {
  local sql=$1
  if [ -n "${MM_DB_ADMIN_USER:-}" ]; then
    MYSQL_PWD=${MM_DB_ADMIN_PASSWORD:-} mariadb -h "$host" -P "$port" -u "$MM_DB_ADMIN_USER" -e "$sql"
  elif mariadb -u root -e "SELECT 1" >/dev/null 2>&1; then
    mariadb -u root -e "$sql"
  elif mariadb -h "$host" -P "$port" -u root -e "SELECT 1" >/dev/null 2>&1; then
    mariadb -h "$host" -P "$port" -u root -e "$sql"
  else
    log "cannot log in as a database administrator to create the database; set MM_DB_ADMIN_USER and MM_DB_ADMIN_PASSWORD"
    exit 1
  fi
}

provision() {
  local db=$1 user=$2 pwfile=$3 scope=${4:-}
  if ! [[ "$db" =~ ^[A-Za-z0-9_]+$ && "$user" =~ ^[A-Za-z0-9_]+$ ]]; then
    log "database and user names may only use letters, digits and _"
    exit 1
  fi
  mkdir -p "$(dirname "$pwfile")"
  if [ ! -s "$pwfile" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$pwfile")
  fi
  local pw grant_on
  pw=$(cat "$pwfile")
  grant_on="\`$db\`.*"
  [ "$scope" = all ] && grant_on="*.*"
  admin_sql "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$pw';
    CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$pw';
    ALTER USER '$user'@'localhost' IDENTIFIED BY '$pw';
    ALTER USER '$user'@'127.0.0.1' IDENTIFIED BY '$pw';
    GRANT ALL PRIVILEGES ON $grant_on TO '$user'@'localhost' WITH GRANT OPTION;
    GRANT ALL PRIVILEGES ON $grant_on TO '$user'@'127.0.0.1' WITH GRANT OPTION;
    FLUSH PRIVILEGES;"
}

stop() {
  if [ -f "$state/started-by-us" ] && [ -f "$(cat "$state/started-by-us")" ]; then
    local pid
    pid=$(cat "$(cat "$state/started-by-us")")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    rm -f "$state/started-by-us"
    log "stopped the MariaDB this script started"
  fi
}

case "${1:-}" in
  ensure) ensure ;;
  provision) shift; [ $# -ge 3 ] || { log "usage: provision DB USER PWFILE [all]"; exit 2; }; ensure; provision "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 ensure | provision DB USER PWFILE [all] | stop" >&2; exit 2 ;;
esac
