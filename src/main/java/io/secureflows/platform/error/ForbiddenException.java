package io.secureflows.platform.error;

/** The caller is known but its role does not allow the action. Answered as 403. */
public class ForbiddenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
