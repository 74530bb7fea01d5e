package dev.autowebhook.inbox.control;

import dev.autowebhook.delivery.control.Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;

/**
 * Standard Webhooks verification of a received request: {@code webhook-signature} is a
 * space-separated list of {@code v1,<base64 HMAC-SHA256>} entries, one of which must be the
 * signature of {@code webhook-id.webhook-timestamp.body} with one of the given secrets, and
 * {@code webhook-timestamp} (Unix seconds) must be at most {@value #TOLERANCE_SECONDS} seconds
 * away from now. Signatures are compared in constant time.
 */
public final class InboxSignature {

  /** How far a timestamp may be from now, either way (the Standard Webhooks default). */
  public static final long TOLERANCE_SECONDS = 5 * 60;

  private static final String VERSION = "v1,";

  private InboxSignature() {}

  /** True when the request is signed with one of {@code secrets} within the tolerance. */
  public static boolean verifies(String id, String timestamp, String signatures, byte[] body,
      Collection<String> secrets, long nowSeconds) {
    if (id == null || id.isBlank() || timestamp == null || signatures == null
        || secrets.isEmpty()) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (ts < nowSeconds - TOLERANCE_SECONDS || ts > nowSeconds + TOLERANCE_SECONDS) {
      return false;
    }
    for (String secret : secrets) {
      byte[] expected = Signer.sign(secret, id, ts, body).getBytes(StandardCharsets.US_ASCII);
      for (String given : signatures.split(" ")) {
        if (given.startsWith(VERSION)
            && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
          return true;
        }
      }
    }
    return false;
  }
}
