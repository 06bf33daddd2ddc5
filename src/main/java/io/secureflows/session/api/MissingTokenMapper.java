package io.secureflows.session.api;

import io.secureflows.platform.rest.DomainExceptionMapper;
import io.secureflows.platform.rest.Problem;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A session API call without any token is a client that lost or never had one: 410, sign in again
 * (API.md). With a token that does not fit (another application's, for example) it stays 401.
 */
@Provider
public class MissingTokenMapper implements ExceptionMapper<NotAuthorizedException> {

  @Context HttpHeaders headers;

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(NotAuthorizedException exception) {
    String path = uriInfo.getPath();
    boolean sessionApi =
        path.equals("v1/session")
            || path.startsWith("v1/session/")
            || path.equals("/v1/session")
            || path.startsWith("/v1/session/");
    if (sessionApi && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
      return DomainExceptionMapper.reauthenticate("Sign in to get a sessionToken.");
    }
    return Problem.of("unauthorized", "Unauthorized", 401, "The credentials are not valid.")
        .toResponseBuilder()
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }
}
