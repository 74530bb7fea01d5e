package dev.autowebhook.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * New API tokens ({@code awt_} + base64url of 32 random bytes, 47 characters) and what is stored
 * of them: the hex SHA-256 and the first 8 characters after the prefix. The fixed shape lets a
 * request with a malformed token be refused without a database lookup.
 */
public final class TokenGenerator {

  public static final String PREFIX = "awt_";
  /** Characters of the token shown in lists (after {@link #PREFIX}). */
  public static final int SHOWN = 8;
  private static final Pattern SHAPE = Pattern.compile("awt_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenGenerator() {}

  public static String newToken() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** Whether {@code token} has the shape of a token this class issues. */
  public static boolean wellFormed(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  /** Lower-case hex SHA-256 of the whole token (prefix included). */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The characters shown in lists so that admins can tell tokens apart. */
  public static String shown(String token) {
    return token.substring(PREFIX.length(), PREFIX.length() + SHOWN);
  }
}
