#!/usr/bin/env bash
# `npm run check:pgbouncer`: Quorate through PgBouncer in transaction mode, run by hand (not in CI: .ci/run's time is spent).
#
# Starts a private PgBouncer (transaction pooling, port $PGBOUNCER_CHECK_PORT, default 6439, auth trust, every database
# forwarded to the PostgreSQL server at 127.0.0.1:5432 as user postgres) in a temporary folder, creates a fresh database,
# applies the migrations and seeds the demo through the pooler with prepared statements off, runs a slice of the
# integration suite through it (each test file creates its own database through the pooler: TEST_DATABASE_URL), then
# stops the pooler and drops the databases. Installs nothing: it needs /usr/sbin/pgbouncer (Debian: apt-get install -y
# pgbouncer) and a PostgreSQL server on 127.0.0.1:5432 that lets user postgres in without a password (as .ci/run does).
set -euo pipefail
cd "$(dirname "$0")/.."

pgbouncer=${PGBOUNCER:-/usr/sbin/pgbouncer}
pghost=127.0.0.1
pgport=5432
port=${PGBOUNCER_CHECK_PORT:-6439}
started=$SECONDS
step() { printf '\n=== %s (%ss)\n' "$1" "$((SECONDS - started))"; }

if [ ! -x "$pgbouncer" ]; then
  echo "pgbouncer-check: $pgbouncer not found. Install it first: apt-get install -y pgbouncer" >&2
  exit 2
fi
if ! pg_isready -h "$pghost" -p "$pgport" -q; then
  echo "pgbouncer-check: no PostgreSQL server on $pghost:$pgport (start it, e.g. pg_ctlcluster <version> main start)" >&2
  exit 2
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "pgbouncer-check: port $port is taken; choose another with PGBOUNCER_CHECK_PORT" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/quorate-pgbouncer.XXXXXX")
db="quorate_pgbouncer_$(date +%s)_$$"
cleanup() {
  set +e
  if [ -f "$dir/pgbouncer.pid" ]; then
    kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null
    for _ in $(seq 1 50); do [ -f "$dir/pgbouncer.pid" ] || break; sleep 0.1; done
  fi
  psql -h "$pghost" -p "$pgport" -U postgres -d postgres -qc "drop database if exists $db with (force)" >/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

step "start PgBouncer $("$pgbouncer" --version | head -1 | awk '{print $2}') (transaction mode) on 127.0.0.1:$port"
cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=$pghost port=$pgport

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 500
default_pool_size = 20
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
echo '"postgres" ""' >"$dir/userlist.txt"
as_user=()
if [ "$(id -u)" = 0 ]; then
  # PgBouncer refuses to run as root.
  chown -R postgres "$dir"
  as_user=(-u postgres)
fi
"$pgbouncer" -d "${as_user[@]}" "$dir/pgbouncer.ini"
for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p "$port" -U postgres -q && break; sleep 0.1; done
pg_isready -h 127.0.0.1 -p "$port" -U postgres
pooled="postgres://postgres@127.0.0.1:$port"

step "create database $db (through the pooler)"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database $db"

step "npm run db:migrate, twice (DATABASE_URL=…?prepare=false)"
DATABASE_URL="$pooled/$db?prepare=false" npm run -s db:migrate
DATABASE_URL="$pooled/$db?prepare=false" npm run -s db:migrate

step "npm run db:seed (QUORATE_PREPARED_STATEMENTS=0)"
DATABASE_URL="$pooled/$db" QUORATE_PREPARED_STATEMENTS=0 npm run -s db:seed

step "integration tests through the pooler (TEST_DATABASE_URL=…?prepare=false)"
# Not through the pooler: backup.test.ts (pg_dump needs a session; back up from PostgreSQL directly) and
# prepared-statements.test.ts (it checks that statements ARE prepared by default, on one session).
# No template database (QUORATE_TEST_PG_TEMPLATE=-): PgBouncer keeps an idle server connection to the template once it
# is migrated, and CREATE DATABASE … TEMPLATE refuses a template anyone is connected to. Each file migrates its own.
QUORATE_TEST_PG_TEMPLATE=- TEST_DATABASE_URL="$pooled/postgres?prepare=false" nice -n 10 npx vitest run \
  test/integration/delivery-lease.test.ts \
  test/integration/notify.test.ts \
  test/integration/notify-crash.test.ts \
  test/integration/vote-storm.test.ts \
  test/integration/vote-path.test.ts \
  test/integration/rate-limit.test.ts \
  test/integration/transparency.test.ts \
  test/integration/governance.test.ts \
  test/integration/proposal-actions.test.ts \
  test/integration/account.test.ts \
  test/integration/seed.test.ts

step "PgBouncer's log: lines mentioning errors or prepared statements"
grep -iE 'error|prepared' "$dir/pgbouncer.log" | head -20 || echo "none"

step "done: stop PgBouncer, drop $db"
