#!/usr/bin/env bash
# Stops WildFly gracefully through the management CLI (falls back to SIGTERM to the process
# start.sh recorded). No-op when it is not running.
set -euo pipefail
source "$(dirname "$0")/env.sh"

pid=""
if [ -f "$WILDFLY_PID_FILE" ]; then
  pid="$(cat "$WILDFLY_PID_FILE")"
fi
if wildfly_running; then
  cli --connect --command=':shutdown' > /dev/null || true
fi
if [ -n "$pid" ]; then
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  fi
  rm -f "$WILDFLY_PID_FILE"
fi
echo "WildFly stopped"
