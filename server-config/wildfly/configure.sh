#!/usr/bin/env bash
# Configures the unpacked WildFly (standalone-full.xml) for Auto Webhook, offline through an
# embedded CLI server (the server must be stopped). Idempotent: run it again after changing a setting.
#  - EclipseLink (core, jpa, jpa.jpql, asm) added to the org.eclipse.persistence module, next to
#    WildFly's jipijapa integration (the aggregate eclipselink.jar would make JSON-B fall back to MOXy)
#  - MicroProfile Fault Tolerance and Health (no security); Config and JWT are there already.
#    Not OpenAPI (see below): /openapi is served on Payara only
#  - a JMS topic $AUTOWEBHOOK_JMS_TOPIC on the built-in Artemis; the app publishes through the
#    pooled factory java:/JmsXA (autowebhook.jms.connection-factory)
#  - the database as system properties autowebhook.db.url/.user/.password, read by the app's own
#    data source java:app/jdbc/autowebhook (@DataSourceDefinition; PostgreSQL driver inside the EAR)
#  - EclipseLink without weaving (system property eclipselink.weaving=false, see below)
#  - Jakarta Security without integrated JASPI (the app has its own identity store)
#  - optionally an application user for outside JMS consumers (WILDFLY_JMS_CLIENT_USER/_PASSWORD,
#    role guest: may consume and create non-durable subscriptions)
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ ! -x "$WILDFLY_HOME/bin/standalone.sh" ]; then
  echo "No WildFly in $WILDFLY_HOME: run download.sh first" >&2
  exit 1
fi
if wildfly_running; then
  echo "WildFly is running on management port $WILDFLY_MGMT_PORT: run stop.sh first" >&2
  exit 1
fi

# EclipseLink into WildFly's own org.eclipse.persistence module
module_dir="$WILDFLY_HOME/modules/system/layers/base/org/eclipse/persistence/main"
jars=()
for a in core jpa jpa.jpql; do
  jars+=("org.eclipse.persistence.$a-$ECLIPSELINK_VERSION.jar")
done
jars+=("org.eclipse.persistence.asm-$ECLIPSELINK_ASM_VERSION.jar")
for jar in "${jars[@]}"; do
  if [ ! -f "$WILDFLY_BASE/eclipselink/$jar" ]; then
    echo "Missing $WILDFLY_BASE/eclipselink/$jar: run download.sh first" >&2
    exit 1
  fi
  cp "$WILDFLY_BASE/eclipselink/$jar" "$module_dir/"
done
if [ ! -f "$module_dir/module.xml.orig" ]; then
  cp "$module_dir/module.xml" "$module_dir/module.xml.orig"
fi
roots=""
for jar in "${jars[@]}"; do
  roots+="        <resource-root path=\"$jar\"/>\n"
done
sed -e "s#^\( *<resource-root path=\"jipijapa-eclipselink-.*\"/>\)#\1\n$roots#" \
    -e "s#^\( *<module name=\"java.logging\"/>\)#        <module name=\"java.se\"/>\n        <module name=\"jdk.unsupported\"/>\n\1#" \
    "$module_dir/module.xml.orig" > "$module_dir/module.xml"

cli_file="$WILDFLY_BASE/configure.cli"
add_or_write() { # resource, attribute, value
  cat <<CLI
if (outcome == success) of $1:read-resource
  $1:write-attribute(name=$2, value="$3")
else
  $1:add($2="$3")
end-if
CLI
}
add_subsystem() { # extension module, subsystem, add arguments
  cat <<CLI
if (outcome != success) of /subsystem=$2:read-resource
  /extension=$1:add
  /subsystem=$2:add($3)
end-if
CLI
}
{
  echo "embed-server --server-config=$WILDFLY_CONFIG --std-out=discard"
  add_subsystem org.wildfly.extension.microprofile.fault-tolerance-smallrye microprofile-fault-tolerance-smallrye ""
  add_subsystem org.wildfly.extension.microprofile.health-smallrye microprofile-health-smallrye "security-enabled=false"
  # Not MicroProfile OpenAPI: WildFly 39 implements MP OpenAPI 4 (OpenAPI 3.1), whose Schema API
  # changed types (exclusiveMaximum is a number there); the app's OpenAPI filter is written for
  # MP OpenAPI 3.1 (Payara) and its deployment fails with NoSuchMethodError. Removed if present.
  cat <<CLI
if (outcome == success) of /subsystem=microprofile-openapi-smallrye:read-resource
  /subsystem=microprofile-openapi-smallrye:remove
  /extension=org.wildfly.extension.microprofile.openapi-smallrye:remove
end-if
CLI
  cat <<CLI
if (outcome != success) of /subsystem=messaging-activemq/server=default/jms-topic=$AUTOWEBHOOK_JMS_TOPIC:read-resource
  /subsystem=messaging-activemq/server=default/jms-topic=$AUTOWEBHOOK_JMS_TOPIC:add(entries=["java:/jms/topic/$AUTOWEBHOOK_JMS_TOPIC"])
end-if
CLI
  # the app authenticates with Jakarta Security and its own identity store (users in the database):
  # WildFly must take that identity as it is instead of looking it up again in ApplicationRealm
  echo '/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi, value=false)'
  # EclipseLink reads eclipselink.* system properties for what persistence.xml leaves unset. The
  # unit starts after the app's classes are loaded (its data source is the app's own), too late
  # for WildFly to weave them: EclipseLink must not expect woven entities (NoSuchMethodError
  # _persistence_checkFetched otherwise). Lazy to-one relations are then loaded eagerly.
  add_or_write /system-property=eclipselink.weaving value false
  add_or_write /system-property=autowebhook.db.url value "$AUTOWEBHOOK_DB_URL"
  add_or_write /system-property=autowebhook.db.user value "$AUTOWEBHOOK_DB_USER"
  add_or_write /system-property=autowebhook.db.password value "$AUTOWEBHOOK_DB_PASSWORD"
  add_or_write /system-property=autowebhook.jms.connection-factory value "java:/JmsXA"
  echo "stop-embedded-server"
} > "$cli_file"
"$WILDFLY_HOME/bin/jboss-cli.sh" --file="$cli_file" > "$WILDFLY_BASE/configure.out" 2>&1 || {
  cat "$WILDFLY_BASE/configure.out" >&2
  exit 1
}

if [ -n "${WILDFLY_JMS_CLIENT_USER:-}" ] && [ -n "${WILDFLY_JMS_CLIENT_PASSWORD:-}" ]; then
  "$WILDFLY_HOME/bin/add-user.sh" -s -a -u "$WILDFLY_JMS_CLIENT_USER" -p "$WILDFLY_JMS_CLIENT_PASSWORD" -g guest
fi
echo "WildFly configured ($WILDFLY_HOME, $WILDFLY_CONFIG): database $AUTOWEBHOOK_DB_URL as $AUTOWEBHOOK_DB_USER, JMS topic $AUTOWEBHOOK_JMS_TOPIC"
