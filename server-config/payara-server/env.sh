# Settings shared by the Payara Server scripts (sourced, not run). Every one can be set in the environment.
#   PAYARA_BASE       where the distribution is unpacked (default: <repo>/target/payara-server)
#   PAYARA_VERSION    fish.payara.distributions:payara version (6.2025.9)
#   PAYARA_DOMAIN     the domain configure.sh creates (autowebhook), under $PAYARA_BASE/domains
#   PAYARA_PORT_BASE  the domain's port base (8000: HTTP 8080, admin 8048, JMS broker 8076)
#   AUTOWEBHOOK_DB_URL / _USER / _PASSWORD  the PostgreSQL database (configure.sh stores them)
#   AUTOWEBHOOK_JMS_TOPIC  the JMS topic configure.sh creates (autowebhook_events)
#   EAR               the application (default: <repo>/ear/target/autowebhook.ear)
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/../.." && pwd)"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.9}"
PAYARA_BASE="${PAYARA_BASE:-$REPO_DIR/target/payara-server}"
PAYARA_HOME="$PAYARA_BASE/payara6"
PAYARA_DOMAINS="$PAYARA_BASE/domains"
PAYARA_DOMAIN="${PAYARA_DOMAIN:-autowebhook}"
PAYARA_PORT_BASE="${PAYARA_PORT_BASE:-8000}"
PAYARA_HTTP_PORT=$((PAYARA_PORT_BASE + 80))
PAYARA_ADMIN_PORT=$((PAYARA_PORT_BASE + 48))
PAYARA_JMS_PORT=$((PAYARA_PORT_BASE + 76))
PAYARA_LOG="$PAYARA_DOMAINS/$PAYARA_DOMAIN/logs/server.log"
AUTOWEBHOOK_DB_URL="${AUTOWEBHOOK_DB_URL:-jdbc:postgresql://localhost:5432/autowebhook}"
AUTOWEBHOOK_DB_USER="${AUTOWEBHOOK_DB_USER:-autowebhook}"
AUTOWEBHOOK_DB_PASSWORD="${AUTOWEBHOOK_DB_PASSWORD:-autowebhook}"
AUTOWEBHOOK_JMS_TOPIC="${AUTOWEBHOOK_JMS_TOPIC:-autowebhook_events}"
EAR="${EAR:-$REPO_DIR/ear/target/autowebhook.ear}"
MVN="${MVN:-mvn}"
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

asadmin() {
  "$PAYARA_HOME/bin/asadmin" --port "$PAYARA_ADMIN_PORT" --interactive=false "$@"
}

# true while the domain runs
payara_running() {
  "$PAYARA_HOME/bin/asadmin" list-domains --domaindir "$PAYARA_DOMAINS" 2>/dev/null \
    | grep -q "^$PAYARA_DOMAIN running"
}

# starts the domain (the server inherits this environment: AUTOWEBHOOK_* reach the app)
start_domain() {
  cd "$PAYARA_BASE" # the server's working directory: the app's relative paths (./data) land here
  "$PAYARA_HOME/bin/asadmin" start-domain --domaindir "$PAYARA_DOMAINS" "$PAYARA_DOMAIN" || {
    tail -n 80 "$PAYARA_LOG" >&2 || true
    return 1
  }
}
