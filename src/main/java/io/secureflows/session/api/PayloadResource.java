package io.secureflows.session.api;

import io.secureflows.audit.Audited;
import io.secureflows.platform.rest.CacheControls;
import io.secureflows.platform.rest.PayloadTooLargeException;
import io.secureflows.platform.rest.Problem;
import io.secureflows.platform.tenancy.TenantContext;
import io.secureflows.platform.tenancy.TenantContext.LiveSession;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionPayloadService;
import io.secureflows.session.domain.SessionPayload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /api/v1/session/payload}: the session's JSON document, stored encrypted and returned byte
 * for byte. The session comes from the verified sessionToken alone. {@code ETag} is the payload
 * version; {@code If-Match} makes a write conditional (412 when stale). Never cached.
 */
@Path("v1/session/payload")
@RequestScoped
@Audited
@TenantScoped
@RolesAllowed(SessionResource.ROLE)
public class PayloadResource {

  @Inject TenantContext tenant;

  @Inject SessionPayloadService payloads;

  @GET
  public Response read() {
    LiveSession session = tenant.session();
    Optional<SessionPayload> payload = payloads.read(session.workspaceId(), session.sessionId());
    if (payload.isEmpty()) {
      return Response.noContent().cacheControl(CacheControls.noStore()).build();
    }
    return Response.ok(payload.get().content(), MediaType.APPLICATION_JSON_TYPE)
        .tag(tag(payload.get().payloadVersion()))
        .cacheControl(CacheControls.noStore())
        .build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response write(byte[] body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    LiveSession session = tenant.session();
    int limit = session.payloadMaxBytes();
    if (body.length > limit) {
      throw new PayloadTooLargeException(limit);
    }
    JsonDocument.check(body);
    Long expected = expectedVersion(ifMatch);
    if (ifMatch != null && expected == null) {
      return precondition();
    }
    try {
      long version = payloads.store(session.workspaceId(), session.sessionId(), body, expected);
      return Response.ok("{\"payloadVersion\":" + version + "}", MediaType.APPLICATION_JSON_TYPE)
          .tag(tag(version))
          .cacheControl(CacheControls.noStore())
          .build();
    } catch (SessionPayloadService.StaleVersionException stale) {
      return precondition();
    }
  }

  @DELETE
  public Response delete() {
    LiveSession session = tenant.session();
    payloads.delete(session.workspaceId(), session.sessionId());
    return Response.noContent().cacheControl(CacheControls.noStore()).build();
  }

  /**
   * The version an {@code If-Match} names ({@code "3"} or {@code W/"3"}); null when it names none
   * we issued.
   */
  private static Long expectedVersion(String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
      return null;
    }
    try {
      return Long.parseLong(value.substring(1, value.length() - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Response precondition() {
    return Problem.of(
            "precondition-failed",
            "Precondition failed",
            412,
            "The payload changed since the version in If-Match; read it again.")
        .toResponse();
  }

  private static EntityTag tag(long version) {
    return new EntityTag(Long.toString(version));
  }
}
