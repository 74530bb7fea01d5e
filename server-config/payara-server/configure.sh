#!/usr/bin/env bash
# Creates and configures the Payara Server domain $PAYARA_DOMAIN for Auto Webhook; idempotent (run
# it again after changing a setting). asadmin needs a running server, so this starts the domain
# and leaves it running (deploy.sh next).
#  - the domain under $PAYARA_BASE/domains with port base $PAYARA_PORT_BASE, no admin password
#    (listens on all interfaces: put a password on it with change-admin-password outside tests)
#  - the database as system properties autowebhook.db.url/.user/.password, read by the app's own
#    data source java:app/jdbc/autowebhook (@DataSourceDefinition; PostgreSQL driver inside the
#    EAR, so no add-library and no server pool are needed)
#  - JMS on the built-in OpenMQ broker (embedded): connection factory jms/autowebhook, which the
#    app uses (autowebhook.jms.connection-factory), and the topic $AUTOWEBHOOK_JMS_TOPIC
#    (resource jms/topic/$AUTOWEBHOOK_JMS_TOPIC); outside consumers connect to
#    mq://<host>:$PAYARA_JMS_PORT (OpenMQ names: letters, digits, _ and $ only)
#  - Payara's own MP Metrics off and moved to /payara-metrics (the app serves /metrics itself);
#    MP Health stays on (/health)
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ ! -x "$PAYARA_HOME/bin/asadmin" ]; then
  echo "No Payara Server in $PAYARA_HOME: run download.sh first" >&2
  exit 1
fi
if [ ! -d "$PAYARA_DOMAINS/$PAYARA_DOMAIN" ]; then
  "$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --domaindir "$PAYARA_DOMAINS" \
    --portbase "$PAYARA_PORT_BASE" --nopassword=true "$PAYARA_DOMAIN"
fi
if ! payara_running; then
  start_domain
fi

# asadmin property syntax: name=value pairs joined by ':', with ':' in a value escaped
escape() {
  local v="${1//\\/\\\\}"
  printf '%s' "${v//:/\\:}"
}
asadmin create-system-properties "autowebhook.db.url=$(escape "$AUTOWEBHOOK_DB_URL"):autowebhook.db.user=$(escape "$AUTOWEBHOOK_DB_USER"):autowebhook.db.password=$(escape "$AUTOWEBHOOK_DB_PASSWORD"):autowebhook.jms.connection-factory=jms/autowebhook"

resources="$(asadmin list-jms-resources)"
if ! grep -qx "jms/autowebhook" <<< "$resources"; then
  asadmin create-jms-resource --restype jakarta.jms.ConnectionFactory jms/autowebhook
fi
if ! grep -qx "jms/topic/$AUTOWEBHOOK_JMS_TOPIC" <<< "$resources"; then
  asadmin create-jms-resource --restype jakarta.jms.Topic \
    --property "Name=$AUTOWEBHOOK_JMS_TOPIC" "jms/topic/$AUTOWEBHOOK_JMS_TOPIC"
fi
if ! asadmin list-jmsdest --desttype topic | grep -q "^$AUTOWEBHOOK_JMS_TOPIC\b"; then
  asadmin create-jmsdest --desttype topic "$AUTOWEBHOOK_JMS_TOPIC"
fi

# the app serves /metrics itself; Payara's MP Metrics would keep claiming /metrics even disabled
asadmin set-metrics-configuration --enabled=false --endpoint=payara-metrics --dynamic=true
if ! asadmin get-microprofile-healthcheck-configuration | grep -q "^true"; then
  asadmin set-microprofile-healthcheck-configuration --enabled=true
fi
echo "Payara Server domain $PAYARA_DOMAIN configured and running: database $AUTOWEBHOOK_DB_URL as $AUTOWEBHOOK_DB_USER, JMS topic $AUTOWEBHOOK_JMS_TOPIC, admin http://127.0.0.1:$PAYARA_ADMIN_PORT"
