# Settings shared by the WildFly scripts (sourced, not run). Every one can be set in the environment.
#   WILDFLY_BASE      where the distribution is unpacked (default: <repo>/target/wildfly)
#   WILDFLY_VERSION   org.wildfly:wildfly-dist version (39.0.1.Final)
#   WILDFLY_PORT_OFFSET  jboss.socket.binding.port-offset (0: HTTP 8080, management 9990)
#   AUTOWEBHOOK_DB_URL / _USER / _PASSWORD  the PostgreSQL database (configure.sh stores them)
#   AUTOWEBHOOK_JMS_TOPIC  the JMS topic configure.sh creates (autowebhook_events)
#   EAR               the application (default: <repo>/ear/target/autowebhook.ear)
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/../.." && pwd)"
WILDFLY_VERSION="${WILDFLY_VERSION:-39.0.1.Final}"
WILDFLY_BASE="${WILDFLY_BASE:-$REPO_DIR/target/wildfly}"
WILDFLY_HOME="$WILDFLY_BASE/wildfly-$WILDFLY_VERSION"
WILDFLY_PORT_OFFSET="${WILDFLY_PORT_OFFSET:-0}"
WILDFLY_HTTP_PORT=$((8080 + WILDFLY_PORT_OFFSET))
WILDFLY_MGMT_PORT=$((9990 + WILDFLY_PORT_OFFSET))
WILDFLY_CONFIG=standalone-full.xml
WILDFLY_LOG="$WILDFLY_HOME/standalone/log/server.log"
WILDFLY_PID_FILE="$WILDFLY_BASE/wildfly.pid"
ECLIPSELINK_VERSION="${ECLIPSELINK_VERSION:-4.0.8}"
ECLIPSELINK_ASM_VERSION="${ECLIPSELINK_ASM_VERSION:-9.8.0}"
AUTOWEBHOOK_DB_URL="${AUTOWEBHOOK_DB_URL:-jdbc:postgresql://localhost:5432/autowebhook}"
AUTOWEBHOOK_DB_USER="${AUTOWEBHOOK_DB_USER:-autowebhook}"
AUTOWEBHOOK_DB_PASSWORD="${AUTOWEBHOOK_DB_PASSWORD:-autowebhook}"
AUTOWEBHOOK_JMS_TOPIC="${AUTOWEBHOOK_JMS_TOPIC:-autowebhook_events}"
EAR="${EAR:-$REPO_DIR/ear/target/autowebhook.ear}"
MVN="${MVN:-mvn}"
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

cli() {
  "$WILDFLY_HOME/bin/jboss-cli.sh" --controller="127.0.0.1:$WILDFLY_MGMT_PORT" "$@"
}

# true while the server answers on its management port
wildfly_running() {
  cli --connect --command=':read-attribute(name=server-state)' > /dev/null 2>&1
}
