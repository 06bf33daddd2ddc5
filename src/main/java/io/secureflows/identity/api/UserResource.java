package io.secureflows.identity.api;

import io.secureflows.audit.Audited;
import io.secureflows.identity.app.UserDirectory;
import io.secureflows.identity.domain.EndUser;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.rest.PathIds;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/admin/workspaces/{ws}/users}: create, list (email prefix filter, keyset pages),
 * read, disable, enable, unlock, reset password.
 */
@Audited
@TenantScoped
@Path("v1/admin/workspaces/{workspaceId}/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

  @Inject UserDirectory users;

  @Inject Clock clock;

  @Context UriInfo uriInfo;

  @PathParam("workspaceId")
  String workspaceId;

  @POST
  public Response create(UserRequest request) {
    UserRequest body = required(request);
    EndUser created = users.create(workspace(), body.email(), body.password());
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(UserView.of(created, clock.instant()))
        .build();
  }

  @GET
  public UserPage list(
      @QueryParam("email") String emailPrefix,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    List<EndUser> page = users.list(workspace(), emailPrefix, decode(cursor), limit);
    String next =
        page.size() < Math.max(1, Math.min(limit, 200))
            ? null
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(page.get(page.size() - 1).email().getBytes(StandardCharsets.UTF_8));
    return new UserPage(page.stream().map(u -> UserView.of(u, clock.instant())).toList(), next);
  }

  @GET
  @Path("{userId}")
  public UserView get(@PathParam("userId") String userId) {
    return UserView.of(users.get(workspace(), user(userId)), clock.instant());
  }

  @POST
  @Path("{userId}/disable")
  public UserView disable(@PathParam("userId") String userId) {
    return UserView.of(users.disable(workspace(), user(userId)), clock.instant());
  }

  @POST
  @Path("{userId}/enable")
  public UserView enable(@PathParam("userId") String userId) {
    return UserView.of(users.enable(workspace(), user(userId)), clock.instant());
  }

  @POST
  @Path("{userId}/unlock")
  public UserView unlock(@PathParam("userId") String userId) {
    return UserView.of(users.unlock(workspace(), user(userId)), clock.instant());
  }

  @POST
  @Path("{userId}/password")
  public Response resetPassword(@PathParam("userId") String userId, UserRequest request) {
    users.resetPassword(workspace(), user(userId), required(request).password());
    return Response.noContent().build();
  }

  private static UserRequest required(UserRequest body) {
    if (body == null) {
      throw InvalidInputException.of("body", "a JSON object is required");
    }
    return body;
  }

  private static String decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("cursor", "is not a cursor this API returned");
    }
  }

  private UUID workspace() {
    return PathIds.parse(workspaceId, "Workspace");
  }

  private static UUID user(String value) {
    return PathIds.parse(value, "User");
  }
}
