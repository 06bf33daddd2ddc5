package io.secureflows.operator.api;

import io.secureflows.platform.rest.Problem;
import io.secureflows.platform.tenancy.CallerContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Guards every request under {@code /api/v1/admin}, before resource matching, so that an
 * unauthenticated caller learns nothing, not even which paths exist: without a caller that {@link
 * ApiKeyIdentityStore} authenticated from {@code Authorization: Bearer <API key>}, the answer is
 * 401 and nothing runs. A sessionToken is no admin credential.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthenticationFilter implements ContainerRequestFilter {
  /**
   * Whether the path is under {@code v1/admin}, judged on decoded segments without matrix
   * parameters or empty segments, exactly as resource matching sees them ({@code //v1/admin},
   * {@code v1/admin;x=1} and {@code v1/%61dmin} are admin paths too).
   */
  static boolean isAdminPath(List<PathSegment> segments) {
    List<String> names =
        segments.stream().map(PathSegment::getPath).filter(s -> !s.isEmpty()).limit(2).toList();
    return names.equals(List.of("v1", "admin"));
  }

  @Inject CallerContext callers;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isAdminPath(request.getUriInfo().getPathSegments()) && callers.current().isEmpty()) {
      request.abortWith(
          Problem.of("unauthorized", "Unauthorized", 401, "A valid admin API key is required.")
              .toResponseBuilder()
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"secureflows-admin\"")
              .build());
    }
  }
}
