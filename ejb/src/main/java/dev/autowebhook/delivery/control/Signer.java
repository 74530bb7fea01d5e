package dev.autowebhook.delivery.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>} with
 * secrets of the form {@code whsec_<base64>}; several secrets (rotation) give several
 * space-separated signatures in one header.
 */
public final class Signer {

  public static final String SECRET_PREFIX = "whsec_";

  private Signer() {}

  public static String sign(String secret, String msgId, long timestampSeconds, byte[] body) {
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length())
        : secret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
      mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /** The {@code webhook-signature} header value for all given secrets. */
  public static String header(List<String> secrets, String msgId, long timestampSeconds,
      byte[] body) {
    StringBuilder sb = new StringBuilder();
    for (String s : secrets) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(sign(s, msgId, timestampSeconds, body));
    }
    return sb.toString();
  }
}
