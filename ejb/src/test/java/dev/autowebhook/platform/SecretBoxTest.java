package dev.autowebhook.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key ring through system properties (set before SecretBox reads them, so no data/master.key
 * file is ever created): formats, tampering, rotation from key A to key B, and values of the
 * first format ({@code v1:}, no key id) made by the release before the key ring.
 */
class SecretBoxTest {

  static final String KEY_A = "unit-test-master-key";
  static final String KEY_B = "second-unit-test-master-key";
  static final String KEY_C = "third-unit-test-master-key";
  /** Made by the previous SecretBox (commit 34ce592) under KEY_A: v1, no key id. */
  static final String V1_UNDER_A =
      "v1:qUAYE7ml4wnLYcmo/rJNSGUbrjptfYRRnwCrxOUqCfvmFr0h2EDmW70I7c+FAipTNQ==";
  static final String V1_PLAIN = "legacy whsec_v1-value";

  @BeforeEach
  void keyA() {
    use(KEY_A, null);
  }

  @AfterAll
  static void backToKeyA() {
    use(KEY_A, null);
  }

  static void use(String current, String previous) {
    System.setProperty(SecretBox.CURRENT_PROPERTY, current);
    if (previous == null) {
      System.clearProperty(SecretBox.PREVIOUS_PROPERTY);
    } else {
      System.setProperty(SecretBox.PREVIOUS_PROPERTY, previous);
    }
    SecretBox.reset();
  }

  /** The key id as specified: 8 hex of SHA-256(label + SHA-256(master key)). */
  static String idOf(String master) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] derived = sha.digest(master.getBytes(StandardCharsets.UTF_8));
    sha.update("autowebhook master key id\n".getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(derived)).substring(0, 8);
  }

  static byte[] raw(String stored) {
    return Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
  }

  static String head(String stored) {
    return stored.substring(0, stored.lastIndexOf(':') + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3cr3t", "", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "ünïcødé €",
      "{\"X-Api\":\"a\\nb\"}"})
  void roundTrip(String plain) {
    String stored = SecretBox.encrypt(plain);

    assertThat(stored).startsWith("v2:").doesNotContain(plain.isEmpty() ? "\u0000" : plain);
    assertThat(SecretBox.decrypt(stored)).isEqualTo(plain);
  }

  @Test
  void aCiphertextNamesItsKeyById() throws Exception {
    String stored = SecretBox.encrypt("abc");

    assertThat(stored).matches("v2:[0-9a-f]{8}:[A-Za-z0-9+/]+=*");
    assertThat(stored).startsWith("v2:" + idOf(KEY_A) + ":");
    assertThat(SecretBox.currentKeyId()).isEqualTo(idOf(KEY_A));
    assertThat(SecretBox.currentPrefix()).isEqualTo("v2:" + idOf(KEY_A) + ":");
    use(KEY_B, null);
    assertThat(SecretBox.encrypt("abc")).startsWith("v2:" + idOf(KEY_B) + ":");
    assertThat(idOf(KEY_B)).isNotEqualTo(idOf(KEY_A));
  }

  @Test
  void longSecretRoundTrip() {
    String plain = "x".repeat(10_000);
    assertThat(SecretBox.decrypt(SecretBox.encrypt(plain))).isEqualTo(plain);
  }

  @Test
  void ciphertextIsNonceCiphertextAndTag() {
    assertThat(raw(SecretBox.encrypt("abc"))).hasSize(12 + 3 + 16);
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    Set<String> ciphertexts = new HashSet<>();
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String stored = SecretBox.encrypt("same secret");
      ciphertexts.add(stored);
      nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(raw(stored), 12)));
    }
    assertThat(ciphertexts).hasSize(200);
    assertThat(nonces).hasSize(200);
  }

  @Test
  void nullPassesThrough() {
    assertThat(SecretBox.encrypt(null)).isNull();
    assertThat(SecretBox.decrypt(null)).isNull();
    assertThat(SecretBox.reencrypt(null)).isNull();
    assertThat(SecretBox.isCurrent(null)).isTrue();
  }

  @Test
  void unencryptedLegacyValuePassesThrough() {
    assertThat(SecretBox.decrypt("plain-old-value")).isEqualTo("plain-old-value");
    assertThat(SecretBox.decrypt("")).isEmpty();
  }

  private static String flip(String stored, int index) {
    byte[] raw = raw(stored);
    int i = index < 0 ? raw.length + index : index;
    raw[i] ^= 0x01;
    return head(stored) + Base64.getEncoder().encodeToString(raw);
  }

  /** Nonce (0, 11), ciphertext (12, 14) and tag (-1, -16) bytes: GCM's tag check fails. */
  @ParameterizedTest
  @ValueSource(ints = {0, 11, 12, 14, -1, -16})
  void tamperedCiphertextIsRejected(int index) {
    String tampered = flip(SecretBox.encrypt("abc"), index);

    assertThatThrownBy(() -> SecretBox.decrypt(tampered))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 11, 12, 30, -1, -16})
  void tamperedV1CiphertextIsRejected(int index) {
    String tampered = flip(V1_UNDER_A, index);

    assertThatThrownBy(() -> SecretBox.decrypt(tampered))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  /** The key id is authenticated (GCM associated data): it cannot be swapped or dropped. */
  @Test
  void aKeyIdSwappedOrRemovedIsRejected() throws Exception {
    use(KEY_A, KEY_B);
    String stored = SecretBox.encrypt("abc");
    String data = stored.substring(stored.lastIndexOf(':') + 1);

    assertThatThrownBy(() -> SecretBox.decrypt("v2:" + idOf(KEY_B) + ":" + data))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> SecretBox.decrypt("v1:" + data))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  @Test
  void truncatedCiphertextIsRejected() {
    String stored = SecretBox.encrypt("abcdefghijklmnopqrstuvwxyz");
    byte[] raw = raw(stored);
    String truncated = head(stored) + Base64.getEncoder().encodeToString(
        Arrays.copyOf(raw, raw.length - 4));
    String withoutTag = head(stored) + Base64.getEncoder().encodeToString(
        Arrays.copyOf(raw, raw.length - 16));

    assertThatThrownBy(() -> SecretBox.decrypt(truncated))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretBox.decrypt(withoutTag))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1:", "v1:AAAA", "v1:!!!not-base64!!!", "v1:AAAAAAAAAAAAAAA=", "v2:",
      "v2:AAAA", "v2:deadbeef", "v2:deadbeef:", "v2::AAAA", "v2:deadbeef:AAAAAAAAAAAAAAA="})
  void garbageAfterThePrefixIsRejected(String stored) {
    assertThatThrownBy(() -> SecretBox.decrypt(stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  @Test
  void garbageUnderTheCurrentKeyIdIsRejected() {
    for (String data : List.of("", "AAAA", "!!!not-base64!!!", "AAAAAAAAAAAAAAA=")) {
      assertThatThrownBy(() -> SecretBox.decrypt(SecretBox.currentPrefix() + data))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot be decrypted");
    }
  }

  /**
   * A stored value of 12 to 27 bytes (a nonce but less than the 16-byte tag behind it, e.g. a
   * column cut short) makes the JDK 17 GCM cipher throw java.security.ProviderException
   * (ShortBufferException) unless it is checked first.
   */
  @ParameterizedTest
  @ValueSource(ints = {12, 13, 20, 27})
  void ciphertextShorterThanNonceAndTagIsRejected(int bytes) {
    String data = Base64.getEncoder().encodeToString(new byte[bytes]);
    assertThatThrownBy(() -> SecretBox.decrypt("v1:" + data))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretBox.decrypt(SecretBox.currentPrefix() + data))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void otherMasterKeyCannotDecrypt() throws Exception {
    String stored = SecretBox.encrypt("abc");
    use(KEY_B, null);

    assertThatThrownBy(() -> SecretBox.decrypt(stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrong AUTOWEBHOOK_MASTER_KEY")
        .hasMessageContaining(idOf(KEY_A)).hasMessageContaining(idOf(KEY_B))
        .message().doesNotContain(KEY_A).doesNotContain(KEY_B);
    use(KEY_C, KEY_B);
    assertThatThrownBy(() -> SecretBox.decrypt(stored))
        .hasMessageContaining("wrong AUTOWEBHOOK_MASTER_KEY");
    use(KEY_A, null);
    assertThat(SecretBox.decrypt(stored)).isEqualTo("abc");
  }

  @Test
  void rotationFromKeyAToKeyB() throws Exception {
    String underA = SecretBox.encrypt("whsec_rotate-me");

    use(KEY_B, KEY_A);
    assertThat(SecretBox.decrypt(underA)).as("the previous key still decrypts")
        .isEqualTo("whsec_rotate-me");
    assertThat(SecretBox.encrypt("new")).as("new values: the current key")
        .startsWith("v2:" + idOf(KEY_B) + ":");
    assertThat(SecretBox.isCurrent(underA)).isFalse();
    String underB = SecretBox.reencrypt(underA);
    assertThat(underB).startsWith("v2:" + idOf(KEY_B) + ":");
    assertThat(SecretBox.isCurrent(underB)).isTrue();
    assertThat(SecretBox.reencrypt(underB)).as("already current: unchanged").isSameAs(underB);

    use(KEY_B, null);
    assertThat(SecretBox.decrypt(underB)).isEqualTo("whsec_rotate-me");
    assertThatThrownBy(() -> SecretBox.decrypt(underA))
        .hasMessageContaining("wrong AUTOWEBHOOK_MASTER_KEY");
  }

  @Test
  void aPreviousKeyEqualToTheCurrentOneIsTheCurrentOne() throws Exception {
    use(KEY_A, KEY_A);
    String stored = SecretBox.encrypt("abc");
    assertThat(stored).startsWith("v2:" + idOf(KEY_A) + ":");
    assertThat(SecretBox.decrypt(stored)).isEqualTo("abc");
  }

  @Test
  void v1ValuesOfThePreviousReleaseStillDecrypt() {
    assertThat(SecretBox.decrypt(V1_UNDER_A)).as("current key").isEqualTo(V1_PLAIN);
    assertThat(SecretBox.isCurrent(V1_UNDER_A)).isFalse();
    assertThat(SecretBox.decrypt(legacyV1(KEY_A, "made here"))).isEqualTo("made here");

    use(KEY_B, KEY_A);
    assertThat(SecretBox.decrypt(V1_UNDER_A)).as("tried with the previous key")
        .isEqualTo(V1_PLAIN);
    use(KEY_A, KEY_B);
    assertThat(SecretBox.decrypt(V1_UNDER_A)).as("tried with the current key first")
        .isEqualTo(V1_PLAIN);

    use(KEY_B, null);
    assertThatThrownBy(() -> SecretBox.decrypt(V1_UNDER_A))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrong AUTOWEBHOOK_MASTER_KEY");
    use(KEY_B, KEY_C);
    assertThatThrownBy(() -> SecretBox.decrypt(V1_UNDER_A))
        .hasMessageContaining("wrong AUTOWEBHOOK_MASTER_KEY");
  }

  @Test
  void reencryptMovesV1AndPlainValuesUnderTheCurrentKey() throws Exception {
    use(KEY_B, KEY_A);
    String v1 = SecretBox.reencrypt(V1_UNDER_A);
    String plain = SecretBox.reencrypt("stored-before-encryption");

    use(KEY_B, null);
    assertThat(v1).startsWith("v2:" + idOf(KEY_B) + ":");
    assertThat(SecretBox.decrypt(v1)).isEqualTo(V1_PLAIN);
    assertThat(plain).startsWith("v2:" + idOf(KEY_B) + ":");
    assertThat(SecretBox.decrypt(plain)).isEqualTo("stored-before-encryption");
  }

  @Test
  void keysAreNeverLoggedOnlyTheirIds() throws Exception {
    List<String> logged = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger(SecretBox.class.getName());
    log.addHandler(capture);
    try {
      use(KEY_B, KEY_A);
      SecretBox.decrypt(SecretBox.encrypt("abc"));
    } finally {
      log.removeHandler(capture);
    }
    assertThat(String.join("\n", logged)).contains(idOf(KEY_B), idOf(KEY_A))
        .doesNotContain(KEY_A).doesNotContain(KEY_B);
  }

  @Test
  void encryptedConverterStoresEncryptedAndMapsEmptyToNull() {
    EncryptedConverter converter = new EncryptedConverter();

    String column = converter.convertToDatabaseColumn("token");
    assertThat(column).startsWith(SecretBox.currentPrefix());
    assertThat(converter.convertToEntityAttribute(column)).isEqualTo("token");
    assertThat(converter.convertToEntityAttribute(V1_UNDER_A)).isEqualTo(V1_PLAIN);
    assertThat(converter.convertToDatabaseColumn("")).isNull();
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }

  /** A v1 value as the previous release made it: SHA-256 of the key, no key id, no AAD. */
  static String legacyV1(String master, String plain) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256")
          .digest(master.getBytes(StandardCharsets.UTF_8));
      byte[] nonce = new byte[12];
      new java.security.SecureRandom().nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[12 + ct.length];
      System.arraycopy(nonce, 0, out, 0, 12);
      System.arraycopy(ct, 0, out, 12, ct.length);
      return "v1:" + Base64.getEncoder().encodeToString(out);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCapacityIsTheLongestTextWhoseCiphertextFitsTheColumn() {
    for (int column : new int[] {2048, 8000, 100}) {
      int max = SecretBox.capacity(column);
      assertThat(SecretBox.encrypt("a".repeat(max))).hasSizeLessThanOrEqualTo(column);
      assertThat(SecretBox.encrypt("a".repeat(max + 1))).hasSizeGreaterThan(column);
      // bytes, not characters: a two-byte character counts twice
      assertThat(SecretBox.encrypt("\u00e9".repeat(max / 2 + 1))).hasSizeGreaterThan(column);
    }
  }
}
