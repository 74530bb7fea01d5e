package dev.autowebhook.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM, JDK only) of secrets at rest. The key comes from
 * {@code AUTOWEBHOOK_MASTER_KEY} (any string; hashed to 256 bits); without it a random key is
 * created once in {@code data/master.key} so that the demo works out of the box — production sets
 * the variable. Ciphertexts look like {@code v1:<base64 nonce+ciphertext+tag>}.
 */
public final class SecretBox {

  private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
  private static final String PREFIX = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile SecretKeySpec key;

  private SecretBox() {}

  private static SecretKeySpec key() {
    SecretKeySpec k = key;
    if (k == null) {
      synchronized (SecretBox.class) {
        if (key == null) {
          key = new SecretKeySpec(sha256(masterKey()), "AES");
        }
        k = key;
      }
    }
    return k;
  }

  private static String masterKey() {
    String configured = Settings.get("autowebhook.master-key", null);
    if (configured != null) {
      return configured;
    }
    Path file = Path.of(Settings.get("autowebhook.data-dir", "data"), "master.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        Files.writeString(file, Base64.getEncoder().encodeToString(random));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
        LOG.warning("AUTOWEBHOOK_MASTER_KEY is not set: created a random master key in "
            + file.toAbsolutePath() + " (set the variable in production)");
      }
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + ct.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(ct, 0, out, nonce.length, ct.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public static String decrypt(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
      return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(
          "A stored secret cannot be decrypted: wrong AUTOWEBHOOK_MASTER_KEY?", e);
    }
  }
}
