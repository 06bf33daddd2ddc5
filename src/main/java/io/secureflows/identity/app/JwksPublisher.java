package io.secureflows.identity.app;

import io.secureflows.crypto.TokenSigning;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this node's copy of the verification keys (a JWKS file, {@code SF_JWKS_FILE}) in step with
 * the {@code signing_key} table: MicroProfile JWT reads the keys from there ({@code
 * mp.jwt.verify.publickey.location}) and caches them for ten seconds ({@code
 * payara-mp-jwt.properties}). Written at start-up, after a rotation, and every ten seconds, so a
 * rotation on another node reaches this one within about twenty seconds.
 */
@Singleton
public class JwksPublisher {
  private static final Logger LOG = Logger.getLogger(JwksPublisher.class.getName());

  @Inject SigningKeys signingKeys;

  @Inject
  @ConfigProperty(name = "sf.jwks.file")
  String file;

  /** The JWKS of every key that may verify a sessionToken. */
  public String jwks() {
    return "{\"keys\":["
        + signingKeys.verificationKeys().stream()
            .map(k -> TokenSigning.jwk(k.kid(), k.publicKey()))
            .collect(Collectors.joining(","))
        + "]}";
  }

  public void publish() {
    Path target = Path.of(file);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".jwks", ".tmp");
      Files.writeString(temporary, jwks(), StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("the verification keys could not be written to " + target, e);
    }
  }

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      publish();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Refreshing the verification keys failed; the previous copy stays", e);
    }
  }
}
