package dev.autowebhook.subscription.entity;

/** How requests to a subscriber authenticate, besides the signature that every request carries. */
public enum AuthType {
  NONE, BEARER, API_KEY, BASIC
}
