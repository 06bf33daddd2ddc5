package io.secureflows.crypto.infra;

import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyProvider;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The master key as 32 random bytes in base64 from {@code SF_MASTER_KEY} (for orchestrators that
 * inject secrets as environment variables); earlier keys during a rotation in {@code
 * SF_MASTER_KEY_PREVIOUS}, comma-separated.
 */
@Named("env")
@ApplicationScoped
public class EnvironmentMasterKeyProvider implements MasterKeyProvider {

  @Inject
  @ConfigProperty(name = "sf.master-key")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "sf.master-key.previous")
  Optional<String> previousSecrets;

  @Override
  public MasterKey current() {
    return decode(
        secret.orElseThrow(() -> new MasterKeyUnavailableException("SF_MASTER_KEY is not set")),
        "SF_MASTER_KEY");
  }

  @Override
  public List<MasterKey> previous() {
    return java.util.Arrays.stream(previousSecrets.orElse("").split(","))
        .filter(s -> !s.isBlank())
        .map(s -> decode(s, "SF_MASTER_KEY_PREVIOUS"))
        .toList();
  }

  private static MasterKey decode(String base64, String variable) {
    try {
      byte[] key = Base64.getDecoder().decode(base64.trim());
      if (key.length != AesGcm.KEY_BYTES) {
        throw new MasterKeyUnavailableException(variable + " must be 32 bytes in base64");
      }
      return new AesMasterKey(key);
    } catch (IllegalArgumentException e) {
      throw new MasterKeyUnavailableException(variable + " is not valid base64");
    }
  }
}
