package io.secureflows.client;

/**
 * {@code 412}: a conditional write named a payload version that is no longer the stored one:
 * someone else wrote in between. Nothing was written. Read the payload again, merge, and write with
 * the new ETag.
 */
public class PreconditionFailedException extends SecureFlowsException {
  private static final long serialVersionUID = 1L;

  PreconditionFailedException(String message, String type, String title, String detail) {
    super(message, 412, type, title, detail, null);
  }
}
