package io.secureflows.platform.rest;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that could not commit (its connection was terminated, the database went away) is
 * answered like any unexpected failure: 503 for an outage, otherwise a 500 with an incident id.
 * Without it, Jersey's own mapper for {@link TransactionalException} rethrows and the servlet
 * container answers a bare 500.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

  @Override
  public Response toResponse(TransactionalException exception) {
    return new UnexpectedExceptionMapper().toResponse(exception);
  }
}
