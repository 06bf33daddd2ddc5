package io.secureflows.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable secrets for keys, passwords and codes, from the platform's strong random source. */
public final class RandomSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private RandomSecrets() {}

  public static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** {@code length} random bytes as URL-safe base64 without padding. */
  public static String urlSafe(int length) {
    return URL.encodeToString(bytes(length));
  }
}
