#!/usr/bin/env bash
# PostgreSQL 15 and RabbitMQ of ONE fault-injection run (tests/SpbeOps.Reliability.Tests/Faults), never the shared
# ones of ./spbe: the caller sets SPBE_STATE_DIR (a fresh dir of its own) and every SPBE_* port, and this script
# reuses deploy/local's functions (env.sh, common.sh, postgres.sh, rabbitmq.sh) with those overrides.
#   servers.sh start          PostgreSQL (durable: fsync, synchronous_commit=on) + RabbitMQ (no plugins); prints KEY=value
#   servers.sh pg-crash       pg_ctl -m immediate stop (a crash: no checkpoint, WAL recovery on the next start)
#   servers.sh pg-start       start PostgreSQL again (the same durable settings)
#   servers.sh rmq-stop       stop the RabbitMQ node (rabbitmqctl stop, waits for beam, kills our epmd)
#   servers.sh rmq-start      start it again and wait until it runs
#   servers.sh rmqctl ARGS    rabbitmqctl ARGS on our node (diagnostics: list_queues -p spbeops ...)
#   servers.sh stop           stop both (fast), whatever state they are in
# It refuses to run without SPBE_STATE_DIR or on the default ports, so it can never touch the shared servers.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
root=$(cd "$here/../../.." && pwd)

[[ -n ${SPBE_STATE_DIR:-} && $SPBE_STATE_DIR == /* ]] || { echo "servers.sh: set SPBE_STATE_DIR to an absolute dir of this run" >&2; exit 2; }
for var in SPBE_PG_PORT SPBE_RABBIT_PORT SPBE_RABBIT_DIST_PORT SPBE_RABBIT_MGMT_PORT SPBE_EPMD_PORT SPBE_RABBIT_NODENAME; do
  [[ -n ${!var:-} ]] || { echo "servers.sh: $var must be set (never the defaults of ./spbe)" >&2; exit 2; }
done
case " $SPBE_PG_PORT $SPBE_RABBIT_PORT $SPBE_RABBIT_DIST_PORT $SPBE_RABBIT_MGMT_PORT $SPBE_EPMD_PORT " in
  *" 5433 "*|*" 5673 "*|*" 25673 "*|*" 15673 "*|*" 4370 "*) echo "servers.sh: refusing the shared servers' default ports" >&2; exit 2 ;;
esac
[[ $SPBE_STATE_DIR != "$root/.local" ]] || { echo "servers.sh: refusing the shared state dir" >&2; exit 2; }

export SPBE_ROOT=$root
. "$root/deploy/local/env.sh"
. "$root/deploy/local/common.sh"
. "$root/deploy/local/postgres.sh"
. "$root/deploy/local/rabbitmq.sh"

# As production would run it: fsync and full-page writes on, and a commit acknowledged only once it is flushed
# (deploy/local/postgres.sh's pg_start passes synchronous_commit=off, so it is not used here).
pg_start_durable() {
  [[ -n $SPBE_PGBIN && -x $SPBE_PGBIN/pg_ctl ]] || die "PostgreSQL binaries not found (set SPBE_PGBIN)"
  mkdir -p "$SPBE_LOG_DIR"
  pg_prepare_dir
  pg_running && return 0
  pg_init
  local opts="-c listen_addresses=127.0.0.1 -p $SPBE_PG_PORT -c unix_socket_directories='' -c max_connections=200"
  opts+=" -c synchronous_commit=on -c fsync=on -c full_page_writes=on"
  as_pg "$SPBE_PGBIN/pg_ctl" -D "$SPBE_PGDATA" -l "$SPBE_PG_DIR/postgres.log" -w -t 60 -o "$opts" start >/dev/null \
    || { tail -n 20 "$SPBE_PG_DIR/postgres.log" >&2; die "PostgreSQL did not start, see $SPBE_PG_DIR/postgres.log"; }
}

# The Erlang cookie, written before anything Erlang starts, so the node and rabbitmqctl never race to create it.
rmq_cookie() {
  local cookie=$SPBE_RMQ_DIR/.erlang.cookie
  mkdir -p "$SPBE_RMQ_DIR"
  [[ -s $cookie ]] && return 0
  (umask 077 && spbe_random 20 | tr a-f A-F >"$cookie")
  chmod 400 "$cookie"
}

# rabbitmq-server -detached, then rabbitmqctl wait, but only once the node listens on its distribution port:
# rabbitmqctl takes the first free port of RABBITMQ_DIST_PORT..+10 for itself, so a rabbitmqctl started at once
# grabs the node's own port and the booting node dies without a word (./spbe runs the build in between).
rmq_boot() {
  rmq_cookie
  rmq_start_detached
  local i
  for i in {1..600}; do port_open "$SPBE_RABBIT_DIST_PORT" && break; rmq_running || { ((i < 50)) || break; }; sleep 0.1; done
  port_open "$SPBE_RABBIT_DIST_PORT" || die "rabbitmq-server did not come up (no distribution port), see $SPBE_RMQ_DIR/log/"
  rmq_wait >/dev/null
}

print_env() {
  printf '%s\n' "PG_CONN=$SPBE_PG_CONN" "RABBIT_URI=$SPBE_RABBIT_URI" "PG_DIR=$SPBE_PG_DIR"
}

case ${1:-} in
  start)
    mkdir -p "$SPBE_STATE_DIR"
    chmod 755 "$SPBE_STATE_DIR"       # user postgres must traverse it (pg/ stays inside, no /tmp symlink)
    spbe_load_secrets
    mkdir -p "$SPBE_LOG_DIR" "$SPBE_RUN_DIR"
    pg_start_durable
    pg_ensure_objects
    rmq_boot                          # no plugins: the quickest boot
    print_env
    ;;
  pg-crash)
    pg_running || die "PostgreSQL is not running"
    as_pg "$SPBE_PGBIN/pg_ctl" -D "$SPBE_PGDATA" -m immediate -w -t 30 stop >/dev/null
    ;;
  pg-start)
    spbe_load_secrets
    pg_start_durable
    ;;
  rmq-stop)
    rmq_stop >/dev/null
    ;;
  rmq-start)
    spbe_load_secrets
    rmq_boot
    ;;
  rmqctl)
    shift
    rmqctl "$@"
    ;;
  stop)
    rmq_stop >/dev/null 2>&1 || true
    if pg_running; then as_pg "$SPBE_PGBIN/pg_ctl" -D "$SPBE_PGDATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$SPBE_PGBIN/pg_ctl" -D "$SPBE_PGDATA" -m immediate -w -t 30 stop >/dev/null 2>&1 || true; fi
    ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
