#!/usr/bin/env bash
# Builds Auto Webhook and runs it on Payara Micro in the foreground (Ctrl-C or SIGTERM stops it).
# Embedded H2 file database in ./data unless AUTOWEBHOOK_DB_URL points at PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

mvn -q -B -DskipTests -pl web -am package

export AUTOWEBHOOK_HTTP_PORT="${AUTOWEBHOOK_HTTP_PORT:-8080}"
# The demo delivers to the built-in inbox on loopback; production leaves this unset (private
# and loopback targets are then refused) or lists only the ranges it really needs.
export AUTOWEBHOOK_ALLOWED_TARGETS="${AUTOWEBHOOK_ALLOWED_TARGETS-127.0.0.0/8,::1/128}"
mkdir -p data

echo "Auto Webhook: starting on http://localhost:${AUTOWEBHOOK_HTTP_PORT}/ (admin user: ${AUTOWEBHOOK_ADMIN_USER:-admin})"
# At least 2 common-pool threads: with 1 (the JVM's default on 2 cores) every response of the
# JDK HttpClient's sendAsync, i.e. every webhook delivery, starts a thread of its own.
pool=$(( $(nproc) > 3 ? $(nproc) - 1 : 2 ))
exec java ${JAVA_OPTS:--Xmx768m} -Djava.util.concurrent.ForkJoinPool.common.parallelism=$pool \
  -jar web/target/runtime/payara-micro-*.jar \
  --nocluster \
  --port "${AUTOWEBHOOK_HTTP_PORT}" \
  --contextroot / \
  --prebootcommandfile server-config/payara-micro/pre-boot.asadmin \
  --postbootcommandfile server-config/payara-micro/post-boot.asadmin \
  --deploy web/target/autowebhook.war
