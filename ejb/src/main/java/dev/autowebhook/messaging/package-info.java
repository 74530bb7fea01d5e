/**
 * Messaging: the JMS delivery channel for enterprise consumers. A {@code jms} subscriber names a
 * queue or topic, and each event is published there as a JSON text message with its model, event,
 * priority and id as message properties.
 */
package dev.autowebhook.messaging;
