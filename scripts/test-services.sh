# Sourced by scripts/test.sh: makes sure Chromium, Redis, PostgreSQL and nginx are installed, starts a
# private Redis and PostgreSQL for the tests (stopped on exit) and exports their URLs as
# TEST_REDIS_URL and TEST_DATABASE_URL. Outside CI, a part that cannot be had is reported loudly
# and its suites skip; in CI (CI set to anything but "", "false" or "0") it is an error.

SERVICES_DIR="$(mktemp -d /tmp/pong-test-services.XXXXXX)"
TEST_REDIS_PORT="${TEST_REDIS_PORT:-6391}"
TEST_PG_PORT="${TEST_PG_PORT:-5491}"
MISSING=()

# CI=true, CI=1, CI=yes…: any non-empty value but "false" and "0" (as tests/helpers/ci.ts reads it).
in_ci() { local ci; ci="$(printf %s "${CI:-}" | tr "[:upper:]" "[:lower:]" | tr -d "[:space:]")"; [ -n "$ci" ] && [ "$ci" != false ] && [ "$ci" != 0 ]; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_packages() {
  local wanted=()
  command -v chromium >/dev/null || wanted+=(chromium)
  command -v redis-server >/dev/null || wanted+=(redis-server)
  [ -n "$(pg_bin)" ] || wanted+=(postgresql)
  [ -x /usr/sbin/nginx ] || wanted+=(nginx)
  [ ${#wanted[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing ${wanted[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
  else
    echo "!! cannot install ${wanted[*]}: not root or no apt-get"
  fi
}

start_redis() {
  command -v redis-server >/dev/null || { MISSING+=("redis-server"); return; }
  redis-server --port "$TEST_REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$SERVICES_DIR" --daemonize yes --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"
  for _ in $(seq 50); do redis-cli -p "$TEST_REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export TEST_REDIS_URL="redis://127.0.0.1:$TEST_REDIS_PORT"
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
as_pg_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

start_postgres() {
  local bin; bin="$(pg_bin)"
  [ -n "$bin" ] || { MISSING+=("postgresql"); return; }
  local data="$SERVICES_DIR/pg"
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown -R postgres "$SERVICES_DIR"
  as_pg_owner "'$bin/initdb' -D '$data' -A trust -U postgres --no-sync >'$SERVICES_DIR/initdb.log' 2>&1"
  as_pg_owner "'$bin/pg_ctl' -D '$data' -l '$SERVICES_DIR/pg.log' -w -o \"-p $TEST_PG_PORT -k '$SERVICES_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start >/dev/null"
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$TEST_PG_PORT/postgres"
  PG_BIN="$bin"
}

stop_services() {
  [ -f "$SERVICES_DIR/redis.pid" ] && kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null
  [ -n "${PG_BIN:-}" ] && as_pg_owner "'$PG_BIN/pg_ctl' -D '$SERVICES_DIR/pg' -m immediate stop >/dev/null 2>&1"
  rm -rf "$SERVICES_DIR"
}
trap stop_services EXIT

ensure_packages
start_redis
start_postgres
command -v chromium >/dev/null || MISSING+=("chromium")

if [ ${#MISSING[@]} -gt 0 ]; then
  if in_ci; then
    echo "!! CI=${CI} and ${MISSING[*]} could not be installed: failing instead of skipping suites" >&2
    exit 1
  fi
  echo
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!! NOT AVAILABLE: ${MISSING[*]}"
  echo "!! The suites that need them are SKIPPED. Install them (apt-get) for a full run."
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo
fi
