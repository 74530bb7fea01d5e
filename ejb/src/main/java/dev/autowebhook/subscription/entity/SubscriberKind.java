package dev.autowebhook.subscription.entity;

/** The channel a subscriber is reached by. */
public enum SubscriberKind {
  HTTP, JMS
}
