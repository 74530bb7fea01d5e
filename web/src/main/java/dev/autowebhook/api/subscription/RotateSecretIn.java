package dev.autowebhook.api.subscription;

/** Optional body of a secret rotation: how long the previous secret keeps signing. */
public record RotateSecretIn(Long graceSeconds) {}
