#!/usr/bin/env bash
# Controls the project's local RabbitMQ node (the one ./spbe starts), e.g. for broker-outage tests:
#   rabbitmq-app.sh stop     -> rabbitmqctl stop_app   (node stays up, AMQP listener goes away)
#   rabbitmq-app.sh start    -> rabbitmqctl start_app  (returns once the app is running again)
#   rabbitmq-app.sh ARGS...  -> rabbitmqctl ARGS...    (stop_app, start_app, list_queues -p spbeops-test, ...)
# It reads the same SPBE_* overrides as ./spbe (which exports them for the tests), so it addresses the same node.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/env.sh"

case ${1:-} in
  stop) rmqctl stop_app ;;
  start) rmqctl start_app && rmqctl await_startup ;;
  '') sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  *) rmqctl "$@" ;;
esac
