/**
 * The admin pages over deliveries: the events list with its filters and bulk retry, the dead-letter
 * queue (the same table locked to dead deliveries) and one delivery's detail with its attempts.
 * Every action goes through {@link dev.autowebhook.delivery.boundary.Deliveries}, like the REST API.
 */
package dev.autowebhook.admin.delivery;
