#!/usr/bin/env bash
# Deploys $EAR (ear/target/autowebhook.ear) as application "autowebhook" (redeploys if present),
# starting the domain first if it is not running. Exits 1 with the server log tail on failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ ! -f "$EAR" ]; then
  echo "No $EAR: build it first (mvn -B install -DskipTests)" >&2
  exit 1
fi
if ! payara_running; then
  start_domain
fi
asadmin deploy --force=true --name autowebhook "$EAR" || {
  tail -n 80 "$PAYARA_LOG" >&2
  exit 1
}
echo "autowebhook deployed: http://127.0.0.1:$PAYARA_HTTP_PORT/"
