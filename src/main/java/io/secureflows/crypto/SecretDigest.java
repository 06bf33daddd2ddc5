package io.secureflows.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a secret that is already high-entropy (an API key, an authorization code), so that the
 * database holds only what cannot be turned back into the secret. Low-entropy secrets (passwords)
 * go through {@link PasswordHasher}.
 */
public final class SecretDigest {
  private SecretDigest() {}

  public static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Compares two digests in time independent of where they differ. */
  public static boolean matches(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }
}
