#!/usr/bin/env bash
# Deploys $EAR (ear/target/autowebhook.ear) by copying it into standalone/deployments (the
# deployment scanner picks it up; on a stopped server, at the next start). If the server runs,
# waits for the .deployed marker, or exits 1 with the log tail on .failed.
# With --wait only waits for deployments already copied (used by start.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
DEPLOY_TIMEOUT="${DEPLOY_TIMEOUT:-300}"
deployments="$WILDFLY_HOME/standalone/deployments"

if [ "${1:-}" != "--wait" ]; then
  if [ ! -f "$EAR" ]; then
    echo "No $EAR: build it first (mvn -B install -DskipTests)" >&2
    exit 1
  fi
  rm -f "$deployments/autowebhook.ear".{deployed,failed,undeployed,skipdeploy,pending}
  cp "$EAR" "$deployments/autowebhook.ear.tmp"
  mv "$deployments/autowebhook.ear.tmp" "$deployments/autowebhook.ear"
  echo "Copied $EAR to $deployments"
  if ! wildfly_running; then
    echo "WildFly is not running: the EAR is deployed at the next start.sh"
    exit 0
  fi
fi

deadline=$((SECONDS + DEPLOY_TIMEOUT))
for ear in "$deployments"/*.ear "$deployments"/*.war; do
  [ -e "$ear" ] || continue
  name="$(basename "$ear")"
  until [ -f "$ear.deployed" ] && [ ! -f "$ear.isdeploying" ] && [ ! -f "$ear.pending" ]; do
    if [ -f "$ear.failed" ]; then
      echo "Deployment of $name failed: $(cat "$ear.failed")" >&2
      tail -n 80 "$WILDFLY_LOG" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "$name was not deployed within $DEPLOY_TIMEOUT s" >&2
      tail -n 80 "$WILDFLY_LOG" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$name deployed"
done
