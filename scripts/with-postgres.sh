#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temporary folder as the
# postgres user, listening on 127.0.0.1 only, removed afterwards. DATABASE_URL is set for the command.
# Usage: scripts/with-postgres.sh npm test
# PG_SOCKET=1 connects through the cluster's Unix socket instead of TCP (for comparing the two).
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-54329}
dir=$(mktemp -d /tmp/mkbroute-pg.XXXXXX)
chown postgres:postgres "$dir" 2>/dev/null || true
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
cleanup() {
  run_pg "$PG_BIN/pg_ctl -D $dir/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
run_pg "$PG_BIN/initdb -D $dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "$PG_BIN/pg_ctl -D $dir/data -l $dir/log -w -o \"-h 127.0.0.1 -p $PG_PORT -k $dir -c fsync=off -c max_connections=200\" start" >/dev/null
run_pg "$PG_BIN/createdb -h 127.0.0.1 -p $PG_PORT -U postgres mkbroute"
if [ -n "${PG_SOCKET:-}" ]; then
  chmod 755 "$dir"
  export DATABASE_URL="postgres://postgres@localhost:$PG_PORT/mkbroute?host=$dir"
  echo "PostgreSQL draait op de socket in $dir (poort $PG_PORT, tijdelijk)"
else
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/mkbroute"
  echo "PostgreSQL draait op 127.0.0.1:$PG_PORT (tijdelijk, in $dir)"
fi
"$@"
