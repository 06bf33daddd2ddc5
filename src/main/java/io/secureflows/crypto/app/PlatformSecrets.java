package io.secureflows.crypto.app;

import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * Small platform secrets that must be usable in the clear by the server (an operator's TOTP seed),
 * stored only wrapped by the master key. The wrap is bound to a context naming the owner, so a
 * wrapped secret copied to another account does not unwrap.
 */
@ApplicationScoped
public class PlatformSecrets {

  /** A secret as stored: the wrap and the id of the master key that made it. */
  public record Wrapped(byte[] bytes, String masterKeyId) {}

  @Inject MasterKeys masterKeys;

  public Wrapped wrap(byte[] secret, String context) {
    MasterKey key = masterKeys.current();
    return new Wrapped(key.wrap(secret, bind(context)), key.id());
  }

  /**
   * @throws MasterKeyUnavailableException if the master key that wrapped it is no longer configured
   * @throws DecryptionFailedException if the wrap or its context was changed
   */
  public byte[] unwrap(Wrapped wrapped, String context) {
    MasterKey key =
        masterKeys
            .byId(wrapped.masterKeyId())
            .orElseThrow(
                () ->
                    new MasterKeyUnavailableException(
                        "the master key " + wrapped.masterKeyId() + " is not configured"));
    try {
      return key.unwrap(wrapped.bytes(), bind(context));
    } catch (RuntimeException e) {
      throw new DecryptionFailedException("a platform secret did not authenticate");
    }
  }

  /** Whether the secret is wrapped by an older master key and should be wrapped again. */
  public boolean isStale(Wrapped wrapped) {
    return !masterKeys.current().id().equals(wrapped.masterKeyId());
  }

  private static byte[] bind(String context) {
    return ("secureflows/platform-secret/" + context).getBytes(StandardCharsets.UTF_8);
  }
}
