# shellcheck shell=bash
# The project's own RabbitMQ node: state under $SPBE_STATE_DIR/rabbitmq, loopback-only listeners, own epmd port.
# Needs env.sh and common.sh.

SPBE_RMQ_PIDFILE=$SPBE_RMQ_DIR/rabbit.pid
SPBE_RMQ_PLUGINS_UI='[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].'  # shovel: re-drive _error queues

# Our node's beam.smp pid. The pid file appears only some way into the boot, so also look for a beam.smp
# whose command line has '-home <our rabbitmq dir>' (a node still booting, e.g. after an aborted start).
rmq_pid() {
  local pid comm cmd
  pid=$(read_pid "$SPBE_RMQ_PIDFILE")
  if pid_alive "$pid" beam; then echo "$pid"; return 0; fi
  for pid in /proc/[0-9]*; do
    { read -r comm <"$pid/comm"; } 2>/dev/null && [[ $comm == beam.smp ]] || continue
    cmd=$(tr '\0' '\n' <"$pid/cmdline" 2>/dev/null) || continue
    [[ $cmd == *$'\n-home\n'"$SPBE_RMQ_DIR"$'\n'* ]] && { echo "${pid#/proc/}"; return 0; }
  done
  return 1
}
rmq_running() { rmq_pid >/dev/null; }

# rabbit's sha256 password hash: base64(salt4 ++ sha256(salt4 ++ password)); coreutils only.
hex_to_bin() { printf '%b' "$(sed 's/../\\x&/g' <<<"$1")"; }
rmq_password_hash() {
  local salt hex
  salt=$(spbe_random 4)
  hex=$({ hex_to_bin "$salt"; printf '%s' "$1"; } | sha256sum | cut -c1-64)
  hex_to_bin "$salt$hex" | base64 -w0
}

# Config written on every start, so port overrides always apply. Users/vhosts/permissions come from the
# same deploy/rabbitmq/definitions.json as docker-compose, with the local password, imported at boot.
rmq_write_config() {
  local plugins=$1
  mkdir -p "$SPBE_RMQ_DIR/mnesia" "$SPBE_RMQ_DIR/log"
  : >"$SPBE_RMQ_DIR/rabbitmq-env.conf"
  sed "s|\"password_hash\": *\"[^\"]*\"|\"password_hash\": \"$(rmq_password_hash "$RABBIT_PASSWORD")\"|" \
    "$SPBE_ROOT/deploy/rabbitmq/definitions.json" >"$SPBE_RMQ_DIR/definitions.json"
  cat >"$SPBE_RMQ_DIR/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$SPBE_RABBIT_PORT
loopback_users.guest = true
management.tcp.ip = 127.0.0.1
management.tcp.port = $SPBE_RABBIT_MGMT_PORT
load_definitions = $SPBE_RMQ_DIR/definitions.json
CONF
  printf '%s\n' "$plugins" >"$SPBE_RMQ_DIR/enabled_plugins"
}

# rmq_start_detached [ui]: boots in the background (9-20 s on 2 cores); rmq_wait blocks until it is up.
# 'ui' turns on the management UI and shovel plugins (./spbe up); tests boot faster without them.
rmq_start_detached() {
  [[ -x $SPBE_RMQ_BIN/rabbitmq-server ]] || die "RabbitMQ not found in $SPBE_RMQ_BIN (set SPBE_RMQ_BIN)"
  if rmq_running; then say "    rabbitmq already running"; return 0; fi
  require_port_free "rabbitmq (AMQP)" "$SPBE_RABBIT_PORT"
  require_port_free "rabbitmq (Erlang distribution)" "$SPBE_RABBIT_DIST_PORT"
  local plugins='[].'
  if [[ ${1:-} == ui ]]; then
    require_port_free "rabbitmq (management)" "$SPBE_RABBIT_MGMT_PORT"
    plugins=$SPBE_RMQ_PLUGINS_UI
  fi
  rmq_write_config "$plugins"
  rm -f "$SPBE_RMQ_PIDFILE"
  SPBE_RMQ_T0=$EPOCHREALTIME
  rmq_env "$SPBE_RMQ_BIN/rabbitmq-server" -detached >>"$SPBE_RMQ_DIR/log/startup.log" 2>&1 \
    || die "rabbitmq-server did not launch, see $SPBE_RMQ_DIR/log/"
  SPBE_STARTED_RMQ=1
}

rmq_wait() {
  # Not await_startup: right after -detached the node is not registered yet and it fails at once.
  rmqctl wait --timeout 120 "$SPBE_RMQ_PIDFILE" >/dev/null 2>&1 \
    || { tail -n 20 "$SPBE_RMQ_DIR/log/$SPBE_RABBIT_NODENAME.log" >&2 2>/dev/null
         die "RabbitMQ did not come up, see $SPBE_RMQ_DIR/log/$SPBE_RABBIT_NODENAME.log"; }
  if [[ -n ${SPBE_RMQ_T0:-} ]]; then
    say "    rabbitmq ready on 127.0.0.1:$SPBE_RABBIT_PORT, $(elapsed "$SPBE_RMQ_T0") s after launch"
    SPBE_RMQ_T0=
  fi
}

# For a broker that was already running (maybe started by an older script or by `test` without the UI):
# make sure users/vhosts exist and, for `up`, that the management UI is on.
rmq_ensure() {
  if [[ -z ${SPBE_STARTED_RMQ:-} ]]; then
    rmq_write_config "$(cat "$SPBE_RMQ_DIR/enabled_plugins" 2>/dev/null || echo '[].')"
    rmqctl import_definitions "$SPBE_RMQ_DIR/definitions.json" >/dev/null
  fi
  if [[ ${1:-} == ui ]] && ! port_open "$SPBE_RABBIT_MGMT_PORT"; then
    say "    enabling the management UI"
    rmq_env "$SPBE_RMQ_BIN/rabbitmq-plugins" -q -n "$SPBE_RABBIT_NODENAME" enable \
      rabbitmq_management rabbitmq_shovel rabbitmq_shovel_management >/dev/null
  fi
}

rmq_stop() {
  local pid
  if pid=$(rmq_pid); then
    # 'rabbitmqctl stop' returns before beam.smp has exited (4-9 s), so wait for the pid ourselves.
    # A node that is still booting does not answer rabbitmqctl yet: SIGTERM also shuts beam down cleanly.
    rmqctl stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for _ in {1..120}; do pid_alive "$pid" beam || break; sleep 0.25; done
    pid_alive "$pid" beam && { warn "rabbitmq did not stop in 30 s: killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    rm -f "$SPBE_RMQ_PIDFILE"
    say "    rabbitmq stopped"
  fi
  # epmd outlives the node. Ours listens on our own port, so this never touches another project's epmd,
  # and epmd refuses -kill while any node is still registered with it.
  rmq_env epmd -kill >/dev/null 2>&1 || true
}
