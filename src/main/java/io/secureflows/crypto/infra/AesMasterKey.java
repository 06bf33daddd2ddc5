package io.secureflows.crypto.infra;

import io.secureflows.crypto.spi.MasterKey;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A master key whose AES-256 material is in this JVM (from a keystore or a secret). Wraps with
 * AES-256-GCM. Its id is {@code aes256:} and a key check value (the first 8 bytes of AES(key, zero
 * block)), so the same key has the same id whichever built-in provider supplies it, and a different
 * key never does.
 */
public final class AesMasterKey implements MasterKey {
  private final byte[] key;
  private final String id;

  public AesMasterKey(byte[] key) {
    if (key == null || key.length != AesGcm.KEY_BYTES) {
      throw new IllegalArgumentException("a master key is 32 bytes (AES-256)");
    }
    this.key = key.clone();
    this.id = "aes256:" + HexFormat.of().formatHex(aesBlock(this.key, new byte[16]), 0, 8);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public byte[] wrap(byte[] plaintextKey, byte[] context) {
    return AesGcm.wrap(key, plaintextKey, context);
  }

  @Override
  public byte[] unwrap(byte[] wrappedKey, byte[] context) {
    return AesGcm.unwrap(key, wrappedKey, context);
  }

  /** One AES block encryption (FIPS 197), used only for the key check value. */
  static byte[] aesBlock(byte[] key, byte[] block) {
    try {
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return cipher.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is part of every Java platform", e);
    }
  }
}
