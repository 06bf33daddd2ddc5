package io.secureflows.platform.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own errors (unknown route, wrong method, unsupported media type, ...)
 * into problems. The detail is the runtime's generic reason phrase, never the exception message,
 * which may echo request data.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    Problem problem = forStatus(status, exception);
    Response.ResponseBuilder answer = problem.toResponseBuilder();
    if (exception instanceof NotAllowedException) {
      answer.header(HttpHeaders.ALLOW, exception.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return answer.build();
  }

  static Problem forStatus(int status, WebApplicationException exception) {
    return switch (status) {
      case 400 -> Problem.of("bad-request", "Bad request", 400, "The request is malformed.");
      case 404 -> Problem.of("not-found", "Not found", 404, "No resource matches this request.");
      case 405 ->
          Problem.of(
              "method-not-allowed",
              "Method not allowed",
              405,
              "This resource does not support the method.");
      case 406 ->
          Problem.of(
              "not-acceptable",
              "Not acceptable",
              406,
              "This resource answers application/json only.");
      case 413 -> Problem.of("payload-too-large", "Payload too large", 413, exception.getMessage());
      case 415 ->
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "This resource does not accept the request body's media type.");
      default -> {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        yield Problem.of(status >= 500 ? "server-error" : "client-error", title, status, null);
      }
    };
  }
}
