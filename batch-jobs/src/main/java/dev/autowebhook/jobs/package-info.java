/**
 * The Jakarta Batch artifacts of the jobs in {@code META-INF/batch-jobs}: each job pages through
 * ids with a {@link dev.autowebhook.jobs.IdReader} (its checkpoint is the last id read, so a
 * restart goes on where the last checkpoint ended) and hands each chunk to a writer that calls
 * the owning feature's boundary, which commits the chunk in a transaction of its own — the batch
 * runtime's job repository is a second non-XA resource that cannot join it. Every writer re-checks
 * its rows, so a chunk repeated after a crash between that commit and the checkpoint is harmless.
 * Bounded item counts: one chunk is one short transaction, never one giant DELETE.
 */
package dev.autowebhook.jobs;
