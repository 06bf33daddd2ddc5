package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Guards the SHA-256 digest of high-entropy secrets against the FIPS 180-2 vectors. */
class SecretDigestTest {

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void matchesFips1802OneBlockVector() {
    assertThat(hex(SecretDigest.sha256("abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void matchesFips1802TwoBlockVector() {
    String message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    assertThat(hex(SecretDigest.sha256(message)))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void matchesEmptyStringVector() {
    assertThat(hex(SecretDigest.sha256("")))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void digestsUtf8Bytes() throws Exception {
    String secret = "cl\u00e9-\ud83d\udd11";
    byte[] expected =
        MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));

    assertThat(SecretDigest.sha256(secret)).isEqualTo(expected);
  }

  @Test
  void matchesEqualDigests() {
    assertThat(SecretDigest.matches(SecretDigest.sha256("abc"), SecretDigest.sha256("abc")))
        .isTrue();
  }

  @Test
  void refusesDifferentDigests() {
    byte[] digest = SecretDigest.sha256("abc");
    byte[] flipped = digest.clone();
    flipped[31] ^= 1;

    assertThat(SecretDigest.matches(digest, SecretDigest.sha256("abd"))).isFalse();
    assertThat(SecretDigest.matches(digest, flipped)).isFalse();
    assertThat(SecretDigest.matches(digest, new byte[0])).isFalse();
    assertThat(SecretDigest.matches(digest, Arrays.copyOf(digest, 31))).isFalse();
  }
}
