package io.secureflows.crypto.api;

import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.crypto.KeysDestroyedException;
import io.secureflows.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Logger;

/** Problems for crypto's failures. */
public final class CryptoExceptionMappers {
  private static final Logger LOG = Logger.getLogger(CryptoExceptionMappers.class.getName());

  private CryptoExceptionMappers() {}

  /**
   * Ciphertext that does not authenticate is a server-side integrity failure: logged for operators
   * (which record, no data), answered as a generic 500 that never carries data, never as an empty
   * payload.
   */
  @Provider
  public static class DecryptionFailed implements ExceptionMapper<DecryptionFailedException> {
    @Override
    public Response toResponse(DecryptionFailedException e) {
      String incident = UUID.randomUUID().toString();
      LOG.severe("Decryption failed, incident " + incident + ": " + e.getMessage());
      return Problem.of(
              "server-error", "Internal server error", 500, "Incident " + incident + " was logged.")
          .toResponse();
    }
  }

  /** Data of a crypto-shredded workspace is gone for good: a clear 409, not a server error. */
  @Provider
  public static class KeysDestroyed implements ExceptionMapper<KeysDestroyedException> {
    @Override
    public Response toResponse(KeysDestroyedException e) {
      return Problem.of(
              "keys-destroyed",
              "Keys destroyed",
              409,
              "The workspace's encryption keys were destroyed; its encrypted data cannot be read or written.")
          .toResponse();
    }
  }
}
