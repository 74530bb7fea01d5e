#!/usr/bin/env bash
# Starts WildFly (standalone-full.xml) in the background and waits until it has booted and every
# deployment in standalone/deployments is deployed (or failed: then exits 1 with the log tail).
# AUTOWEBHOOK_* variables in this environment reach the application (e.g. AUTOWEBHOOK_ADMIN_USER);
# the database comes from configure.sh. JVM options: JAVA_OPTS (standalone.conf's defaults if unset).
# Log: $WILDFLY_HOME/standalone/log/server.log (console output: $WILDFLY_BASE/console.log).
set -euo pipefail
source "$(dirname "$0")/env.sh"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-300}"

if wildfly_running; then
  echo "WildFly is already running (management port $WILDFLY_MGMT_PORT)"
else
  deployments="$WILDFLY_HOME/standalone/deployments"
  rm -f "$deployments"/*.failed "$deployments"/*.isdeploying
  cd "$WILDFLY_BASE" # the working directory of the server: the app's relative paths (./data) land here
  nohup "$WILDFLY_HOME/bin/standalone.sh" -c "$WILDFLY_CONFIG" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$WILDFLY_PORT_OFFSET" \
    > "$WILDFLY_BASE/console.log" 2>&1 < /dev/null &
  echo $! > "$WILDFLY_PID_FILE"
  echo "WildFly starting (pid $(cat "$WILDFLY_PID_FILE"), HTTP port $WILDFLY_HTTP_PORT, log $WILDFLY_LOG)"
fi

deadline=$((SECONDS + STARTUP_TIMEOUT))
fail() {
  echo "$1" >&2
  tail -n 80 "$WILDFLY_LOG" >&2 2>/dev/null || tail -n 80 "$WILDFLY_BASE/console.log" >&2 || true
  exit 1
}
until [ "$(cli --connect --command=':read-attribute(name=server-state)' 2>/dev/null | grep -o '"running"' || true)" = '"running"' ]; do
  if [ -f "$WILDFLY_PID_FILE" ] && ! kill -0 "$(cat "$WILDFLY_PID_FILE")" 2>/dev/null; then
    fail "WildFly exited during startup"
  fi
  [ $SECONDS -lt $deadline ] || fail "WildFly did not start within $STARTUP_TIMEOUT s"
  sleep 1
done
"$SCRIPT_DIR/deploy.sh" --wait
echo "WildFly is running: http://127.0.0.1:$WILDFLY_HTTP_PORT/"
