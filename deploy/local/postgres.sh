# shellcheck shell=bash
# The project's own PostgreSQL instance: initdb + pg_ctl on a project-local data dir, TCP on 127.0.0.1 only.
# Needs env.sh and common.sh.

# initdb and pg_ctl refuse to run as root: as root, run them as the Debian 'postgres' user.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_running() { [[ -f $SPBE_PGDATA/postmaster.pid ]] && as_pg "$SPBE_PGBIN/pg_ctl" status -D "$SPBE_PGDATA" >/dev/null 2>&1; }

# The real PostgreSQL dir (never the path through the symlink: 'postgres' may not be able to traverse it).
pg_resolve_dir() {
  SPBE_PG_DIR=$SPBE_PG_LINK
  if [[ -L $SPBE_PG_LINK ]]; then SPBE_PG_DIR=$(readlink "$SPBE_PG_LINK"); fi
  SPBE_PGDATA=$SPBE_PG_DIR/data
}
pg_resolve_dir

# Decide where the data lives. As root, 'postgres' must be able to traverse every parent of the data dir
# (a checkout under /root, mode 0700, is not). Then use a dir under $TMPDIR named from a hash of the
# state dir (stable across runs) and record it as the symlink .local/pg -> that dir.
pg_prepare_dir() {
  mkdir -p "$SPBE_STATE_DIR"
  if ! is_root; then mkdir -p "$SPBE_PG_DIR"; return; fi
  id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (is the postgresql package installed?)"
  if [[ ! -e $SPBE_PG_LINK && ! -L $SPBE_PG_LINK ]] && ! runuser -u postgres -- test -x "$SPBE_STATE_DIR"; then
    local dir
    dir=${TMPDIR:-/tmp}/spbeops-pg-$(printf '%s' "$SPBE_STATE_DIR" | sha256sum | cut -c1-12)
    say "    $SPBE_STATE_DIR is not traversable by user postgres: PostgreSQL data goes to $dir"
    ln -sfn "$dir" "$SPBE_PG_LINK"
    pg_resolve_dir
  elif [[ -L $SPBE_PG_LINK && ! -d $SPBE_PG_DIR ]]; then
    warn "PostgreSQL dir $SPBE_PG_DIR is gone (temp dir cleaned?): initialising a new, empty database"
  fi
  mkdir -p "$SPBE_PG_DIR"
  chown postgres: "$SPBE_PG_DIR"
  chmod 700 "$SPBE_PG_DIR"
  runuser -u postgres -- test -w "$SPBE_PG_DIR" \
    || die "user postgres cannot write $SPBE_PG_DIR; set SPBE_STATE_DIR or TMPDIR to a world-traversable place"
}

pg_init() {
  [[ -f $SPBE_PGDATA/PG_VERSION ]] && return 0
  local pwfile=$SPBE_PG_DIR/.pwfile
  (umask 077 && printf '%s\n' "$PG_SUPER_PASSWORD" >"$pwfile")
  is_root && chown postgres: "$pwfile"
  # scram everywhere; pg_hba.conf from initdb only admits 127.0.0.1/::1 for TCP.
  if ! as_pg "$SPBE_PGBIN/initdb" -D "$SPBE_PGDATA" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$SPBE_LOG_DIR/postgres-initdb.log" 2>&1; then
    rm -f "$pwfile"
    die "initdb failed, see $SPBE_LOG_DIR/postgres-initdb.log"
  fi
  rm -f "$pwfile"
  say "    initialised $SPBE_PGDATA"
}

# pg_start [test]: durable by default (issue 7, row 3: a 2xx means committed to disk, so a crash loses nothing that
# was acknowledged). 'test' trades durability for speed: no fsync, no full-page writes, asynchronous commit; the
# test cluster is throw-away, and a clean stop still flushes.
pg_start() {
  [[ -n $SPBE_PGBIN && -x $SPBE_PGBIN/pg_ctl ]] || die "PostgreSQL binaries not found (set SPBE_PGBIN)"
  mkdir -p "$SPBE_LOG_DIR"
  pg_prepare_dir
  if pg_running; then
    local port; port=$(sed -n 4p "$SPBE_PGDATA/postmaster.pid")
    [[ $port == "$SPBE_PG_PORT" ]] || die "PostgreSQL of $SPBE_STATE_DIR already runs on port $port, not $SPBE_PG_PORT: ./spbe down first"
    say "    postgresql already running"
    [[ ${1:-} == test ]] || pg_warn_if_not_durable
    return 0
  fi
  local t=$EPOCHREALTIME
  pg_init
  require_port_free postgresql "$SPBE_PG_PORT"
  # No Unix socket at all (unix_socket_directories=''): no path-length limits, no /var/run permissions;
  # pg_ctl -w waits on postmaster.pid, so it does not need one either.
  local opts="-c listen_addresses=127.0.0.1 -p $SPBE_PG_PORT -c unix_socket_directories='' -c max_connections=200"
  if [[ ${1:-} == test ]]; then
    opts+=" -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
  else
    # PostgreSQL's defaults, stated so that a postgresql.conf edited by hand cannot turn them off.
    opts+=" -c fsync=on -c full_page_writes=on -c synchronous_commit=on"
  fi
  as_pg "$SPBE_PGBIN/pg_ctl" -D "$SPBE_PGDATA" -l "$SPBE_PG_DIR/postgres.log" -w -t 60 -o "$opts" start >/dev/null \
    || { tail -n 20 "$SPBE_PG_DIR/postgres.log" >&2; die "PostgreSQL did not start, see $SPBE_PG_DIR/postgres.log"; }
  SPBE_STARTED_PG=1
  say "    postgresql ready on 127.0.0.1:$SPBE_PG_PORT in $(elapsed "$t") s"
}

# pg_psql DB [psql args]: psql as the superuser on our instance (TCP: it has no Unix socket), stops at an error.
pg_psql() {
  local db=$1; shift
  PGPASSWORD=$PG_SUPER_PASSWORD PGCONNECT_TIMEOUT=10 \
    "$SPBE_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPBE_PG_PORT" -U postgres -d "$db" "$@"
}

# Role spbeops, databases spbeops and spbeops_test: the very same init.sql docker-compose uses.
# The services' database commits synchronously even on a server started with synchronous_commit=off (by
# `./spbe test`, or an older ./spbe): a per-database setting outranks the server's.
pg_ensure_objects() {
  SPBEOPS_DB_PASSWORD=$PG_PASSWORD pg_psql postgres -f "$SPBE_ROOT/deploy/postgres/init.sql" >/dev/null \
    || die "could not create role/databases on 127.0.0.1:$SPBE_PG_PORT"
  pg_psql postgres -c 'ALTER DATABASE spbeops SET synchronous_commit = on' >/dev/null \
    || die "could not set synchronous_commit on database spbeops on 127.0.0.1:$SPBE_PG_PORT"
}

# A server that runs without fsync (started by `./spbe test`) can lose acknowledged writes in a crash, and that
# cannot be changed while it runs: say so, and how to get a durable one.
pg_warn_if_not_durable() {
  local fsync
  fsync=$(PGPASSWORD=$PG_SUPER_PASSWORD PGCONNECT_TIMEOUT=10 "$SPBE_PGBIN/psql" -X -qAt -h 127.0.0.1 -p "$SPBE_PG_PORT" \
    -U postgres -d postgres -c 'SHOW fsync' 2>/dev/null) || return 0
  [[ $fsync == off ]] || return 0
  warn "the running PostgreSQL was started without fsync (by ./spbe test): a crash can lose acknowledged writes." \
    "For durable commits restart it: ./spbe down && ./spbe up"
}

# pg_ensure_store_format SCHEMA... (the schema column of deploy/services.txt). A fresh start instead of
# upcasting: when database spbeops holds any of these schemas written in an older store format than
# SPBE_STORE_FORMAT (env.sh), or from before the marker (= format 1), drop them. The services' Marten recreates
# them empty, and the seed of `up` then finds the instansi unseeded. The format is recorded in
# public.spbeops_store. Nothing else is dropped: no other schema, never database spbeops_test (the tests').
pg_ensure_store_format() {
  local s state stored found noun=schemas
  for s in "$@"; do   # a typo such as 'public' in the list must never reach DROP SCHEMA
    [[ $s =~ ^[a-z_][a-z0-9_]*$ && $s != public && $s != information_schema && $s != pg_* ]] \
      || die "deploy/services.txt: '$s' cannot be a service's schema"
  done
  # "stored|found": the recorded format ('' when none) and which of the schemas exist, in the list's order.
  state=$(pg_psql spbeops -At -v schemas="$*" <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS public.spbeops_store (format int NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now());
GRANT SELECT ON public.spbeops_store TO spbeops;   -- readable by the app's role too (psql as spbeops)
COMMENT ON TABLE public.spbeops_store IS 'Store format of the services'' data (SPBE_STORE_FORMAT in deploy/local/env.sh)';
SELECT (SELECT max(format) FROM public.spbeops_store),
       (SELECT string_agg(s, ' ' ORDER BY n) FROM unnest(string_to_array(:'schemas', ' ')) WITH ORDINALITY AS l(s, n)
         WHERE EXISTS (SELECT FROM pg_namespace WHERE nspname = s));
SQL
  ) || die "could not read the store format of database spbeops on 127.0.0.1:$SPBE_PG_PORT"
  IFS='|' read -r stored found <<<"$state"
  [[ $stored == "$SPBE_STORE_FORMAT" ]] && return 0
  if [[ -n $stored ]] && ((stored > SPBE_STORE_FORMAT)); then   # written by a newer checkout: not ours to drop
    warn "local data was written in store format $stored, newer than this version's $SPBE_STORE_FORMAT: left as is" \
      "(to start afresh: ./spbe down, then delete $SPBE_STATE_DIR)"
    return 0
  fi
  # One transaction: the schemas go only together with the new marker. lock_timeout: a service of the old
  # version that still runs (started from an IDE) fails this instead of hanging it.
  pg_psql spbeops -v schemas="$found" -v format="$SPBE_STORE_FORMAT" >/dev/null <<'SQL' \
    || die "could not drop schemas ${found// /, } of database spbeops (is a service still connected? stop it, or ./spbe down)"
BEGIN;
SET LOCAL lock_timeout = '10s';
SET LOCAL client_min_messages = warning;
SELECT format('DROP SCHEMA IF EXISTS %s CASCADE', string_agg(quote_ident(s), ', '))
  FROM unnest(string_to_array(:'schemas', ' ')) AS s HAVING count(*) > 0 \gexec
DELETE FROM public.spbeops_store;
INSERT INTO public.spbeops_store (format) VALUES (:format);
COMMIT;
SQL
  [[ -n $found ]] || return 0
  [[ $found == *' '* ]] || noun=schema
  info "local data was written in store format ${stored:-1}; this version uses $SPBE_STORE_FORMAT:" \
    "$noun ${found// /, } dropped, the demo data is seeded again (by ./spbe up)"
}

pg_stop() {
  pg_running || return 0
  as_pg "$SPBE_PGBIN/pg_ctl" -D "$SPBE_PGDATA" -m fast -w -t 60 stop >/dev/null
  say "    postgresql stopped"
}
