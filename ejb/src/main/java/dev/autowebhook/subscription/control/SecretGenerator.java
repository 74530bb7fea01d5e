package dev.autowebhook.subscription.control;

import java.security.SecureRandom;
import java.util.Base64;

/** New Standard Webhooks signing secrets: {@code whsec_} + base64 of 24 random bytes. */
public final class SecretGenerator {

  public static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretGenerator() {}

  public static String newSecret() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }
}
