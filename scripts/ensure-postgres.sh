#!/usr/bin/env bash
# Finds a PostgreSQL that answers, or starts a throwaway one, for the test suite.
#
#   eval "$(bash scripts/ensure-postgres.sh)"
#
# stdout carries only `export ...` lines:
#   OFFRAMP_TEST_POSTGRES_URL   SQLAlchemy URL of a server with trust auth for user postgres
#   OFFRAMP_TEST_POSTGRES_STOP  (only for a throwaway cluster) a command that stops it and
#                               removes its files: eval "$OFFRAMP_TEST_POSTGRES_STOP"
# Messages go to stderr. Exits 1 when there is no server and none can be started.
#
# OFFRAMP_TEST_POSTGRES_URL already set: it is passed through unchanged (no 5432 probe).
# OFFRAMP_FORCE_THROWAWAY_PG=1: ignore both of the above and always start a throwaway cluster
# (to exercise that path on a machine that has a server).
set -euo pipefail

root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
host=127.0.0.1

say() { echo "ensure-postgres: $*" >&2; }

emit() { printf 'export %s=%q\n' "$1" "$2"; }

# answers HOST PORT [SOCKET_DIR] -> 0 when a server accepts user postgres without a password.
answers() {
  local h=$1 p=$2
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$h" -p "$p" -U postgres -d postgres -t 3 || return 1
    if command -v psql >/dev/null 2>&1; then
      # pg_isready does not log in; psql confirms trust auth actually lets us in.
      PGCONNECT_TIMEOUT=3 psql -X -w -q -A -t -h "$h" -p "$p" -U postgres -d postgres \
        -c 'select 1' >/dev/null 2>&1 || return 1
    fi
    return 0
  fi
  local py=$root_dir/.venv/bin/python
  [ -x "$py" ] || py=python3
  "$py" - "$h" "$p" <<'PY' >/dev/null 2>&1
import sys
import psycopg
psycopg.connect(host=sys.argv[1], port=int(sys.argv[2]), user="postgres", dbname="postgres",
                connect_timeout=3).close()
PY
}

url_for() { echo "postgresql+psycopg://postgres@$host:$1/postgres"; }

if [ -n "${OFFRAMP_TEST_POSTGRES_URL:-}" ] && [ "${OFFRAMP_FORCE_THROWAWAY_PG:-}" != 1 ]; then
  say "using OFFRAMP_TEST_POSTGRES_URL from the environment"
  emit OFFRAMP_TEST_POSTGRES_URL "$OFFRAMP_TEST_POSTGRES_URL"
  exit 0
fi

if [ "${OFFRAMP_FORCE_THROWAWAY_PG:-}" != 1 ]; then
  if answers "$host" 5432; then
    say "PostgreSQL answers on $host:5432"
    emit OFFRAMP_TEST_POSTGRES_URL "$(url_for 5432)"
    exit 0
  fi
  say "no PostgreSQL answers on $host:5432; starting a throwaway cluster"
else
  say "OFFRAMP_FORCE_THROWAWAY_PG=1: starting a throwaway cluster"
fi

# --- throwaway cluster -------------------------------------------------------

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir=$d; break; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
fi
if [ -z "$bindir" ]; then
  say "no PostgreSQL server answers and no initdb/pg_ctl is installed (Debian: apt-get install postgresql)"
  exit 1
fi

# initdb refuses to run as root: as root, the cluster belongs to the postgres OS user.
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    say "running as root but there is no 'postgres' OS user to own the cluster"
    exit 1
  fi
  if command -v runuser >/dev/null 2>&1; then
    as_owner() { runuser -u postgres -- "$@"; }
  else
    as_owner() { su -s /bin/bash postgres -c "$(printf '%q ' "$@")"; }
  fi
fi

port=""
for candidate in $(seq 55432 55531); do
  if python3 - "$candidate" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
finally:
    s.close()
PY
  then port=$candidate; break; fi
done
if [ -z "$port" ]; then
  say "no free port between 55432 and 55531"
  exit 1
fi

tmp=$(mktemp -d "${OFFRAMP_PG_TMPDIR:-/tmp}/offramp-pg.XXXXXX")
mkdir -p "$tmp/data" "$tmp/sock"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$tmp"; fi
chmod 700 "$tmp/data"

fail() {
  say "$1"
  [ -f "$tmp/log" ] && tail -n 20 "$tmp/log" >&2
  as_owner "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
  exit 1
}

as_owner "$bindir/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --no-locale --no-sync \
  >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; fail "initdb failed"; }

# fsync is pointless for a cluster that lives for one test run.
as_owner "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w -t 60 \
  -o "-p $port -k $tmp/sock -h $host -c fsync=off -c full_page_writes=off" start >/dev/null \
  || fail "pg_ctl start failed"

for _ in $(seq 1 60); do
  if answers "$host" "$port"; then break; fi
  sleep 0.5
done
answers "$host" "$port" || fail "the throwaway cluster started but does not answer on $host:$port"

if [ "$(id -u)" -eq 0 ]; then
  if command -v runuser >/dev/null 2>&1; then
    stop="runuser -u postgres -- $(printf '%q' "$bindir/pg_ctl") -D $(printf '%q' "$tmp/data") -m fast -w stop"
  else
    stop="su -s /bin/bash postgres -c $(printf '%q' "$(printf '%q ' "$bindir/pg_ctl" -D "$tmp/data" -m fast -w stop)")"
  fi
else
  stop="$(printf '%q' "$bindir/pg_ctl") -D $(printf '%q' "$tmp/data") -m fast -w stop"
fi
stop="$stop >/dev/null 2>&1; rm -rf $(printf '%q' "$tmp")"

say "throwaway PostgreSQL on $host:$port (files in $tmp)"
emit OFFRAMP_TEST_POSTGRES_URL "$(url_for "$port")"
emit OFFRAMP_TEST_POSTGRES_STOP "$stop"
