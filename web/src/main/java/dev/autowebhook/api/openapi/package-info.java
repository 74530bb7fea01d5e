/**
 * The OpenAPI contract at {@code /openapi}: what Payara scans from the resources' annotations,
 * completed by {@link dev.autowebhook.api.openapi.ContractFilter} (ids, error responses, security,
 * JSON-B schemas) so that it is lint-clean also for resources the filter has never seen.
 */
package dev.autowebhook.api.openapi;
