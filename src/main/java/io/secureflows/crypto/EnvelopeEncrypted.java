package io.secureflows.crypto;

import java.util.UUID;

/**
 * Implemented by an entity whose content is encrypted by {@link EnvelopeEncryptionListener}: the
 * entity holds the plaintext only in a transient field and the envelope in its columns. No service
 * ever handles the ciphertext.
 */
public interface EnvelopeEncrypted {

  /** The workspace whose key ring encrypts this record. */
  UUID encryptionWorkspaceId();

  /**
   * What the ciphertext is bound to besides the workspace and key version: the record's identity
   * and version (for a session payload: its session id and payload version). A ciphertext moved to
   * another row fails to decrypt.
   */
  String encryptionBinding();

  /** Plaintext waiting to be encrypted at the next flush, or null if there is none. */
  byte[] plaintextToSeal();

  /**
   * Called by the listener with the new envelope; the pending plaintext becomes the current
   * plaintext.
   */
  void sealed(Envelope envelope);

  /** The stored envelope, to decrypt after loading. */
  Envelope envelope();

  /** Called by the listener after loading, with the decrypted plaintext. */
  void opened(byte[] plaintext);
}
