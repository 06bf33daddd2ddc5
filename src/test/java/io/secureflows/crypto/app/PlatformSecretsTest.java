package io.secureflows.crypto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.crypto.infra.AesMasterKey;
import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Platform secrets (operators' TOTP seeds) as stored: wrapped, bound to their owner. */
class PlatformSecretsTest {
  private static final byte[] SECRET = "twenty bytes secret!".getBytes();

  private static AesMasterKey master(int fill) {
    byte[] material = new byte[32];
    Arrays.fill(material, (byte) fill);
    return new AesMasterKey(material);
  }

  /** Master keys as a node has them: the current one and the previous ones still configured. */
  private static PlatformSecrets secrets(MasterKey current, MasterKey... previous) {
    Map<String, MasterKey> byId = new java.util.HashMap<>();
    byId.put(current.id(), current);
    for (MasterKey key : previous) {
      byId.put(key.id(), key);
    }
    PlatformSecrets secrets = new PlatformSecrets();
    secrets.masterKeys =
        new MasterKeys() {
          @Override
          public MasterKey current() {
            return current;
          }

          @Override
          public Optional<MasterKey> byId(String id) {
            return Optional.ofNullable(byId.get(id));
          }
        };
    return secrets;
  }

  @Test
  void aWrappedSecretUnwrapsForItsOwnerOnly() {
    PlatformSecrets secrets = secrets(master(1));
    PlatformSecrets.Wrapped wrapped = secrets.wrap(SECRET, "operator-totp/alice");
    assertThat(new String(wrapped.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(SECRET, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(secrets.unwrap(wrapped, "operator-totp/alice")).isEqualTo(SECRET);
    assertThatThrownBy(() -> secrets.unwrap(wrapped, "operator-totp/mallory"))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void afterAMasterKeyRotationTheOldWrapIsStaleAndStillUnwrapsWhileItsKeyIsConfigured() {
    AesMasterKey old = master(1);
    PlatformSecrets.Wrapped wrapped = secrets(old).wrap(SECRET, "operator-totp/alice");
    PlatformSecrets rotated = secrets(master(2), old);
    assertThat(rotated.isStale(wrapped)).isTrue();
    assertThat(rotated.unwrap(wrapped, "operator-totp/alice")).isEqualTo(SECRET);
    assertThat(rotated.isStale(rotated.wrap(SECRET, "operator-totp/alice"))).isFalse();
  }

  @Test
  void aWrapWhoseMasterKeyIsGoneCannotBeRead() {
    PlatformSecrets.Wrapped wrapped = secrets(master(1)).wrap(SECRET, "operator-totp/alice");
    assertThatThrownBy(() -> secrets(master(2)).unwrap(wrapped, "operator-totp/alice"))
        .isInstanceOf(MasterKeyUnavailableException.class);
  }
}
