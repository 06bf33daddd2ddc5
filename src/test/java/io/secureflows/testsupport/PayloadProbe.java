package io.secureflows.testsupport;

import io.secureflows.crypto.app.KeyRewrapper;
import io.secureflows.platform.tenancy.WorkspaceScopes;
import io.secureflows.session.app.SessionPayloadService;
import io.secureflows.session.domain.SessionPayload;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A test-only door to the payload service, deployed with the WAR by the encryption tests and the
 * benchmark until the session API exists (never part of the product WAR). It stores and reads raw
 * bytes through the real service, entity listener and database, and runs the rewrap synchronously.
 */
@Path("v1/test/payloads")
@RequestScoped
public class PayloadProbe {

  @Inject SessionPayloadService payloads;

  @Inject KeyRewrapper rewrapper;

  @Inject PayloadSeeder seeder;

  @Inject WorkspaceScopes scopes;

  /**
   * The same read as {@link #read}, by a resource method that forgot to enter the workspace: the
   * platform must show it nothing (204), however real the ids.
   */
  @GET
  @Path("{workspace}/{session}/unscoped")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response readUnscoped(
      @PathParam("workspace") UUID workspace, @PathParam("session") UUID session) {
    return payloads
        .read(workspace, session)
        .map(SessionPayload::content)
        .map(content -> Response.ok(content).build())
        .orElse(Response.noContent().build());
  }

  @PUT
  @Path("{workspace}/{session}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public String store(
      @PathParam("workspace") UUID workspace, @PathParam("session") UUID session, byte[] body) {
    return Long.toString(scopes.call(workspace, () -> payloads.store(workspace, session, body)));
  }

  @GET
  @Path("{workspace}/{session}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response read(@PathParam("workspace") UUID workspace, @PathParam("session") UUID session) {
    return scopes
        .call(workspace, () -> payloads.read(workspace, session))
        .map(SessionPayload::content)
        .map(content -> Response.ok(content).build())
        .orElse(Response.noContent().build());
  }

  @DELETE
  @Path("{workspace}/{session}")
  public Response delete(
      @PathParam("workspace") UUID workspace, @PathParam("session") UUID session) {
    return scopes.call(workspace, () -> payloads.delete(workspace, session))
        ? Response.noContent().build()
        : Response.status(404).build();
  }

  /** Stores {@code count} payloads of {@code bytes} bytes each, in transactions of 500. */
  @POST
  @Path("{workspace}/seed")
  @Produces(MediaType.APPLICATION_JSON)
  public String seed(
      @PathParam("workspace") UUID workspace,
      @QueryParam("count") int count,
      @QueryParam("bytes") int bytes) {
    byte[] content =
        ("{\"filler\":\"" + "x".repeat(Math.max(0, bytes - 14)) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    for (int done = 0; done < count; done += 500) {
      int batch = Math.min(500, count - done);
      scopes.run(workspace, () -> seeder.storeNew(workspace, batch, content));
    }
    return Json.createObjectBuilder()
        .add("stored", count)
        .add("millis", (System.nanoTime() - started) / 1_000_000)
        .build()
        .toString();
  }

  /**
   * One rewrap run of at most 20 seconds (the server closes longer requests): rows moved, skipped,
   * millis.
   */
  @POST
  @Path("rewrap")
  @Produces(MediaType.APPLICATION_JSON)
  public String rewrap() {
    KeyRewrapper.Totals totals = rewrapper.rewrapAll(Duration.ofSeconds(20));
    return Json.createObjectBuilder()
        .add("rewrapped", totals.moved())
        .add("skipped", totals.skipped())
        .add("millis", totals.millis())
        .build()
        .toString();
  }
}
