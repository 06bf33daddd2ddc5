package io.secureflows.platform.error;

/**
 * The object does not exist, or exists in a workspace the caller may not see: the two answer alike
 * (404), so a caller cannot probe another workspace.
 */
public class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
