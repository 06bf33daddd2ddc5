package io.secureflows.crypto.domain;

import java.util.Locale;

/** The lifecycle of a workspace key version. */
public enum KeyState {
  /** Encrypts new data; exactly one version of a workspace is active. */
  ACTIVE,
  /**
   * Decrypts what it still protects, until the rewrap job has moved everything to the active
   * version.
   */
  DECRYPT_ONLY,
  /**
   * Protects nothing any more and never encrypts again. Its wrapped key is kept (only destruction
   * erases it), so that nothing could become unreadable by retiring.
   */
  RETIRED,
  /**
   * Its wrapped key was erased: what it protected can no longer be decrypted (crypto-shredding).
   */
  DESTROYED;

  public String externalName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
