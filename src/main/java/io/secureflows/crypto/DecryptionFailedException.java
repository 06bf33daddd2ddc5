package io.secureflows.crypto;

/**
 * Stored ciphertext did not authenticate: tampered, moved from another row, or wrapped by another
 * key. Never answered as empty data; the message names the record but no content.
 */
public class DecryptionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecryptionFailedException(String message) {
    super(message);
  }
}
