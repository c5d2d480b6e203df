#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test command: `pg.sh start DIR` initialises
# one in DIR (a new, empty folder), starts it on a Unix socket there (no TCP port), and
# prints its admin URL; `pg.sh stop DIR` stops it. As root the server runs as `postgres`
# (it refuses root).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?folder}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log"
    # fsync off: a throwaway cluster; max_connections for parallel suites of pools.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=400" start >/dev/null
    echo "postgres://postgres@localhost/postgres?host=$dir"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
