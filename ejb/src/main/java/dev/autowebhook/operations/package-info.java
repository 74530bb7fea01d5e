/**
 * Operations: the Jakarta Batch jobs of the {@code batch-jobs} module (event and audit cleanup,
 * feed archival, replay) — which exist, what parameters they take, starting them on demand or on
 * their daily timer, and their executions' status and step counts. The work itself lives in the
 * owning features' boundaries; the jobs only page through ids and commit in bounded chunks.
 */
package dev.autowebhook.operations;
