#!/usr/bin/env bash
# Starts the domain $PAYARA_DOMAIN in the background (asadmin start-domain returns once the server
# and its applications are up; add --verbose by hand for a foreground server) and checks that
# the application is deployed. AUTOWEBHOOK_* variables in this environment reach the application
# (e.g. AUTOWEBHOOK_ADMIN_USER); the database comes from configure.sh.
# Log: $PAYARA_BASE/domains/$PAYARA_DOMAIN/logs/server.log
set -euo pipefail
source "$(dirname "$0")/env.sh"

if payara_running; then
  echo "Payara Server domain $PAYARA_DOMAIN is already running"
else
  start_domain
fi
if ! asadmin list-applications | grep -q "^autowebhook\b"; then
  echo "autowebhook is not deployed: run deploy.sh" >&2
  exit 1
fi
echo "Payara Server is running: http://127.0.0.1:$PAYARA_HTTP_PORT/"
