package io.secureflows.crypto.infra;

import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyProvider;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The master key as an AES-256 secret-key entry of a PKCS#12 keystore ({@code
 * SF_MASTER_KEY_KEYSTORE}, password {@code SF_MASTER_KEY_KEYSTORE_PASSWORD}, alias {@code
 * SF_MASTER_KEY_ALIAS}). During a master-key rotation the old keys stay in the same keystore under
 * the aliases in {@code SF_MASTER_KEY_PREVIOUS_ALIASES}.
 */
@Named("pkcs12")
@ApplicationScoped
public class Pkcs12MasterKeyProvider implements MasterKeyProvider {

  @Inject
  @ConfigProperty(name = "sf.master-key.keystore")
  Optional<String> keystore;

  @Inject
  @ConfigProperty(name = "sf.master-key.keystore-password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "sf.master-key.alias", defaultValue = "secureflows-master")
  String alias;

  @Inject
  @ConfigProperty(name = "sf.master-key.previous-aliases")
  Optional<String> previousAliases;

  @Override
  public MasterKey current() {
    return new AesMasterKey(load(alias));
  }

  @Override
  public List<MasterKey> previous() {
    List<MasterKey> keys = new ArrayList<>();
    for (String previousAlias : previousAliases.orElse("").split(",")) {
      if (!previousAlias.isBlank()) {
        keys.add(new AesMasterKey(load(previousAlias.trim())));
      }
    }
    return keys;
  }

  private byte[] load(String entry) {
    Path file =
        Path.of(
            keystore.orElseThrow(
                () -> new MasterKeyUnavailableException("SF_MASTER_KEY_KEYSTORE is not set")));
    char[] secret =
        password
            .orElseThrow(
                () ->
                    new MasterKeyUnavailableException("SF_MASTER_KEY_KEYSTORE_PASSWORD is not set"))
            .toCharArray();
    if (!Files.isReadable(file)) {
      throw new MasterKeyUnavailableException(
          "the master-key keystore " + file + " cannot be read");
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
      Key key = store.getKey(entry, secret);
      if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
        throw new MasterKeyUnavailableException(
            "the master-key keystore " + file + " has no AES key named " + entry);
      }
      return key.getEncoded();
    } catch (IOException | GeneralSecurityException e) {
      throw new MasterKeyUnavailableException(
          "the master-key keystore " + file + " cannot be opened (wrong password?)", e);
    }
  }
}
