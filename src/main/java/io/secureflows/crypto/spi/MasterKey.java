package io.secureflows.crypto.spi;

/**
 * One master key: it wraps and unwraps workspace keys, binding each wrap to a context (the
 * workspace and version) so that a wrapped key copied to another row does not unwrap.
 * Implementations may keep the key material outside the JVM (PKCS#11, a KMS).
 */
public interface MasterKey {

  /**
   * A stable identifier stored beside every key this master key wraps, so that secureFlows can tell
   * at start-up which master key it needs. It must change whenever the key material changes.
   */
  String id();

  byte[] wrap(byte[] key, byte[] context);

  /**
   * @throws io.secureflows.crypto.infra.AesGcm.AuthenticationFailedException (or another runtime
   *     exception) if the wrapped key was not wrapped by this master key with this context
   */
  byte[] unwrap(byte[] wrappedKey, byte[] context);
}
