#!/usr/bin/env bash
# Unpacks WildFly (org.wildfly:wildfly-dist, from Maven Central or ~/.m2) into $WILDFLY_BASE and
# fetches the EclipseLink jars that configure.sh installs as a module. Idempotent.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ -x "$WILDFLY_HOME/bin/standalone.sh" ]; then
  echo "WildFly $WILDFLY_VERSION already in $WILDFLY_HOME"
else
  mkdir -p "$WILDFLY_BASE"
  (cd "$WILDFLY_BASE" && "$MVN" -B -q -Dstyle.color=never "$DEPENDENCY_PLUGIN:unpack" \
    -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:tar.gz" -DoutputDirectory="$WILDFLY_BASE")
  echo "WildFly $WILDFLY_VERSION unpacked in $WILDFLY_HOME"
fi
mkdir -p "$WILDFLY_BASE/eclipselink"
for a in org.eclipse.persistence.core:$ECLIPSELINK_VERSION org.eclipse.persistence.jpa:$ECLIPSELINK_VERSION \
         org.eclipse.persistence.jpa.jpql:$ECLIPSELINK_VERSION org.eclipse.persistence.asm:$ECLIPSELINK_ASM_VERSION; do
  name="${a%%:*}-${a##*:}.jar"
  if [ ! -f "$WILDFLY_BASE/eclipselink/$name" ]; then
    (cd "$WILDFLY_BASE" && "$MVN" -B -q -Dstyle.color=never "$DEPENDENCY_PLUGIN:copy" \
      -Dartifact="org.eclipse.persistence:$a:jar" -DoutputDirectory="$WILDFLY_BASE/eclipselink")
  fi
done
echo "EclipseLink $ECLIPSELINK_VERSION jars in $WILDFLY_BASE/eclipselink"
