package io.secureflows.client;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The client of one secureFlows application (one {@code client_id}): it exchanges the code the
 * hosted login sent to the redirect URI for a {@link Session}, then reads and writes that session's
 * payload.
 *
 * <p>The caller runs the browser part of the login itself: it makes the PKCE verifier and the
 * {@code state}, sends the browser to {@code /login/authorize}, checks {@code state} when the
 * browser comes back, and passes the code and the verifier to {@link #exchange}. See
 * docs/integration/hosted-login.md.
 *
 * <p>Every call either succeeds or throws: {@link ReauthenticationRequiredException} (410, run the
 * login again), {@link InvalidTokenException} (401), {@link PreconditionFailedException} (412), any
 * other refusal as {@link SecureFlowsException}, and {@link UncheckedIOException} when the server
 * could not be reached. An instance holds no per-user state and is safe to share between threads.
 */
public final class SecureFlowsClient {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final String TOKEN = "api/v1/token";
  private static final String PAYLOAD = "api/v1/session/payload";
  private static final String SIGNOUT = "api/v1/session/signout";

  /**
   * Names this application on every session call, so that a token of another application of the
   * workspace is refused ({@code 401}) instead of opening that application's session.
   */
  private static final String CLIENT_ID_HEADER = "SecureFlows-Client-Id";

  private final URI base;
  private final String clientId;
  private final String redirectUri;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A client with its own {@link HttpClient}, which trusts the JDK's default certificate
   * authorities and never follows redirects.
   *
   * @param baseUri where secureFlows is served, such as {@code https://sf.example.com} (a path, if
   *     any, is kept: {@code https://example.com/sf/}); {@code https}, or {@code http} to a
   *     loopback host only
   * @param clientId the application's client id
   * @param redirectUri the redirect URI the login was started with, character for character
   */
  public SecureFlowsClient(URI baseUri, String clientId, String redirectUri) {
    this(baseUri, clientId, redirectUri, defaultHttpClient(), DEFAULT_TIMEOUT);
  }

  /**
   * A client that sends through the given {@link HttpClient}, for a proxy, a private certificate
   * authority or a shared connection pool. Let it not follow redirects: a redirect would carry the
   * sessionToken to wherever it points.
   */
  public SecureFlowsClient(URI baseUri, String clientId, String redirectUri, HttpClient http) {
    this(baseUri, clientId, redirectUri, http, DEFAULT_TIMEOUT);
  }

  private SecureFlowsClient(
      URI baseUri, String clientId, String redirectUri, HttpClient http, Duration timeout) {
    this.base = baseOf(baseUri);
    this.clientId = requireText(clientId, "clientId");
    this.redirectUri = requireText(redirectUri, "redirectUri");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The same client waiting up to {@code timeout} for each answer (30 seconds by default). */
  public SecureFlowsClient withTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    return new SecureFlowsClient(base, clientId, redirectUri, http, timeout);
  }

  /**
   * Exchanges the authorization code from the redirect URI for a sessionToken ({@code POST
   * /api/v1/token}). Call it at once: a code works once and for at most 60 seconds, and a second
   * use signs the session out, because the server takes it as a stolen code.
   *
   * @param code the {@code code} parameter the browser brought to the redirect URI
   * @param codeVerifier the PKCE verifier whose S256 challenge started the login
   * @return the session, holding the token in memory
   * @throws SecureFlowsException with the RFC 6749 {@link SecureFlowsException#error() error}
   *     ({@code invalid_grant}: the code is unknown, used, expired or not this client's, or the
   *     verifier does not match; {@code invalid_client}; {@code too_many_requests} with 429)
   */
  public Session exchange(String code, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", requireText(code, "code"));
    form.put("code_verifier", requireText(codeVerifier, "codeVerifier"));
    form.put("client_id", clientId);
    form.put("redirect_uri", redirectUri);
    HttpRequest request =
        request(TOKEN)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(BodyPublishers.ofString(formEncoded(form), StandardCharsets.UTF_8))
            .build();
    // The token's lifetime counts from when the server issued it; reckoning from before the
    // request was sent errs on the early side.
    Instant requested = Instant.now();
    HttpResponse<byte[]> answer = send(request, "POST /api/v1/token");
    if (answer.statusCode() != 200) {
      throw Answers.tokenFailure(answer.statusCode(), answer.body());
    }
    JsonObject body =
        Answers.object(answer.body())
            .orElseThrow(() -> unreadable("POST /api/v1/token", 200, "not a JSON object"));
    String token = Answers.string(body, "sessionToken");
    String sessionId = Answers.string(body, "sessionId");
    if (token == null || token.isBlank() || sessionId == null) {
      throw unreadable("POST /api/v1/token", 200, "without sessionToken or sessionId");
    }
    long expiresIn = body.get("expiresIn") instanceof JsonNumber seconds ? seconds.longValue() : 0L;
    return new Session(token, sessionId, requested.plusSeconds(Math.max(0L, expiresIn)));
  }

  /**
   * Reads the session's payload ({@code GET /api/v1/session/payload}).
   *
   * @return the JSON exactly as stored with its ETag, or an {@link Payload#isEmpty() empty} payload
   *     when nothing is stored
   * @throws ReauthenticationRequiredException when the session must sign in again
   * @throws InvalidTokenException when the token is not accepted as genuine
   */
  public Payload get(Session session) {
    String operation = "GET /api/v1/session/payload";
    HttpResponse<byte[]> answer =
        send(
            authorized(session, PAYLOAD).header("Accept", "application/json").GET().build(),
            operation);
    return switch (answer.statusCode()) {
      case 200 -> Payload.of(answer.body(), etagOf(answer, operation));
      case 204 -> Payload.empty();
      default -> throw failureOf(operation, answer);
    };
  }

  /**
   * Stores {@code json} as the session's payload ({@code PUT /api/v1/session/payload}), replacing
   * what was there. The server keeps the bytes exactly as sent (UTF-8).
   *
   * @param json one JSON document, within the application's {@code payloadMaxBytes} (64 KiB by
   *     default)
   * @param ifMatch the {@link Payload#etag() ETag} of the payload this write is based on, to write
   *     only if nobody wrote since; null to write unconditionally
   * @return the new payload's ETag, for the next conditional write
   * @throws PreconditionFailedException when {@code ifMatch} is no longer the stored version
   * @throws SecureFlowsException with status 413 (too large), 415 or 400 (not one well-formed JSON
   *     document)
   * @throws ReauthenticationRequiredException when the session must sign in again
   * @throws InvalidTokenException when the token is not accepted as genuine
   */
  public String put(Session session, String json, String ifMatch) {
    Objects.requireNonNull(json, "json");
    String operation = "PUT /api/v1/session/payload";
    HttpRequest.Builder request =
        authorized(session, PAYLOAD)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    HttpResponse<byte[]> answer = send(request.build(), operation);
    if (answer.statusCode() != 200) {
      throw failureOf(operation, answer);
    }
    return etagOf(answer, operation);
  }

  /**
   * Deletes the session's payload ({@code DELETE /api/v1/session/payload}); the session stays. The
   * server destroys the payload's data key, so the payload cannot come back.
   *
   * @throws ReauthenticationRequiredException when the session must sign in again
   * @throws InvalidTokenException when the token is not accepted as genuine
   */
  public void delete(Session session) {
    String operation = "DELETE /api/v1/session/payload";
    HttpResponse<byte[]> answer = send(authorized(session, PAYLOAD).DELETE().build(), operation);
    if (answer.statusCode() / 100 != 2) {
      throw failureOf(operation, answer);
    }
  }

  /**
   * Signs the session out ({@code POST /api/v1/session/signout}): every token of the session stops
   * working at once, so calls with this {@link Session} throw {@link
   * ReauthenticationRequiredException} from now on. The session and its payload stay for the user's
   * next sign-in.
   *
   * @throws ReauthenticationRequiredException when the session was already signed out or expired
   * @throws InvalidTokenException when the token is not accepted as genuine
   */
  public void signOut(Session session) {
    String operation = "POST /api/v1/session/signout";
    HttpResponse<byte[]> answer =
        send(authorized(session, SIGNOUT).POST(BodyPublishers.noBody()).build(), operation);
    if (answer.statusCode() / 100 != 2) {
      throw failureOf(operation, answer);
    }
  }

  /** Where this client sends its calls, and for which application; never a token. */
  @Override
  public String toString() {
    return "SecureFlowsClient[" + base + ", clientId=" + clientId + "]";
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
  }

  private HttpRequest.Builder authorized(Session session, String path) {
    Objects.requireNonNull(session, "session");
    return request(path)
        .header("Authorization", "Bearer " + session.token())
        .header(CLIENT_ID_HEADER, clientId);
  }

  private HttpResponse<byte[]> send(HttpRequest request, String operation) {
    try {
      return http.send(request, BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " to " + base + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new InterruptedIOException(operation + " to " + base + " was interrupted"));
    }
  }

  private static SecureFlowsException failureOf(String operation, HttpResponse<byte[]> answer) {
    return Answers.sessionApiFailure(operation, answer.statusCode(), answer.body());
  }

  private static String etagOf(HttpResponse<byte[]> answer, String operation) {
    return answer
        .headers()
        .firstValue("ETag")
        .orElseThrow(() -> unreadable(operation, answer.statusCode(), "without an ETag"));
  }

  private static SecureFlowsException unreadable(String operation, int status, String what) {
    return new SecureFlowsException(
        operation + " answered " + status + " " + what + "; is the base URI secureFlows?",
        status,
        null,
        null,
        null,
        null);
  }

  private static String formEncoded(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static HttpClient defaultHttpClient() {
    // Never follow redirects: the request would carry the sessionToken to another place.
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * The base URI with a trailing slash, so that relative API paths keep a path prefix. Plain HTTP
   * is refused except to loopback: the server itself answers plain HTTP only from loopback, and
   * checking here keeps a token from crossing a network in clear before the server can refuse it.
   */
  static URI baseOf(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
      throw new IllegalArgumentException("the base URI must be absolute with a host: " + baseUri);
    }
    if (baseUri.getRawUserInfo() != null) {
      // Not quoted: the user info may be a password.
      throw new IllegalArgumentException("the base URI must carry no user info");
    }
    if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
      throw new IllegalArgumentException("the base URI must have no query or fragment: " + baseUri);
    }
    String scheme = baseUri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(baseUri.getHost()))) {
      throw new IllegalArgumentException(
          "the base URI must be https (plain http only to a loopback address): " + baseUri);
    }
    String text = baseUri.toString();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || name.equals("[::1]")
        || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
