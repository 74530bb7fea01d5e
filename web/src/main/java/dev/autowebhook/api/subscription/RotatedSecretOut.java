package dev.autowebhook.api.subscription;

import java.time.OffsetDateTime;

/**
 * The answer to a rotation: the new secret, shown this once, and until when the previous one is
 * still used to sign (null when there is no grace period).
 */
public record RotatedSecretOut(long id, String signingSecret,
    OffsetDateTime previousSecretValidUntil) {}
