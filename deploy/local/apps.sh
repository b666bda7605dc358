# shellcheck shell=bash
# The .NET processes: build, start/stop/health of services and gateway, LocalTool, TRX summary.
# Needs env.sh and common.sh. The services and the gateway are the lines of deploy/services.txt.

SPBE_SLN=$SPBE_ROOT/SpbeOps.sln
SPBE_SERVICES_FILE=$SPBE_ROOT/deploy/services.txt
SPBE_TOOL_DLL=$SPBE_ROOT/artifacts/bin/SpbeOps.LocalTool/release/SpbeOps.LocalTool.dll

# Fill SERVICES (in start order) and GATEWAY with the lines of deploy/services.txt, checked here so a
# malformed line fails before anything starts, and SCHEMAS with the services' schema column (no '-').
services_load() {
  local line name project folder port schema routes extra
  SERVICES=() GATEWAY= SCHEMAS=()
  [[ -f $SPBE_SERVICES_FILE ]] || die "$SPBE_SERVICES_FILE not found"
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    read -r name project folder port schema routes extra <<<"$line"
    [[ $name =~ ^[a-z][a-z0-9]*$ && $port =~ ^[0-9]+$ && -n $routes && -z $extra ]] \
      || die "${SPBE_SERVICES_FILE#"$SPBE_ROOT"/}: expected 'name project folder port schema routes', got: $line"
    if [[ $name == gateway ]]; then GATEWAY=$line; else SERVICES+=("$line"); fi
    [[ $name == gateway || $schema == - ]] || SCHEMAS+=("$schema")
  done <"$SPBE_SERVICES_FILE"
  [[ -n $GATEWAY ]] || die "${SPBE_SERVICES_FILE#"$SPBE_ROOT"/} has no gateway line"
}

# Split a line of the list into app_name app_project app_dir app_dll app_port app_schema;
# SPBE_<NAME>_PORT overrides the port.
app_parse() {
  local folder port var
  read -r app_name app_project folder port app_schema _ <<<"$1"
  var=SPBE_${app_name^^}_PORT
  app_port=${!var:-$port}
  app_dir=$SPBE_ROOT/$folder
  app_dll=$SPBE_ROOT/artifacts/bin/$app_project/release/$app_project.dll
  app_pidfile=$SPBE_RUN_DIR/$app_name.pid
  app_log=$SPBE_LOG_DIR/$app_name.log
}

# A project that is not written yet, or not in the solution yet, is skipped, not fatal (services land one by one).
app_exists() { [[ -f $app_dir/$app_project.csproj ]] && grep -qF "$app_project.csproj" "$SPBE_SLN" 2>/dev/null; }

dotnet_build() {
  [[ -f $SPBE_SLN ]] || die "$SPBE_SLN not found"
  local t=$EPOCHREALTIME
  info "building SpbeOps.sln (Release)"
  DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet build "$SPBE_SLN" -c Release -nologo -v q -clp:ErrorsOnly \
    || die "build failed"
  say "    built in $(elapsed "$t") s"
}

# Stop one app by its pid file: TERM (graceful: MassTransit/Marten shut down), KILL after 15 s.
app_stop_pidfile() {
  local pidfile=$1 name pid
  name=$(basename "$pidfile" .pid)
  pid=$(read_pid "$pidfile")
  if pid_alive "$pid" dotnet; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in {1..60}; do pid_alive "$pid" dotnet || break; sleep 0.25; done
    pid_alive "$pid" dotnet && { warn "$name did not stop in 15 s: killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    say "    $name stopped"
  fi
  rm -f "$pidfile"
}

apps_stop_all() { local f; for f in "$SPBE_RUN_DIR"/*.pid; do [[ -e $f ]] && app_stop_pidfile "$f"; done; return 0; }

# app_start ENTRY [VAR=value...]: (re)start in the background, detached from this shell (setsid), logs to
# .local/logs/NAME.log, with the list's schema as Marten__Schema. The child writes its own pid before
# exec'ing dotnet, so the pid is dotnet's.
app_start() {
  app_parse "$1"; shift
  [[ $app_schema == - ]] || set -- "Marten__Schema=$app_schema" "$@"
  [[ -f $app_dll ]] || die "$app_dll not found (did the build include $app_project?)"
  app_stop_pidfile "$app_pidfile"
  require_port_free "$app_name" "$app_port"
  mkdir -p "$SPBE_RUN_DIR" "$SPBE_LOG_DIR"
  [[ -f $app_log ]] && mv -f "$app_log" "$app_log.1"
  (
    cd "$app_dir" || exit 1
    export ASPNETCORE_ENVIRONMENT=Development DOTNET_NOLOGO=1 "${SPBE_APP_ENV[@]}" "$@" \
      ConnectionStrings__postgres="$SPBE_PG_CONN" ConnectionStrings__rabbitmq="$SPBE_RABBIT_URI"
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$app_pidfile" \
      dotnet "$app_dll" --urls "http://127.0.0.1:$app_port" --contentRoot "$app_dir" </dev/null >>"$app_log" 2>&1 &
  )
  for _ in {1..40}; do [[ -s $app_pidfile ]] && break; sleep 0.05; done
}

# Wait until NAME answers /health with 200; fail early if the process died, with the log's tail.
app_wait_healthy() {
  app_parse "$1"
  local timeout=${SPBE_HEALTH_TIMEOUT:-120} t=$EPOCHREALTIME code pid
  pid=$(read_pid "$app_pidfile")
  while :; do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$app_port/health" 2>/dev/null || true)
    [[ $code == 200 ]] && { say "    $app_name healthy on http://127.0.0.1:$app_port ($(elapsed "$t") s)"; return 0; }
    if ! pid_alive "$pid" dotnet; then
      tail -n 30 "$app_log" >&2
      die "$app_name exited during start-up; full log: $app_log"
    fi
    if awk -v a="$t" -v b="$EPOCHREALTIME" -v m="$timeout" 'BEGIN { exit !(b - a > m) }'; then
      tail -n 30 "$app_log" >&2
      die "$app_name did not answer GET /health with 200 within ${timeout} s (last: ${code:-none}); log: $app_log"
    fi
    sleep 0.5
  done
}

local_tool() {
  if [[ ! -f $SPBE_TOOL_DLL ]]; then
    info "building SpbeOps.LocalTool" >&2   # stdout is the token
    dotnet build "$SPBE_ROOT/deploy/local/SpbeOps.LocalTool" -c Release -nologo -v q -clp:ErrorsOnly >&2 \
      || die "LocalTool build failed"
  fi
  env DOTNET_NOLOGO=1 "${SPBE_APP_ENV[@]}" dotnet "$SPBE_TOOL_DLL" "$@"
}

# "N passed, N failed[, N skipped]" from the <Counters .../> of every TRX file; returns 1 when there is none.
# A run whose outcome is Failed/Aborted with no failed test (a test host that crashed) counts as 1 failed.
trx_summary() {
  local files=("$1"/*.trx) f counters outcome passed=0 failed=0 skipped=0 ff
  [[ -e ${files[0]} ]] || { say "0 passed, 0 failed (no test results: no TRX file in $1)"; return 1; }
  for f in "${files[@]}"; do
    # grep -o yields at most one line for each: no SIGPIPE/pipefail surprises.
    counters=$(grep -o '<Counters [^>]*>' "$f" || true)
    outcome=$(grep -o '<ResultSummary outcome="[A-Za-z]*"' "$f" || true)
    local -A c=()
    while [[ $counters =~ ([A-Za-z]+)=\"([0-9]+)\" ]]; do
      c[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
      counters=${counters#*"${BASH_REMATCH[0]}"}
    done
    ff=$((${c[failed]:-0} + ${c[error]:-0} + ${c[timeout]:-0} + ${c[aborted]:-0}))
    if ((ff == 0)) && [[ $outcome =~ \"(Failed|Aborted|Error|Timeout)\" ]]; then
      warn "test run ${BASH_REMATCH[1],,} without a failed test (test host crashed?), see the output above: $f"
      ff=1
    fi
    passed=$((passed + ${c[passed]:-0}))
    failed=$((failed + ff))
    skipped=$((skipped + ${c[notExecuted]:-0} + ${c[inconclusive]:-0} + ${c[notRunnable]:-0}))
    unset c
  done
  printf '%d passed, %d failed' "$passed" "$failed"
  ((skipped == 0)) || printf ', %d skipped' "$skipped"
  printf '\n'
}
