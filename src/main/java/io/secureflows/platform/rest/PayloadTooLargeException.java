package io.secureflows.platform.rest;

import jakarta.ws.rs.ClientErrorException;

/**
 * A request body passed the configured size limit; it was not read further and nothing was changed.
 */
public class PayloadTooLargeException extends ClientErrorException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes", 413);
  }
}
