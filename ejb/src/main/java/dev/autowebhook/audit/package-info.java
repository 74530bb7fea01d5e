/** Audit: who changed configuration, retried or buried deliveries, rotated secrets — and when. */
package dev.autowebhook.audit;
