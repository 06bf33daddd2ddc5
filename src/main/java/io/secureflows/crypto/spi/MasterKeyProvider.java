package io.secureflows.crypto.spi;

import java.util.List;

/**
 * Where the master key comes from. Implementations are CDI beans named for {@code
 * SF_MASTER_KEY_PROVIDER}: built in are {@code pkcs12} (a PKCS#12 keystore file) and {@code env} (a
 * base64 secret in an environment variable). To add an HSM or a KMS, ship a bean
 * {@code @Named("kms") @ApplicationScoped class KmsMasterKeyProvider implements MasterKeyProvider}
 * in a JAR in the WAR's {@code WEB-INF/lib} and set {@code SF_MASTER_KEY_PROVIDER=kms}; no caller
 * changes.
 */
public interface MasterKeyProvider {

  /**
   * The key that wraps new workspace keys.
   *
   * @throws MasterKeyUnavailableException if the provider is not configured or cannot reach its key
   */
  MasterKey current();

  /**
   * Earlier master keys that can still unwrap, during a master-key rotation: at start-up every
   * workspace key wrapped by one of these is rewrapped under {@link #current()}. Empty when no
   * rotation is under way.
   */
  List<MasterKey> previous();
}
