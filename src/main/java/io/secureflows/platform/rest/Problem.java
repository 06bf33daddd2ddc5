package io.secureflows.platform.rest;

import io.secureflows.platform.error.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. The {@code type} names the kind of problem with a stable URI whose
 * last segment clients may switch on (for example {@code .../reauthenticate}); {@code detail} is
 * safe to show and never carries a stack trace, a secret or payload data.
 */
public record Problem(
    String slug, String title, int status, String detail, List<FieldError> errors) {

  public static final String TYPE_BASE = "https://secureflows.io/problems/";
  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  // One factory for the whole application: looking up a JSON provider per call is costly.
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The database cannot be reached right now: 503, to be sent with {@code Retry-After}. */
  public static Problem databaseUnavailable() {
    return of(
        "service-unavailable",
        "Service unavailable",
        503,
        "The service cannot reach its database right now. Retry shortly.");
  }

  public static Problem of(String slug, String title, int status, String detail) {
    return new Problem(slug, title, status, detail, List.of());
  }

  public String type() {
    return TYPE_BASE + slug;
  }

  public String toJson() {
    JsonObjectBuilder body =
        JSON.createObjectBuilder().add("type", type()).add("title", title).add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      body.add("errors", list);
    }
    return body.build().toString();
  }

  public Response toResponse() {
    return toResponseBuilder().build();
  }

  public Response.ResponseBuilder toResponseBuilder() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    return Response.status(status).type(MEDIA_TYPE).cacheControl(noStore).entity(toJson());
  }
}
