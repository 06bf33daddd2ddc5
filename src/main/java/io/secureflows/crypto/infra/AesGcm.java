package io.secureflows.crypto.infra;

import io.secureflows.crypto.RandomSecrets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) through the JCE, which uses AES-NI where the CPU has it. 96-bit
 * nonces drawn at random for every encryption, 128-bit tags. Keys are 32 bytes; anything else is
 * refused.
 */
public final class AesGcm {
  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BITS = 128;

  private AesGcm() {}

  /** Encrypts with a fresh random nonce; returns nonce and ciphertext-with-tag separately. */
  public static Sealed encrypt(byte[] key, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = RandomSecrets.bytes(NONCE_BYTES);
    return new Sealed(nonce, encrypt(key, nonce, plaintext, associatedData));
  }

  /**
   * Encrypts with the given nonce. Only test vectors choose nonces; production code uses the random
   * variant.
   */
  static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
      cipher.updateAAD(associatedData);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Decrypts and authenticates.
   *
   * @throws AuthenticationFailedException if the key, nonce, ciphertext or associated data do not
   *     match
   */
  public static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData) {
    if (nonce == null
        || nonce.length != NONCE_BYTES
        || ciphertext == null
        || ciphertext.length < TAG_BITS / 8) {
      throw new AuthenticationFailedException();
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new AuthenticationFailedException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  /**
   * Key wrapping: the key encrypted under the wrapping key, as nonce followed by ciphertext and tag
   * (60 bytes).
   */
  public static byte[] wrap(byte[] wrappingKey, byte[] key, byte[] associatedData) {
    Sealed sealed = encrypt(wrappingKey, key, associatedData);
    byte[] out = Arrays.copyOf(sealed.nonce(), NONCE_BYTES + sealed.ciphertext().length);
    System.arraycopy(sealed.ciphertext(), 0, out, NONCE_BYTES, sealed.ciphertext().length);
    return out;
  }

  /**
   * @throws AuthenticationFailedException if the wrapped key was not wrapped with this key and
   *     associated data
   */
  public static byte[] unwrap(byte[] wrappingKey, byte[] wrapped, byte[] associatedData) {
    if (wrapped == null || wrapped.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new AuthenticationFailedException();
    }
    return decrypt(
        wrappingKey,
        Arrays.copyOf(wrapped, NONCE_BYTES),
        Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length),
        associatedData);
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }

  /** A nonce and the ciphertext (with its tag) it was used for. */
  public record Sealed(byte[] nonce, byte[] ciphertext) {}

  /** Authentication failed: wrong key, or the data or its context were changed. Carries no data. */
  public static final class AuthenticationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException() {
      super("authentication failed", null, false, false);
    }
  }
}
