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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM, JDK only) of secrets at rest, under a key ring so that
 * the master key can be rotated. The current key comes from {@code AUTOWEBHOOK_MASTER_KEY} (any
 * string; hashed to 256 bits); without it a random key is created once in {@code
 * data/master.key} so that the demo works out of the box — production sets the variable. {@code
 * AUTOWEBHOOK_MASTER_KEY_PREVIOUS}, during a rotation, only decrypts.
 *
 * <p>A ciphertext names its key: {@code v2:<key id>:<base64 nonce+ciphertext+tag>}, the key id
 * being 8 hex digits of a hash of the derived key (never the key) and bound to the ciphertext as
 * GCM associated data. Values of the first format, {@code v1:<base64 …>}, carry no id: they are
 * tried with the current key, then the previous one. {@link #isCurrent} tells the rotation job
 * what to re-encrypt.
 */
public final class SecretBox {

  private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
  static final String V1 = "v1:";
  static final String V2 = "v2:";
  static final String CURRENT_PROPERTY = "autowebhook.master-key";
  static final String PREVIOUS_PROPERTY = "autowebhook.master-key-previous";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] KEY_ID_LABEL =
      "autowebhook master key id\n".getBytes(StandardCharsets.UTF_8);
  private static final String UNREADABLE =
      "A stored secret cannot be decrypted: wrong AUTOWEBHOOK_MASTER_KEY?";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile Ring ring;

  /** One AES key and its public id. {@code toString} shows the id only. */
  record Key(String id, SecretKeySpec spec) {

    static Key of(String master) {
      byte[] derived = sha256(master.getBytes(StandardCharsets.UTF_8));
      byte[] labelled = new byte[KEY_ID_LABEL.length + derived.length];
      System.arraycopy(KEY_ID_LABEL, 0, labelled, 0, KEY_ID_LABEL.length);
      System.arraycopy(derived, 0, labelled, KEY_ID_LABEL.length, derived.length);
      String id = HexFormat.of().formatHex(sha256(labelled), 0, 4);
      return new Key(id, new SecretKeySpec(derived, "AES"));
    }

    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }

  /** The current key, which encrypts, and the previous one (or null), which only decrypts. */
  record Ring(Key current, Key previous) {

    /** The keys to try, current first. */
    List<Key> keys() {
      List<Key> keys = new ArrayList<>(2);
      keys.add(current);
      if (previous != null) {
        keys.add(previous);
      }
      return keys;
    }

    Key byId(String id) {
      return keys().stream().filter(k -> k.id().equals(id)).findFirst().orElse(null);
    }
  }

  private SecretBox() {}

  /**
   * The most UTF-8 bytes of plain text whose ciphertext fits a column of {@code columnChars}
   * characters (the v2 prefix with its 8-digit key id, then base64 of the 12-byte nonce, the text
   * and the 16-byte tag).
   */
  public static int capacity(int columnChars) {
    return (columnChars - (V2.length() + 8 + 1)) / 4 * 3 - NONCE_BYTES - TAG_BITS / 8;
  }

  private static Ring ring() {
    Ring r = ring;
    if (r == null) {
      synchronized (SecretBox.class) {
        if (ring == null) {
          ring = load();
        }
        r = ring;
      }
    }
    return r;
  }

  private static Ring load() {
    Key current = Key.of(masterKey());
    String previousKey = Settings.get(PREVIOUS_PROPERTY, null);
    Key previous = previousKey == null ? null : Key.of(previousKey);
    if (previous != null && previous.id().equals(current.id())) {
      previous = null;
    }
    Ring r = new Ring(current, previous);
    // key ids only: a key is never logged
    LOG.info(() -> "Secrets at rest are encrypted under master key id " + current.id()
        + (r.previous() == null ? "" : "; AUTOWEBHOOK_MASTER_KEY_PREVIOUS (key id "
            + r.previous().id() + ") still decrypts: run the master-key-rotation job, then remove"
            + " it"));
    return r;
  }

  /** Forgets the key ring so that the next use reads the settings again (unit tests). */
  static synchronized void reset() {
    ring = null;
  }

  private static String masterKey() {
    String configured = Settings.get(CURRENT_PROPERTY, null);
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

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of the key new ciphertexts are made with (8 hex digits; not secret). */
  public static String currentKeyId() {
    return ring().current().id();
  }

  /** The prefix of every value encrypted under the current key, {@code v2:<key id>:}. */
  public static String currentPrefix() {
    return V2 + currentKeyId() + ":";
  }

  /** Whether a stored value is null or already encrypted under the current key. */
  public static boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(currentPrefix());
  }

  public static String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    Key key = ring().current();
    String prefix = V2 + key.id() + ":";
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + ct.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(ct, 0, out, nonce.length, ct.length);
      return prefix + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  /**
   * The plain text of a stored value; a value without a {@code v1:}/{@code v2:} prefix (stored
   * before encryption existed) is returned as it is. Throws {@link IllegalStateException} when no
   * key of the ring opens it, or it was altered.
   */
  public static String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(V2)) {
      return decryptV2(stored);
    }
    if (stored.startsWith(V1)) {
      return decryptV1(stored);
    }
    return stored;
  }

  /** The value encrypted under the current key: itself if it already is (or null). */
  public static String reencrypt(String stored) {
    return isCurrent(stored) ? stored : encrypt(decrypt(stored));
  }

  private static String decryptV2(String stored) {
    int colon = stored.indexOf(':', V2.length());
    if (colon < 0) {
      throw new IllegalStateException(UNREADABLE + " (not a v2:<key id>:<data> value)");
    }
    String id = stored.substring(V2.length(), colon);
    Ring r = ring();
    Key key = r.byId(id);
    if (key == null) {
      throw new IllegalStateException(UNREADABLE + " It was encrypted under master key id "
          + printable(id) + ", which is neither AUTOWEBHOOK_MASTER_KEY (id " + r.current().id()
          + ") nor AUTOWEBHOOK_MASTER_KEY_PREVIOUS"
          + (r.previous() == null ? " (not set)" : " (id " + r.previous().id() + ")"));
    }
    try {
      return open(key, stored.substring(0, colon + 1), stored.substring(colon + 1));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException(UNREADABLE + " (altered, or not made with key id " + id
          + ")", e);
    }
  }

  private static String decryptV1(String stored) {
    Exception first = null;
    for (Key key : ring().keys()) {
      try {
        return open(key, null, stored.substring(V1.length()));
      } catch (GeneralSecurityException | RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    throw new IllegalStateException(UNREADABLE, first);
  }

  private static String open(Key key, String aad, String data) throws GeneralSecurityException {
    byte[] in = Base64.getDecoder().decode(data);
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      // GCM on JDK 17 throws a ProviderException for input shorter than the tag
      throw new GeneralSecurityException("too short for a nonce and a tag");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
    if (aad != null) {
      c.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
    }
    return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
        StandardCharsets.UTF_8);
  }

  /** A key id as it may be shown: at most 16 safe characters of what the column held. */
  private static String printable(String id) {
    String s = id.length() > 16 ? id.substring(0, 16) + "…" : id;
    return "'" + s.replaceAll("[^0-9A-Za-z]", "?") + "'";
  }
}
