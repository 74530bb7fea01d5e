#!/usr/bin/env bash
# Unpacks Payara Server (fish.payara.distributions:payara zip, from Maven Central or ~/.m2) into
# $PAYARA_BASE. Idempotent.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ -x "$PAYARA_HOME/bin/asadmin" ]; then
  echo "Payara Server $PAYARA_VERSION already in $PAYARA_HOME"
  exit 0
fi
mkdir -p "$PAYARA_BASE"
(cd "$PAYARA_BASE" && "$MVN" -B -q -Dstyle.color=never "$DEPENDENCY_PLUGIN:unpack" \
  -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" -DoutputDirectory="$PAYARA_BASE")
chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/* "$PAYARA_HOME"/mq/bin/* 2>/dev/null || true
echo "Payara Server $PAYARA_VERSION unpacked in $PAYARA_HOME"
