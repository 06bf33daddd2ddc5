package io.secureflows.crypto.app;

import io.secureflows.crypto.spi.MasterKey;
import io.secureflows.crypto.spi.MasterKeyProvider;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The master keys of this node, from the provider {@code SF_MASTER_KEY_PROVIDER} names (default
 * {@code pkcs12}). Loaded once by the start-up guard; every wrap and unwrap of a workspace key goes
 * through here.
 */
@ApplicationScoped
public class MasterKeys {

  @Inject
  @ConfigProperty(name = "sf.master-key.provider", defaultValue = "pkcs12")
  String providerName;

  @Inject @Any Instance<MasterKeyProvider> providers;

  private volatile MasterKey current;
  private volatile Map<String, MasterKey> byId = Map.of();

  /**
   * @throws MasterKeyUnavailableException if the provider is unknown, unconfigured or cannot
   *     produce its keys
   */
  public synchronized void load() {
    Instance<MasterKeyProvider> selected = providers.select(NamedLiteral.of(providerName));
    if (!selected.isResolvable()) {
      throw new MasterKeyUnavailableException(
          "SF_MASTER_KEY_PROVIDER=" + providerName + " names no master-key provider");
    }
    MasterKeyProvider provider = selected.get();
    MasterKey loaded = provider.current();
    Map<String, MasterKey> keys = new LinkedHashMap<>();
    keys.put(loaded.id(), loaded);
    provider.previous().forEach(k -> keys.putIfAbsent(k.id(), k));
    byId = Map.copyOf(keys);
    current = loaded;
  }

  public MasterKey current() {
    MasterKey key = current;
    if (key == null) {
      throw new MasterKeyUnavailableException("the master key was not loaded");
    }
    return key;
  }

  /** The current or a previous master key with this id. */
  public Optional<MasterKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
