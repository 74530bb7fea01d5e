/**
 * Subscribers and webhook configs pages: edits go through {@code SubscriberIn}/{@code ConfigIn}
 * and the same boundaries as the REST API, so the UI and the API validate and map alike.
 */
package dev.autowebhook.admin.subscription;
