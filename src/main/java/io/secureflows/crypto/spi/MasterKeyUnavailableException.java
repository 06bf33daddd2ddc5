package io.secureflows.crypto.spi;

/**
 * The master key is missing, unreadable, or not the one the stored keys were wrapped with.
 * secureFlows stops.
 */
public class MasterKeyUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MasterKeyUnavailableException(String message) {
    super(message);
  }

  public MasterKeyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
