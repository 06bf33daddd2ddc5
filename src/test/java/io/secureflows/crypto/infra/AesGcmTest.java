package io.secureflows.crypto.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM as assembled here, against the published test vectors of the GCM specification
 * (McGrew and Viega, test cases 13, 14 and 16, the AES-256 ones), and the properties secureFlows
 * relies on: tampering with anything fails, associated data binds, nonces never repeat.
 */
class AesGcmTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String value) {
    return HEX.parseHex(value);
  }

  @Test
  void gcmSpecTestCase13EmptyPlaintext() {
    byte[] out = AesGcm.encrypt(new byte[32], new byte[12], new byte[0], new byte[0]);
    assertThat(HEX.formatHex(out)).isEqualTo("530f8afbc74536b9a963b4f1c4cb738b");
  }

  @Test
  void gcmSpecTestCase14OneZeroBlock() {
    byte[] out = AesGcm.encrypt(new byte[32], new byte[12], new byte[16], new byte[0]);
    assertThat(HEX.formatHex(out))
        .isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
  }

  @Test
  void gcmSpecTestCase16WithAssociatedData() {
    byte[] key = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    byte[] nonce = hex("cafebabefacedbaddecaf888");
    byte[] plaintext =
        hex(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    byte[] out = AesGcm.encrypt(key, nonce, plaintext, aad);
    assertThat(HEX.formatHex(out))
        .isEqualTo(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                + "76fc6ece0f4e1768cddf8853bb2d551b");
    assertThat(AesGcm.decrypt(key, nonce, out, aad)).isEqualTo(plaintext);
  }

  @Test
  void anyChangedBitOrContextFailsAuthentication() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    byte[] aad = "context".getBytes(StandardCharsets.UTF_8);
    AesGcm.Sealed sealed = AesGcm.encrypt(key, "secret".getBytes(StandardCharsets.UTF_8), aad);

    byte[] flipped = sealed.ciphertext().clone();
    flipped[0] ^= 1;
    assertThatThrownBy(() -> AesGcm.decrypt(key, sealed.nonce(), flipped, aad))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
    byte[] otherNonce = sealed.nonce().clone();
    otherNonce[11] ^= 1;
    assertThatThrownBy(() -> AesGcm.decrypt(key, otherNonce, sealed.ciphertext(), aad))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
    assertThatThrownBy(
            () ->
                AesGcm.decrypt(
                    key,
                    sealed.nonce(),
                    sealed.ciphertext(),
                    "other".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
    byte[] otherKey = key.clone();
    otherKey[31] ^= 1;
    assertThatThrownBy(() -> AesGcm.decrypt(otherKey, sealed.nonce(), sealed.ciphertext(), aad))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
    assertThatThrownBy(() -> AesGcm.decrypt(key, sealed.nonce(), new byte[3], aad))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
  }

  @Test
  void wrapBindsTheKeyToItsContext() {
    byte[] wrapping = new byte[32];
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 42);
    byte[] wrapped = AesGcm.wrap(wrapping, key, new byte[] {1});
    assertThat(wrapped).hasSize(AesGcm.NONCE_BYTES + 32 + 16);
    assertThat(AesGcm.unwrap(wrapping, wrapped, new byte[] {1})).isEqualTo(key);
    assertThatThrownBy(() -> AesGcm.unwrap(wrapping, wrapped, new byte[] {2}))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
  }

  @Test
  void tenThousandEncryptionsUnderOneKeyNeverRepeatANonce() {
    byte[] key = new byte[32];
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      nonces.add(HEX.formatHex(AesGcm.encrypt(key, new byte[16], new byte[0]).nonce()));
    }
    assertThat(nonces).hasSize(10_000);
  }

  @Test
  void refusesKeysThatAreNotAes256() {
    assertThatThrownBy(() -> AesGcm.encrypt(new byte[16], new byte[1], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
