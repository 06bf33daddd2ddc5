package io.secureflows.crypto;

import io.secureflows.platform.error.ConflictException;

/**
 * The workspace's keys were destroyed (crypto-shredded): its encrypted data can never be read or
 * written again. A conflict with the workspace's state (409), not a server failure.
 */
public class KeysDestroyedException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public KeysDestroyedException(String message) {
    super(message);
  }
}
