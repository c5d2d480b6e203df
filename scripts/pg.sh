#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test command: `pg.sh start DIR [PORT]` initialises
# one in DIR (a new, empty folder), starts it on a Unix socket there (and on 127.0.0.1:PORT
# when a port is given), and prints its admin URL; `pg.sh stop DIR` stops it. As root the server runs as `postgres`
# (it refuses root).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?folder}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      chown postgres:postgres "$dir"
      # A private temporary folder above it: let the server pass through (not list) it.
      chmod o+x "$(dirname "$dir")"
    fi
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log"
    listen="-c listen_addresses=''"
    [ -n "${3:-}" ] && listen="-c listen_addresses=127.0.0.1 -p $3"
    # fsync off: a throwaway cluster; max_connections for parallel suites of pools.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "$listen -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=400" start >/dev/null
    if [ -n "${3:-}" ]; then
      echo "postgres://postgres@localhost:$3/postgres?host=$dir"
    else
      echo "postgres://postgres@localhost/postgres?host=$dir"
    fi
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
