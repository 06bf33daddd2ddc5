package io.secureflows.crypto.app;

import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.crypto.Envelope;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.infra.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Envelope encryption of one record: a fresh AES-256 data key per write encrypts the content
 * (AES-256-GCM, random 96-bit nonce); the workspace's active key version wraps the data key
 * (AES-256-GCM). Associated data binds the content to the workspace and the record's binding (its
 * identity and version), and the data-key wrap additionally to the key version, so a ciphertext,
 * wrapped key or version number moved to another row does not decrypt.
 */
@ApplicationScoped
public class EnvelopeCipher {

  @Inject KeyRing keyRing;

  public Envelope seal(UUID workspaceId, String binding, byte[] plaintext) {
    KeyRing.UsableKey active = keyRing.activeKeyForEncryption(workspaceId);
    byte[] dataKey = RandomSecrets.bytes(AesGcm.KEY_BYTES);
    try {
      AesGcm.Sealed sealed =
          AesGcm.encrypt(dataKey, plaintext, contentContext(workspaceId, binding));
      byte[] wrapped =
          AesGcm.wrap(
              active.key(), dataKey, dataKeyContext(workspaceId, binding, active.version()));
      return new Envelope(active.version(), sealed.nonce(), wrapped, sealed.ciphertext());
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(active.key(), (byte) 0);
    }
  }

  /**
   * @throws DecryptionFailedException if anything of the envelope or its binding was changed
   * @throws io.secureflows.crypto.KeysDestroyedException if its key version was destroyed
   */
  public byte[] open(UUID workspaceId, String binding, Envelope envelope) {
    KeyRing.UsableKey key = null;
    byte[] dataKey = null;
    try {
      key = keyRing.keyForDecryption(workspaceId, envelope.keyVersion());
      dataKey =
          AesGcm.unwrap(
              key.key(),
              envelope.wrappedDataKey(),
              dataKeyContext(workspaceId, binding, key.version()));
      return AesGcm.decrypt(
          dataKey, envelope.nonce(), envelope.ciphertext(), contentContext(workspaceId, binding));
    } catch (AesGcm.AuthenticationFailedException e) {
      throw new DecryptionFailedException(
          "encrypted record " + binding + " of workspace " + workspaceId + " did not authenticate");
    } finally {
      if (key != null) {
        Arrays.fill(key.key(), (byte) 0);
      }
      if (dataKey != null) {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
  }

  /**
   * The data key of a record, moved from one workspace key version to another, without touching its
   * content.
   */
  byte[] rewrap(
      UUID workspaceId,
      String binding,
      byte[] wrappedDataKey,
      KeyRing.UsableKey from,
      KeyRing.UsableKey to) {
    byte[] dataKey =
        AesGcm.unwrap(
            from.key(), wrappedDataKey, dataKeyContext(workspaceId, binding, from.version()));
    try {
      return AesGcm.wrap(to.key(), dataKey, dataKeyContext(workspaceId, binding, to.version()));
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  static byte[] contentContext(UUID workspaceId, String binding) {
    return ("sf-content-v1|" + workspaceId + "|" + binding).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] dataKeyContext(UUID workspaceId, String binding, int keyVersion) {
    return ("sf-data-key-v1|" + workspaceId + "|" + binding + "|" + keyVersion)
        .getBytes(StandardCharsets.UTF_8);
  }
}
