package io.secureflows.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.crypto.Pkce;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace with one web application, made through the admin API, whose users sign in through the
 * real hosted login and token endpoint: what the isolation tests need twice. A test of a client
 * stops at the authorization code ({@link #authorizationCode}) and exchanges it itself.
 */
public final class Tenant {
  public static final String REDIRECT = "https://app.example.com/callback";
  public static final String PASSWORD = "a long enough password";

  private final URL deployment;
  public final String workspaceId;
  public final String clientId;
  public final String applicationId;

  /** A user who signed in: the sessionToken and its session. */
  public record SignedIn(String userId, String email, String token, String sessionId) {}

  /** A user of the workspace, who signs in with {@link #PASSWORD}. */
  public record User(String id, String email) {}

  /**
   * What the browser brought back to the redirect URI, and the PKCE verifier that goes with it: the
   * two things an application exchanges for a sessionToken.
   */
  public record AuthorizationCode(String code, String verifier) {}

  private Tenant(URL deployment, String workspaceId, String clientId, String applicationId) {
    this.deployment = deployment;
    this.workspaceId = workspaceId;
    this.clientId = clientId;
    this.applicationId = applicationId;
  }

  public static Tenant create(URL deployment, String label) {
    return create(deployment, label, "");
  }

  /**
   * The same, the application registered with more settings: {@code applicationFields} is the
   * inside of a JSON object, such as {@code "tokenTtlSeconds":86400}.
   */
  public static Tenant create(URL deployment, String label, String applicationFields) {
    ApiClient admin = ApiClient.forDeployment(deployment).bearer(TestEnvironment.PLATFORM_API_KEY);
    Reply workspace =
        admin.postJson(
            "/api/v1/admin/workspaces", "{\"name\":\"" + label + "-" + UUID.randomUUID() + "\"}");
    assertThat(workspace.status()).as(workspace.body()).isEqualTo(201);
    String workspaceId = workspace.json().getString("id");
    String clientId = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    Reply application =
        admin.postJson(
            "/api/v1/admin/workspaces/" + workspaceId + "/applications",
            "{\"clientId\":\""
                + clientId
                + "\",\"name\":\"App\",\"type\":\"web\",\"redirectUris\":[\""
                + REDIRECT
                + "\"]"
                + (applicationFields.isBlank() ? "" : "," + applicationFields)
                + "}");
    assertThat(application.status()).as(application.body()).isEqualTo(201);
    return new Tenant(deployment, workspaceId, clientId, application.json().getString("id"));
  }

  public ApiClient api() {
    return ApiClient.forDeployment(deployment);
  }

  /** The platform operator's admin client. */
  public ApiClient platformAdmin() {
    return api().bearer(TestEnvironment.PLATFORM_API_KEY);
  }

  /** A new API key confined to this workspace, with the given role. */
  public String workspaceApiKey(String role) {
    Reply key =
        platformAdmin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspaceId + "/api-keys",
                "{\"name\":\"scoped\",\"role\":\"" + role + "\"}");
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    return key.json().getString("key");
  }

  /** A new user of this workspace, made through the admin API; not signed in. */
  public User newUser() {
    String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Reply user =
        platformAdmin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspaceId + "/users",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return new User(user.json().getString("id"), email);
  }

  /** A new user of this workspace, signed in to its application. */
  public SignedIn newUserSignedIn() {
    User user = newUser();
    return signIn(user.id(), user.email());
  }

  /** Signs the user in through hosted login and exchanges the code (PKCE S256). */
  public SignedIn signIn(String userId, String email) {
    AuthorizationCode code = authorizationCode(email);
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code.code());
    exchange.put("code_verifier", code.verifier());
    exchange.put("client_id", clientId);
    exchange.put("redirect_uri", REDIRECT);
    Reply token =
        api()
            .send(
                "POST",
                "/api/v1/token",
                BodyPublishers.ofString(HtmlForms.encode(exchange)),
                "Content-Type",
                "application/x-www-form-urlencoded");
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    return new SignedIn(
        userId, email, token.json().getString("sessionToken"), token.json().getString("sessionId"));
  }

  /**
   * Runs the browser's half of the hosted login (the authorize page, then its form with the
   * password) and stops where an application takes over: at the code the 303 carries to the
   * redirect URI, with its PKCE verifier, not yet exchanged.
   */
  public AuthorizationCode authorizationCode(String email) {
    String verifier = "v" + UUID.randomUUID() + "-" + UUID.randomUUID();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", clientId);
    parameters.put("redirect_uri", REDIRECT);
    parameters.put("state", "st");
    parameters.put("code_challenge", Pkce.challengeOf(verifier));
    parameters.put("code_challenge_method", "S256");
    Reply page = api().get("/login/authorize?" + HtmlForms.encode(parameters));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Map<String, String> fields = HtmlForms.hiddenFields(page.body());
    fields.put("email", email);
    fields.put("password", PASSWORD);
    Reply signedIn =
        api()
            .send(
                "POST",
                "/login/authorize",
                BodyPublishers.ofString(HtmlForms.encode(fields)),
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Cookie",
                page.header("Set-Cookie").orElse("").split(";", 2)[0]);
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    String location = signedIn.header("Location").orElseThrow();
    String code = HtmlForms.queryParameter(location, "code").orElse(null);
    assertThat(code).as(location).isNotBlank();
    return new AuthorizationCode(code, verifier);
  }
}
