#!/usr/bin/env bash
# Stops the domain $PAYARA_DOMAIN. No-op when it is not running.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if payara_running; then
  "$PAYARA_HOME/bin/asadmin" stop-domain --domaindir "$PAYARA_DOMAINS" "$PAYARA_DOMAIN"
fi
echo "Payara Server stopped"
