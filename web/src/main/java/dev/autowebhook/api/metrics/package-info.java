/**
 * Metrics: {@code GET /metrics}, the application's Prometheus registry in the text exposition
 * format (a servlet beside the JAX-RS API, so it is neither under {@code /api/v1} nor in the
 * OpenAPI contract).
 */
package dev.autowebhook.api.metrics;
