package io.secureflows.crypto;

/**
 * The workspace's keys were destroyed (crypto-shredded): its encrypted data can never be read or
 * written again.
 */
public class KeysDestroyedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeysDestroyedException(String message) {
    super(message);
  }
}
