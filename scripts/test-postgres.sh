# Sourced by scripts/test.sh: start_test_postgres / stop_test_postgres manage a temporary cluster.
# Exports TEST_DATABASE_URL. Runs the server as the 'postgres' system user when we are root (initdb refuses root).
start_test_postgres() {
  local bindir; bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_TEST_DIR=$(mktemp -d /tmp/dao-pg.XXXXXX)
  PG_TEST_PORT=${PG_TEST_PORT:-$(( 20000 + RANDOM % 20000 ))}
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TEST_DIR"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U dao --auth=trust -E UTF8 >/dev/null
  "${as[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_TEST_PORT -k $PG_TEST_DIR -c fsync=off" start >/dev/null
  "${as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$PG_TEST_PORT" -U dao dao_test
  export TEST_DATABASE_URL="postgres://dao@127.0.0.1:$PG_TEST_PORT/dao_test"
  export PG_TEST_BINDIR="$bindir"
  echo "PostgreSQL test server on 127.0.0.1:$PG_TEST_PORT"
}
stop_test_postgres() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_TEST_BINDIR/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}
