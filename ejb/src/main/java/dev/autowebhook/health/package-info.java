/**
 * Health: MicroProfile Health probes for orchestrators and load balancers. Liveness says whether
 * the delivery loop still turns (a restart would help); readiness whether this node can do its
 * work now: database reachable, dispatcher started, no delivery waiting past its time for longer
 * than {@code autowebhook.health.max-backlog-age-seconds}. Data fields carry counts and ages only.
 */
package dev.autowebhook.health;
