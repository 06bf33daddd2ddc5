package io.secureflows.crypto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.crypto.Envelope;
import io.secureflows.crypto.infra.AesGcm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The envelope as assembled: a fresh data key per write, wrapped under the workspace key version,
 * with content and wrap bound to the workspace, the record's binding and the key version. The key
 * ring here is an in-memory stand-in holding two versions; the database-backed one is exercised by
 * WorkspaceEncryptionIT.
 */
class EnvelopeCipherTest {
  private static final UUID WORKSPACE = UUID.randomUUID();
  private static final byte[] PLAINTEXT = "{\"note\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

  private final byte[][] versions = {null, filled(1), filled(2)};
  private int active = 1;
  private final EnvelopeCipher cipher = new EnvelopeCipher();

  {
    cipher.keyRing =
        new KeyRing() {
          @Override
          public UsableKey activeKeyForEncryption(UUID workspaceId) {
            return new UsableKey(active, versions[active].clone());
          }

          @Override
          public UsableKey keyForDecryption(UUID workspaceId, int version) {
            return new UsableKey(version, versions[version].clone());
          }
        };
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }

  @Test
  void sealedContentOpensWithTheSameBinding() {
    Envelope envelope = cipher.seal(WORKSPACE, "session-payload|a|1", PLAINTEXT);
    assertThat(envelope.keyVersion()).isEqualTo(1);
    assertThat(envelope.ciphertext()).hasSize(PLAINTEXT.length + 16);
    assertThat(cipher.open(WORKSPACE, "session-payload|a|1", envelope)).isEqualTo(PLAINTEXT);
  }

  @Test
  void envelopeMovedToAnotherRecordOrWorkspaceDoesNotOpen() {
    Envelope envelope = cipher.seal(WORKSPACE, "session-payload|a|1", PLAINTEXT);
    assertThatThrownBy(() -> cipher.open(WORKSPACE, "session-payload|b|1", envelope))
        .isInstanceOf(DecryptionFailedException.class)
        .hasMessageNotContaining("hello");
    assertThatThrownBy(() -> cipher.open(WORKSPACE, "session-payload|a|2", envelope))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), "session-payload|a|1", envelope))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void changedKeyVersionNumberDoesNotOpen() {
    Envelope envelope = cipher.seal(WORKSPACE, "r|1", PLAINTEXT);
    Envelope relabelled =
        new Envelope(2, envelope.nonce(), envelope.wrappedDataKey(), envelope.ciphertext());
    assertThatThrownBy(() -> cipher.open(WORKSPACE, "r|1", relabelled))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void rewrapMovesTheDataKeyToTheNewVersionWithoutTouchingContent() {
    Envelope old = cipher.seal(WORKSPACE, "r|1", PLAINTEXT);
    KeyRing.UsableKey from = new KeyRing.UsableKey(1, versions[1].clone());
    KeyRing.UsableKey to = new KeyRing.UsableKey(2, versions[2].clone());
    byte[] rewrapped = cipher.rewrap(WORKSPACE, "r|1", old.wrappedDataKey(), from, to);
    Envelope moved = new Envelope(2, old.nonce(), rewrapped, old.ciphertext());
    assertThat(cipher.open(WORKSPACE, "r|1", moved)).isEqualTo(PLAINTEXT);
  }

  @Test
  void newWritesUseTheActiveVersionAndOldOnesStillOpen() {
    Envelope before = cipher.seal(WORKSPACE, "r|1", PLAINTEXT);
    active = 2;
    Envelope after = cipher.seal(WORKSPACE, "r|2", PLAINTEXT);
    assertThat(after.keyVersion()).isEqualTo(2);
    assertThat(cipher.open(WORKSPACE, "r|1", before)).isEqualTo(PLAINTEXT);
    assertThat(cipher.open(WORKSPACE, "r|2", after)).isEqualTo(PLAINTEXT);
  }

  @Test
  void tenThousandEncryptionsUnderOneKeyVersionNeverRepeatANonceOrDataKeyWrap() {
    Set<String> contentNonces = new HashSet<>();
    Set<String> wrapNonces = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Envelope envelope = cipher.seal(WORKSPACE, "r|" + i, PLAINTEXT);
      contentNonces.add(HexFormat.of().formatHex(envelope.nonce()));
      wrapNonces.add(
          HexFormat.of().formatHex(Arrays.copyOf(envelope.wrappedDataKey(), AesGcm.NONCE_BYTES)));
    }
    assertThat(contentNonces).hasSize(10_000);
    assertThat(wrapNonces).hasSize(10_000);
  }
}
