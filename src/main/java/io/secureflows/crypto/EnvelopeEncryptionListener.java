package io.secureflows.crypto;

import io.secureflows.crypto.app.EnvelopeCipher;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Encrypts {@link EnvelopeEncrypted} entities as they are written and decrypts them as they are
 * loaded, so that no service handles ciphertext and none can forget to encrypt. Decrypting sets
 * only a transient field: a read never makes the entity dirty, so it never causes a write.
 *
 * <p>The cipher is looked up through {@code CDI.current()} on first use: Payara builds the
 * persistence unit before CDI starts and never gives Hibernate a bean manager, so field injection
 * into a listener would stay null.
 */
public class EnvelopeEncryptionListener {
  private EnvelopeCipher cipher;

  @PrePersist
  @PreUpdate
  void seal(Object entity) {
    if (entity instanceof EnvelopeEncrypted record && record.plaintextToSeal() != null) {
      record.sealed(
          cipher()
              .seal(
                  record.encryptionWorkspaceId(),
                  record.encryptionBinding(),
                  record.plaintextToSeal()));
    }
  }

  @PostLoad
  void open(Object entity) {
    if (entity instanceof EnvelopeEncrypted record) {
      record.opened(
          cipher()
              .open(record.encryptionWorkspaceId(), record.encryptionBinding(), record.envelope()));
    }
  }

  private EnvelopeCipher cipher() {
    if (cipher == null) {
      cipher = CDI.current().select(EnvelopeCipher.class).get();
    }
    return cipher;
  }
}
