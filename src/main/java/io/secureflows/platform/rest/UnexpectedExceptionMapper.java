package io.secureflows.platform.rest;

import io.secureflows.platform.persistence.DatabaseUnavailable;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: whatever no other mapper claims. A body that could not be read as JSON is the
 * client's fault (400); a database that cannot be reached is an outage (503 with {@code
 * Retry-After}); anything else is logged with an incident id and answered with a generic 500 that
 * carries only that id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException wae) {
        return new WebApplicationExceptionMapper().toResponse(wae);
      }
    }
    if (isUnreadableBody(exception)) {
      return Problem.of(
              "malformed-json",
              "Malformed JSON",
              400,
              "The request body is not valid JSON of the expected shape.")
          .toResponse();
    }
    if (DatabaseUnavailable.causes(exception)) {
      DatabaseUnavailable.report(exception);
      return Problem.databaseUnavailable()
          .toResponseBuilder()
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    // The exception is logged for operators; its message never reaches the client.
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
    return Problem.of(
            "server-error", "Internal server error", 500, "Incident " + incident + " was logged.")
        .toResponse();
  }

  private static boolean isUnreadableBody(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException
          || cause instanceof JsonException
          || cause instanceof ProcessingException) {
        return true;
      }
    }
    return false;
  }
}
