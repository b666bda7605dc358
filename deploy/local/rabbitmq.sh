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
# Queue depths in the management API every second instead of every 5 s (./spbe bench reads the backlog from it).
collect_statistics_interval = 1000
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
  # rabbitmqctl takes the first free port of the distribution range for itself: started before the booting node
  # listens, it takes the node's own port and the node dies without a word. So wait for that port first.
  local i
  if [[ -n ${SPBE_RMQ_T0:-} ]]; then
    for i in {1..600}; do port_open "$SPBE_RABBIT_DIST_PORT" && break; sleep 0.1; done
  fi
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

# rmq_redrive VHOST [QUEUE...]: moves the dead-lettered messages of QUEUE_error back to QUEUE, for every QUEUE named
# (with or without the _error suffix), or for every _error queue of VHOST that holds messages when none is named.
# One-off dynamic shovels (src-delete-after queue-length: each moves the messages present when it starts, then
# deletes itself), so message ids, headers and the queues' types are kept. Consumers are idempotent
# (docs/architecture.md decision 4): a message that was in fact processed changes nothing when it comes back.
rmq_redrive() {
  local vhost=$1; shift
  rmq_running || die "RabbitMQ is not running (./spbe up or ./spbe infra)"
  # The shovel plug-in is on under ./spbe up/infra; a broker started by ./spbe test has no plug-ins.
  if ! rmqctl shovel_status >/dev/null 2>&1; then
    say "    enabling the shovel plug-in"
    rmq_env "$SPBE_RMQ_BIN/rabbitmq-plugins" -q -n "$SPBE_RABBIT_NODENAME" enable rabbitmq_shovel >/dev/null \
      || die "could not enable the rabbitmq_shovel plug-in"
  fi
  local -A depth=()
  local name messages
  while IFS=$'\t' read -r name messages; do
    [[ -n $name ]] && depth[$name]=${messages:-0}
  done < <(rmqctl list_queues -p "$vhost" --no-table-headers name messages) \
    || die "could not list the queues of vhost $vhost"
  local queues=() q
  if (($#)); then
    for q in "$@"; do queues+=("${q%_error}"); done
  else
    for name in "${!depth[@]}"; do
      [[ $name == *_error && ${depth[$name]} != 0 ]] && queues+=("${name%_error}")
    done
    if ((${#queues[@]} == 0)); then say "no dead-lettered messages in vhost $vhost"; return 0; fi
  fi
  local uri=amqp:///$vhost rc=0 shovel
  [[ $vhost == / ]] && uri=amqp:///%2F
  for q in "${queues[@]}"; do
    if [[ -z ${depth[${q}_error]+x} ]]; then warn "vhost $vhost has no queue ${q}_error: nothing to re-drive"; rc=1; continue; fi
    # A shovel declares a missing destination as a classic queue; the consumer's queue (quorum) must exist first.
    if [[ -z ${depth[$q]+x} ]]; then warn "vhost $vhost has no queue $q (is its service running?): ${q}_error left as is"; rc=1; continue; fi
    shovel=redrive-$q
    rmqctl set_parameter -p "$vhost" shovel "$shovel" "{\"src-protocol\":\"amqp091\",\"src-uri\":\"$uri\",\"src-queue\":\"${q}_error\",
      \"dest-protocol\":\"amqp091\",\"dest-uri\":\"$uri\",\"dest-queue\":\"$q\",\"src-delete-after\":\"queue-length\",
      \"add-forward-headers\":false}" >/dev/null || { warn "could not start shovel $shovel"; rc=1; continue; }
    local waited=0
    while rmqctl list_parameters -p "$vhost" --no-table-headers 2>/dev/null | grep -q "[[:space:]]$shovel[[:space:]]"; do
      ((waited++ < 240)) || { warn "shovel $shovel still running after 120 s: see 'deploy/local/rabbitmq-app.sh shovel_status'"; rc=1; continue 2; }
      sleep 0.5
    done
    say "    ${q}_error -> $q: moved what it held (RabbitMQ last counted ${depth[${q}_error]}; counts lag about 5 s)"
  done
  return "$rc"
}
