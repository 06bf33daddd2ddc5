package io.secureflows.platform.error;

/**
 * The request is well-formed but clashes with existing state (a taken client id, say). Answered as
 * 409.
 */
public class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
