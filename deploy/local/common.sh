# shellcheck shell=bash
# Small helpers shared by ./spbe and the deploy/local/*.sh files.

say()  { printf '%s\n' "$*"; }
info() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# Seconds elapsed since a start mark taken with `t=$EPOCHREALTIME`, e.g. "1.3".
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# True when something accepts TCP connections on 127.0.0.1:PORT. Pure bash: no ss/nc needed.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuse to start NAME on PORT when someone else already listens there: the error would be cryptic later.
require_port_free() {
  if port_open "$2"; then
    die "$1: port 127.0.0.1:$2 is already in use by another process. Stop it or override the port (see deploy/local/README.md)."
  fi
}

# Is PID alive and (when given) is its command line containing TEXT? Guards against recycled pids.
pid_alive() {
  local pid=$1 text=${2:-}
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z $text ]] && return 0
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1   # no grep -q pipe: SIGPIPE vs pipefail
  [[ $cmd == *"$text"* ]]
}

# The Chromium the browser tests drive: Debian's package (/usr/bin/chromium), Ubuntu's name as a fallback.
test_browser() { command -v chromium || command -v chromium-browser; }

read_pid() { [[ -s $1 ]] && head -n 1 "$1" || true; }

# Install what is missing (and only then run apt-get update). sudo only when not root. MODE 'test' also needs the
# distribution's Chromium, which the browser tests drive (Playwright never downloads a browser of its own here).
ensure_packages() {
  local mode=${1:-} need=() sudo=()
  [[ -x $SPBE_RMQ_BIN/rabbitmq-server ]] || need+=(rabbitmq-server)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
  command -v curl >/dev/null || need+=(curl)
  [[ $mode != test ]] || test_browser >/dev/null || need+=(chromium)
  ((${#need[@]})) || return 0
  command -v apt-get >/dev/null || die "missing: ${need[*]}; install them (this script knows only apt-get)."
  if ! is_root; then
    command -v sudo >/dev/null || die "missing: ${need[*]}; install them as root (sudo is not available)."
    sudo=(sudo)
  fi
  info "installing ${need[*]} (apt-get)"
  local t=$EPOCHREALTIME
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  say "    installed in $(elapsed "$t") s"
  SPBE_PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  export SPBE_PGBIN
}
