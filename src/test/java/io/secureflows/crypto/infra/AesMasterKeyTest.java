package io.secureflows.crypto.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The built-in master key: its key check value (FIPS 197 AES-256 vector), its id, and wrapping. */
class AesMasterKeyTest {

  @Test
  void aesBlockMatchesFips197AppendixC3() {
    byte[] key =
        HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    byte[] block = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    assertThat(HexFormat.of().formatHex(AesMasterKey.aesBlock(key, block)))
        .isEqualTo("8ea2b7ca516745bfeafc49904b496089");
  }

  @Test
  void idIsTheKeyCheckValueSoTheSameKeyAlwaysHasTheSameId() {
    byte[] key = new byte[32];
    AesMasterKey one = new AesMasterKey(key);
    assertThat(one.id()).isEqualTo("aes256:dc95c078a2408989");
    assertThat(new AesMasterKey(key.clone()).id()).isEqualTo(one.id());
    key[0] = 1;
    assertThat(new AesMasterKey(key).id()).isNotEqualTo(one.id());
  }

  @Test
  void anotherMasterKeyCannotUnwrap() {
    byte[] material = new byte[32];
    AesMasterKey master = new AesMasterKey(material);
    byte[] wrapped = master.wrap(new byte[32], new byte[] {9});
    assertThat(master.unwrap(wrapped, new byte[] {9})).isEqualTo(new byte[32]);
    material[5] = 5;
    AesMasterKey other = new AesMasterKey(material);
    assertThatThrownBy(() -> other.unwrap(wrapped, new byte[] {9}))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
  }

  @Test
  void refusesAnythingButThirtyTwoBytes() {
    assertThatThrownBy(() -> new AesMasterKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
