package io.secureflows.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.crypto.Pkce;
import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Browser;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.HtmlForms;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import io.secureflows.testsupport.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hosted login and the token endpoint over real HTTP, as a browser and an OAuth client drive them:
 * the authorize form, its anti-forgery token, the 303 with code and state, the PKCE exchange for an
 * RS256 sessionToken that verifies against the published JWKS, session reuse, and the refusals of
 * SECURITY-TESTS cases 10 to 12.
 */
@IntegrationTest
class HostedLoginIT {
  private static final String REDIRECT = "https://app.example.com/callback";
  private static final String PASSWORD = "a long enough password";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  private String clientId;
  private String workspace;
  private String email;
  private final String verifier = "v" + UUID.randomUUID() + "-" + UUID.randomUUID();

  private ApiClient api() {
    return ApiClient.forDeployment(deployment);
  }

  private ApiClient admin() {
    return api().bearer(TestEnvironment.PLATFORM_API_KEY);
  }

  @BeforeEach
  void applicationAndUser() {
    workspace =
        admin()
            .postJson("/api/v1/admin/workspaces", "{\"name\":\"login-" + UUID.randomUUID() + "\"}")
            .json()
            .getString("id");
    clientId = registerWebApplication("web", redirectUris(REDIRECT));
    email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    assertThat(
            admin()
                .postJson(
                    "/api/v1/admin/workspaces/" + workspace + "/users",
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .status())
        .isEqualTo(201);
  }

  /**
   * Registers a web application in this test's workspace, its client id {@code prefix} and a random
   * suffix; {@code fields} are the rest of its JSON fields, its redirect URIs among them.
   */
  private String registerWebApplication(String prefix, String fields) {
    String client = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Reply registered =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/applications",
                "{\"clientId\":\""
                    + client
                    + "\",\"name\":\"App\",\"type\":\"web\","
                    + fields
                    + "}");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return client;
  }

  private static String redirectUris(String... uris) {
    return "\"redirectUris\":[\"" + String.join("\",\"", uris) + "\"]";
  }

  private Map<String, String> authorizeParameters(String redirectUri) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("state", "st-" + UUID.randomUUID());
    p.put("code_challenge", Pkce.challengeOf(verifier));
    p.put("code_challenge_method", "S256");
    return p;
  }

  private Reply authorize(Map<String, String> parameters) {
    return api().get("/login/authorize?" + HtmlForms.encode(parameters));
  }

  /** Submits the form of an authorize page with its hidden fields and its anti-forgery cookie. */
  private Reply submit(Reply page, String email, String password) {
    return submitTo("/login/authorize", page, email, password);
  }

  private static Map<String, String> redirectParameters(String location) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  private String signInForCode() {
    Map<String, String> parameters = authorizeParameters(REDIRECT);
    Reply page = authorize(parameters);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Reply signedIn = submit(page, email, PASSWORD);
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    String location = signedIn.header("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?code=");
    Map<String, String> back = redirectParameters(location);
    assertThat(back.get("state")).isEqualTo(parameters.get("state"));
    return back.get("code");
  }

  private Reply exchange(String code, String verifier, String client, String redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("code_verifier", verifier);
    form.put("client_id", client);
    form.put("redirect_uri", redirectUri);
    return api()
        .send(
            "POST",
            "/api/v1/token",
            BodyPublishers.ofString(HtmlForms.encode(form)),
            "Content-Type",
            "application/x-www-form-urlencoded");
  }

  @Test
  void fullFlowIssuesASessionTokenThatVerifiesAgainstTheJwks() throws Exception {
    Reply token = exchange(signInForCode(), verifier, clientId, REDIRECT);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    assertThat(token.header("Cache-Control"))
        .hasValueSatisfying(h -> assertThat(h).contains("no-store"));
    JsonObject answer = token.json();
    String jwt = answer.getString("sessionToken");
    assertThat(answer.getString("access_token")).isEqualTo(jwt);
    assertThat(answer.getString("token_type")).isEqualTo("Bearer");
    assertThat(answer.getInt("expires_in")).isEqualTo(900);

    String[] parts = jwt.split("\\.");
    JsonObject header = decode(parts[0]);
    JsonObject claims = decode(parts[1]);
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(claims.getString("aud")).isEqualTo(clientId);
    assertThat(claims.getString("sid")).isEqualTo(answer.getString("sessionId"));
    assertThat(claims.getString("wid")).isEqualTo(workspace);
    assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
        .isEqualTo(900);
    assertThat(verifies(parts, header.getString("kid"))).isTrue();
  }

  private boolean verifies(String[] parts, String kid) throws Exception {
    JsonObject jwk =
        api().get("/.well-known/jwks.json").json().getJsonArray("keys").stream()
            .map(k -> k.asJsonObject())
            .filter(k -> k.getString("kid").equals(kid))
            .findFirst()
            .orElseThrow();
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initVerify(key);
    signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  private static JsonObject decode(String part) {
    return Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
        .readObject();
  }

  @Test
  void signingInAgainContinuesTheSameSession() {
    String first =
        exchange(signInForCode(), verifier, clientId, REDIRECT).json().getString("sessionId");
    String second =
        exchange(signInForCode(), verifier, clientId, REDIRECT).json().getString("sessionId");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void redirectUrisThatAreNotAnExactMatchGetAnErrorPageAndNeverARedirect() {
    for (String bad :
        new String[] {
          "https://evil.example/callback",
          "https://app.example.com.evil.tld/callback",
          "https://app.example.com@evil.example/callback",
          "https://app.example.com/callback/",
          "https://app.example.com/callback?x=1",
          "https://APP.example.com/callback",
          "https://app.example.com/x/%2E%2E/callback",
          "https://app.example.com/x/../callback",
          "https://app.example.com/x/%252E%252E/callback",
          "https://app.example.com/callback#fragment",
          "javascript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "file:///etc/passwd"
        }) {
      Reply reply = authorize(authorizeParameters(bad));
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.header("Location")).as(bad).isEmpty();
      assertThat(reply.contentType()).startsWith("text/html");
    }
    Map<String, String> missing = authorizeParameters(REDIRECT);
    missing.remove("redirect_uri");
    assertThat(authorize(missing).status()).isEqualTo(400);

    String severalUris =
        registerWebApplication("several", redirectUris(REDIRECT, "https://app.example.com/other"));
    Map<String, String> missingOfSeveral = authorizeParameters(REDIRECT);
    missingOfSeveral.put("client_id", severalUris);
    missingOfSeveral.remove("redirect_uri");
    Reply refused = authorize(missingOfSeveral);
    assertThat(refused.status()).as("no redirect_uri with two registered").isEqualTo(400);
    assertThat(refused.header("Location")).isEmpty();
  }

  @Test
  void controlCharactersInASignInEmailForgeNoAuditRecordAndNoLogLine() throws Exception {
    String marker = "FORGED-" + UUID.randomUUID();
    String forged = email + "\r\n[2026-12-05T00:00:00.000+0000] [] [SEVERE] [] " + marker;
    Reply refused = submit(authorize(authorizeParameters(REDIRECT)), forged, PASSWORD);
    assertThat(refused.status()).as(refused.body()).isBetween(200, 499);
    assertThat(refused.header("Location")).as("not signed in").isEmpty();
    assertThat(
            TestDatabase.count(
                "select count(*) from audit_event a where row_to_json(a)::text like ?",
                "%" + marker + "%"))
        .as("audit records holding the forged text")
        .isZero();
    Thread.sleep(1_000); // the server's output reaches this JVM's console log through a pump
    assertThat(java.nio.file.Files.readString(TestEnvironment.consoleLog()))
        .as("the server's log (Payara's console output)")
        .doesNotContain(marker);
  }

  @Test
  void unknownClientWrongResponseTypeAndMissingOrPlainPkceAreRefused() {
    Map<String, String> unknown = authorizeParameters(REDIRECT);
    unknown.put("client_id", "no-such-client");
    assertThat(authorize(unknown).status()).isEqualTo(400);
    Map<String, String> implicit = authorizeParameters(REDIRECT);
    implicit.put("response_type", "token");
    assertThat(authorize(implicit).status()).isEqualTo(400);
    Map<String, String> plain = authorizeParameters(REDIRECT);
    plain.put("code_challenge_method", "plain");
    assertThat(authorize(plain).status()).isEqualTo(400);
    Map<String, String> none = authorizeParameters(REDIRECT);
    none.remove("code_challenge");
    none.remove("code_challenge_method");
    assertThat(authorize(none).status()).isEqualTo(400);
  }

  @Test
  void wrongPasswordUnknownEmailAndDisabledAccountAnswerAlike() {
    Reply wrong =
        submit(authorize(authorizeParameters(REDIRECT)), email, "not the password at all");
    Reply unknown =
        submit(authorize(authorizeParameters(REDIRECT)), "nobody@example.com", PASSWORD);
    String userId =
        admin()
            .get("/api/v1/admin/workspaces/" + workspace + "/users?email=" + email)
            .items()
            .getJsonObject(0)
            .getString("id");
    admin().postJson("/api/v1/admin/workspaces/" + workspace + "/users/" + userId + "/disable", "");
    Reply disabled = submit(authorize(authorizeParameters(REDIRECT)), email, PASSWORD);
    for (Reply reply : new Reply[] {wrong, unknown, disabled}) {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Location")).isEmpty();
      assertThat(reply.body()).contains("The email or password is not correct.");
    }
    assertThat(normalised(wrong, email)).isEqualTo(normalised(unknown, "nobody@example.com"));
  }

  /**
   * A failure page without the parts that differ by design: the fresh anti-forgery token, the
   * echoed email, state.
   */
  private static String normalised(Reply page, String typedEmail) {
    return page.body()
        .replaceAll("name=\"csrf\" value=\"[^\"]*\"", "")
        .replaceAll("name=\"state\" value=\"[^\"]*\"", "")
        .replace(typedEmail, "");
  }

  @Test
  void repeatedFailuresLockTheAccountAndTheLockAnswersLikeAWrongPassword() throws Exception {
    for (int i = 0; i < 5; i++) {
      submit(authorize(authorizeParameters(REDIRECT)), email, "wrong password number " + i);
    }
    assertThat(
            TestDatabase.count(
                "select count(*) from end_user where email = ? and locked_until > now()", email))
        .isEqualTo(1);
    assertThat(
            TestDatabase.count(
                "select count(*) from audit_event where workspace_id = ?::uuid and action = 'account.locked'",
                workspace))
        .as("the lock is audited")
        .isEqualTo(1);
    assertThat(
            TestDatabase.count(
                "select count(*) from audit_event where workspace_id = ?::uuid and action = 'login.failed'",
                workspace))
        .as("every failure is audited")
        .isEqualTo(5);
    Reply locked = submit(authorize(authorizeParameters(REDIRECT)), email, PASSWORD);
    assertThat(locked.status()).isEqualTo(200);
    assertThat(locked.header("Location")).isEmpty();
    assertThat(locked.body()).contains("The email or password is not correct.");
    Reply wrong = submit(authorize(authorizeParameters(REDIRECT)), email, "yet another wrong one");
    assertThat(normalised(locked, email))
        .as("the locked answer, byte for byte but the fresh anti-forgery token and state")
        .isEqualTo(normalised(wrong, email));
  }

  /**
   * The three failures cost the same Argon2id work, so their answer times tell nothing: the median
   * of each is within a factor of two of the others (an answer without the hash would be ten times
   * faster). Interleaved, so that warm-up and load fall on all three alike.
   */
  @Test
  void unknownEmailWrongPasswordAndLockedAccountTakeAlike() {
    List<Long> unknown = new ArrayList<>();
    List<Long> wrong = new ArrayList<>();
    List<Long> locked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      unknown.add(timedSignIn("nobody-" + i + "@example.com", PASSWORD));
      wrong.add(timedSignIn(email, "wrong password number " + i));
    }
    timedSignIn(email, "the fifth wrong password locks");
    for (int i = 0; i < 4; i++) {
      locked.add(timedSignIn(email, PASSWORD));
    }
    long unknownMedian = median(unknown);
    long wrongMedian = median(wrong);
    long lockedMedian = median(locked);
    long fastest = Math.min(unknownMedian, Math.min(wrongMedian, lockedMedian));
    long slowest = Math.max(unknownMedian, Math.max(wrongMedian, lockedMedian));
    assertThat(slowest)
        .as(
            "median answer times (µs): unknown %d, wrong %d, locked %d",
            unknownMedian, wrongMedian, lockedMedian)
        .isLessThanOrEqualTo(2 * fastest);
  }

  /** The time of one failed sign-in's form post, in microseconds. */
  private long timedSignIn(String typedEmail, String password) {
    Reply page = authorize(authorizeParameters(REDIRECT));
    long started = System.nanoTime();
    Reply answer = submit(page, typedEmail, password);
    long micros = (System.nanoTime() - started) / 1_000;
    assertThat(answer.body()).contains("The email or password is not correct.");
    return micros;
  }

  private static long median(List<Long> samples) {
    List<Long> sorted = samples.stream().sorted().toList();
    return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
  }

  @Test
  void formWithoutItsAntiForgeryCookieChangesNothing() throws Exception {
    long codes = TestDatabase.count("select count(*) from authorization_code");
    Reply page = authorize(authorizeParameters(REDIRECT));
    Reply forged =
        api()
            .send(
                "POST",
                "/login/authorize",
                BodyPublishers.ofString(
                    HtmlForms.encode(authorizeParameters(REDIRECT))
                        + "&csrf="
                        + "x".repeat(43)
                        + "&email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)),
                "Content-Type",
                "application/x-www-form-urlencoded");
    assertThat(page.status()).isEqualTo(200);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.header("Location")).isEmpty();
    assertThat(TestDatabase.count("select count(*) from authorization_code")).isEqualTo(codes);
    assertThat(page.header("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Strict"));
  }

  @Test
  void aCodeWorksOnceAndItsReplaySignsTheSessionOut() throws Exception {
    String code = signInForCode();
    Reply first = exchange(code, verifier, clientId, REDIRECT);
    assertThat(first.status()).isEqualTo(200);
    String session = first.json().getString("sessionId");
    Reply replay = exchange(code, verifier, clientId, REDIRECT);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.json().getString("error")).isEqualTo("invalid_grant");
    assertThat(
            TestDatabase.count(
                "select count(*) from user_session where id = ?::uuid and signed_out_at is not null",
                session))
        .isEqualTo(1);
  }

  @Test
  void wrongVerifierOtherClientOtherRedirectAndExpiredCodesFail() throws Exception {
    assertThat(
            exchange(signInForCode(), "w" + verifier, clientId, REDIRECT).json().getString("error"))
        .isEqualTo("invalid_grant");
    assertThat(
            exchange(signInForCode(), verifier, clientId, REDIRECT + "x").json().getString("error"))
        .isEqualTo("invalid_grant");
    String otherClient = registerWebApplication("other", redirectUris(REDIRECT));
    assertThat(exchange(signInForCode(), verifier, otherClient, REDIRECT).json().getString("error"))
        .isEqualTo("invalid_grant");
    Reply unknownClient =
        exchange(
            signInForCode(),
            verifier,
            "nobody-" + UUID.randomUUID().toString().substring(0, 8),
            REDIRECT);
    assertThat(unknownClient.status()).isEqualTo(401);
    assertThat(unknownClient.json().getString("error")).isEqualTo("invalid_client");

    String code = signInForCode();
    try (var owner = TestDatabase.asSuperuser();
        var expire =
            owner.prepareStatement(
                "update authorization_code set expires_at = now() - interval '1 second' where code_hash = sha256(convert_to(?, 'UTF8'))")) {
      expire.setString(1, code);
      assertThat(expire.executeUpdate()).isEqualTo(1);
    }
    assertThat(exchange(code, verifier, clientId, REDIRECT).json().getString("error"))
        .isEqualTo("invalid_grant");
    assertThat(
            api()
                .send(
                    "POST",
                    "/api/v1/token",
                    BodyPublishers.ofString("grant_type=password"),
                    "Content-Type",
                    "application/x-www-form-urlencoded")
                .json()
                .getString("error"))
        .isEqualTo("unsupported_grant_type");
  }

  private String sessionToken() {
    Reply token = exchange(signInForCode(), verifier, clientId, REDIRECT);
    assertThat(token.status()).isEqualTo(200);
    return token.json().getString("sessionToken");
  }

  /** The claims re-signed by the server's own key, expiring at {@code exp} (seconds). */
  private static String signedByServerExpiring(JsonObject claims, long exp) throws Exception {
    return TestTokens.signedByServer(
        Json.createObjectBuilder(claims).add("iat", exp - 900).add("exp", exp).build().toString());
  }

  private static void assertReauthenticate(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(410);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).endsWith("/reauthenticate");
    assertThat(reply.header("Cache-Control"))
        .hasValueSatisfying(h -> assertThat(h).contains("no-store"));
  }

  @Test
  void sessionApiAnswersWithTheTokensSessionAndNeverCaches() {
    String token = sessionToken();
    Reply session = api().bearer(token).get("/api/v1/session");
    assertThat(session.status()).as(session.body()).isEqualTo(200);
    assertThat(session.header("Cache-Control"))
        .hasValueSatisfying(h -> assertThat(h).contains("no-store"));
    JsonObject body = session.json();
    assertThat(body.getString("sessionId")).isNotBlank();
    assertThat(body.getString("userId")).isNotBlank();
    assertThat(!body.containsKey("payloadVersion") || body.isNull("payloadVersion")).isTrue();
  }

  @Test
  void signOutEndsEveryTokenAndSigningInAgainContinuesTheSameSession() {
    String first = sessionToken();
    String sessionId = api().bearer(first).get("/api/v1/session").json().getString("sessionId");
    assertThat(api().bearer(first).postJson("/api/v1/session/signout", "").status()).isEqualTo(204);
    assertReauthenticate(api().bearer(first).get("/api/v1/session"));

    String second = sessionToken();
    Reply again = api().bearer(second).get("/api/v1/session");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("sessionId")).isEqualTo(sessionId);
    assertReauthenticate(api().bearer(first).get("/api/v1/session"));
  }

  @Test
  void missingTokenIs410() {
    assertReauthenticate(api().get("/api/v1/session"));
  }

  @Test
  void genuineExpiredTokenIs410ButATamperedOneIs401() throws Exception {
    String live = sessionToken();
    JsonObject claims = decode(live.split("\\.")[1]);
    long now = System.currentTimeMillis() / 1000;
    String expired = signedByServerExpiring(claims, now - 120);
    assertReauthenticate(api().bearer(expired).get("/api/v1/session"));

    // The verifier allows 30 s of clock skew (mp.jwt.verify.clock.skew): a token one second past
    // it asks for a new sign-in, one inside it still works.
    String pastTheSkew = signedByServerExpiring(claims, now - 31);
    assertReauthenticate(api().bearer(pastTheSkew).get("/api/v1/session"));
    String insideTheSkew = signedByServerExpiring(claims, now - 5);
    assertThat(api().bearer(insideTheSkew).get("/api/v1/session").status()).isEqualTo(200);

    String tampered =
        expired.substring(0, expired.length() - 2) + (expired.endsWith("A") ? "BB" : "AA");
    Reply reply = api().bearer(tampered).get("/api/v1/session");
    assertThat(reply.status()).isEqualTo(401);
    String[] parts = expired.split("\\.");
    String changedClaims =
        TestTokens.encode(decode(parts[1]).toString().replace(clientId, clientId + "x"));
    assertThat(
            api()
                .bearer(parts[0] + "." + changedClaims + "." + parts[2])
                .get("/api/v1/session")
                .status())
        .isEqualTo(401);
  }

  @Test
  void forgedTokensAre401() throws Exception {
    JsonObject claims = decode(sessionToken().split("\\.")[1]);
    String json = claims.toString();
    String kid = decode(sessionToken().split("\\.")[0]).getString("kid");
    for (String forged :
        new String[] {
          TestTokens.unsigned(json),
          TestTokens.signedByAttacker(
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", json),
          TestTokens.signedByAttacker(
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown\"}", json),
          TestTokens.signedByAttacker(
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jku\":\"https://evil.example/jwks.json\"}",
              json),
          TestTokens.signedByAttacker(
              "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5u\":\"https://evil.example/cert.pem\"}",
              json),
          TestTokens.signedByAttackerWithItsKeyEmbedded(json),
          hs256WithThePublicKey(kid, json),
          TestTokens.signedByServer(
              Json.createObjectBuilder(claims)
                  .add("iss", "https://evil.example")
                  .build()
                  .toString()),
          "not-a-jwt"
        }) {
      Reply reply = api().bearer(forged).get("/api/v1/session");
      assertThat(reply.status()).as(forged).isEqualTo(401);
      assertThat(reply.body()).doesNotContain("sessionId");
    }
  }

  /**
   * The classic key-confusion forgery: HS256 keyed with the server's public key as the HMAC secret.
   */
  private String hs256WithThePublicKey(String kid, String claims) throws Exception {
    JsonObject jwk =
        api().get("/.well-known/jwks.json").json().getJsonArray("keys").stream()
            .map(k -> k.asJsonObject())
            .filter(k -> k.getString("kid").equals(kid))
            .findFirst()
            .orElseThrow();
    String input =
        TestTokens.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
            + "."
            + TestTokens.encode(claims);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            jwk.toString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aTokenOfOneApplicationPresentedByAnotherOfTheSameWorkspaceIs401AndChangesNothing() {
    String other =
        registerWebApplication("other", redirectUris("https://other.example.com/callback"));
    String token = sessionToken();
    assertThat(putPayload(token, "{\"v\":1}", "SecureFlows-Client-Id", clientId).status())
        .as("the token's own application's back end")
        .isEqualTo(200);
    assertThat(putPayload(token, "{\"v\":2}", "Origin", "https://app.example.com").status())
        .as("a page of the token's own application")
        .isEqualTo(200);

    Reply byOtherBackEnd =
        api().bearer(token).get("/api/v1/session/payload", "SecureFlows-Client-Id", other);
    assertThat(byOtherBackEnd.status()).as(byOtherBackEnd.toString()).isEqualTo(401);
    assertThat(byOtherBackEnd.body()).doesNotContain("\"v\"");
    Reply byOtherPage = putPayload(token, "{\"v\":3}", "Origin", "https://other.example.com");
    assertThat(byOtherPage.status()).as(byOtherPage.toString()).isEqualTo(401);
    assertThat(
            api().bearer(token).delete("/api/v1/session", "SecureFlows-Client-Id", other).status())
        .isEqualTo(401);

    Reply stored = api().bearer(token).get("/api/v1/session/payload");
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.body()).as("unchanged by the other application").isEqualTo("{\"v\":2}");
  }

  @Test
  void aTokenForAnotherAudienceIs401AndKeysAndTokensDoNotCrossApis() throws Exception {
    String token = sessionToken();
    JsonObject claims = decode(token.split("\\.")[1]);
    String otherAudience =
        TestTokens.signedByServer(
            Json.createObjectBuilder(claims).add("aud", "another-app").build().toString());
    assertThat(api().bearer(otherAudience).get("/api/v1/session").status()).isEqualTo(401);
    assertThat(api().bearer(token).get("/api/v1/admin/workspaces").status()).isEqualTo(401);
    assertThat(admin().get("/api/v1/session").status()).isEqualTo(403);
  }

  @Test
  void disablingTheUserEndsItsTokensAtOnce() {
    String token = sessionToken();
    assertThat(api().bearer(token).get("/api/v1/session").status()).isEqualTo(200);
    String userId =
        admin()
            .get("/api/v1/admin/workspaces/" + workspace + "/users?email=" + email)
            .items()
            .getJsonObject(0)
            .getString("id");
    admin().postJson("/api/v1/admin/workspaces/" + workspace + "/users/" + userId + "/disable", "");
    assertReauthenticate(api().bearer(token).get("/api/v1/session"));
  }

  private static String loginCookie(Reply reply) {
    return reply.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sf_login=") && !c.startsWith("sf_login=;"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aReturningBrowserGetsACodeWithoutThePasswordUntilItSignsOutOfTheHostedLogin() {
    Map<String, String> parameters = authorizeParameters(REDIRECT);
    Reply signedIn = submit(authorize(parameters), email, PASSWORD);
    assertThat(signedIn.status()).isEqualTo(303);
    String setCookie = loginCookie(signedIn);
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
    String cookie = setCookie.split(";", 2)[0];
    String firstCode = redirectParameters(signedIn.header("Location").orElseThrow()).get("code");
    String session =
        exchange(firstCode, verifier, clientId, REDIRECT).json().getString("sessionId");

    Map<String, String> returning = authorizeParameters(REDIRECT);
    Reply silent = api().get("/login/authorize?" + HtmlForms.encode(returning), "Cookie", cookie);
    assertThat(silent.status()).as(silent.body()).isEqualTo(303);
    Map<String, String> back = redirectParameters(silent.header("Location").orElseThrow());
    assertThat(back.get("state")).isEqualTo(returning.get("state"));
    assertThat(
            exchange(back.get("code"), verifier, clientId, REDIRECT).json().getString("sessionId"))
        .isEqualTo(session);

    String renewed = loginCookie(submit(authorize(authorizeParameters(REDIRECT)), email, PASSWORD));
    assertThat(renewed.split(";", 2)[0]).as("a new cookie at every sign-in").isNotEqualTo(cookie);

    Reply out = api().send("POST", "/login/logout", BodyPublishers.noBody(), "Cookie", cookie);
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.headers().allValues("Set-Cookie"))
        .as("the cookie is deleted")
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("sf_login=;")
                    .containsAnyOf("Max-Age=0", "Expires=Thu, 01-Jan-1970"));
    Reply afterLogout =
        api()
            .get(
                "/login/authorize?" + HtmlForms.encode(authorizeParameters(REDIRECT)),
                "Cookie",
                cookie);
    assertThat(afterLogout.status()).isEqualTo(200);
    assertThat(afterLogout.body()).contains("name=\"password\"");
  }

  @Test
  void theHostedLoginCookieDoesNotOpenAnotherWorkspace() {
    String cookie =
        loginCookie(submit(authorize(authorizeParameters(REDIRECT)), email, PASSWORD))
            .split(";", 2)[0];
    String otherWorkspace =
        admin()
            .postJson("/api/v1/admin/workspaces", "{\"name\":\"other-" + UUID.randomUUID() + "\"}")
            .json()
            .getString("id");
    String otherClient = "o-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .postJson(
            "/api/v1/admin/workspaces/" + otherWorkspace + "/applications",
            "{\"clientId\":\""
                + otherClient
                + "\",\"name\":\"Other\",\"type\":\"web\",\"redirectUris\":[\""
                + REDIRECT
                + "\"]}");
    Map<String, String> parameters = authorizeParameters(REDIRECT);
    parameters.put("client_id", otherClient);
    Reply reply = api().get("/login/authorize?" + HtmlForms.encode(parameters), "Cookie", cookie);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Location")).isEmpty();
  }

  @Test
  void anApplicationsSignInAndTokenRequestsAreRateLimitedWith429AndRetryAfter() {
    Reply last = null;
    for (int i = 0; i <= 120; i++) {
      last = exchange("no-such-code-" + i, verifier, clientId, REDIRECT);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 61L));
    Reply login = submit(authorize(authorizeParameters(REDIRECT)), email, PASSWORD);
    assertThat(login.status()).isEqualTo(429);
    assertThat(login.header("Location")).isEmpty();
    assertThat(login.header("Retry-After")).isPresent();
  }

  @Test
  void overHttpsTheCookiesAreHostPrefixedAndSecure() {
    ApiClient https = api().https();
    Reply page = https.get("/login/authorize?" + HtmlForms.encode(authorizeParameters(REDIRECT)));
    assertThat(page.status()).isEqualTo(200);
    String csrf = page.header("Set-Cookie").orElseThrow();
    assertThat(csrf)
        .startsWith("__Host-sf_csrf=")
        .contains("Secure")
        .contains("HttpOnly")
        .contains("Path=/");
    assertThat(page.header("Strict-Transport-Security")).isPresent();

    Map<String, String> form = HtmlForms.hiddenFields(page.body());
    form.put("email", email);
    form.put("password", PASSWORD);
    Reply signedIn =
        https.send(
            "POST",
            "/login/authorize",
            BodyPublishers.ofString(HtmlForms.encode(form)),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            csrf.split(";", 2)[0]);
    assertThat(signedIn.status()).isEqualTo(303);
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("__Host-sf_login=")
                    .contains("Secure")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .doesNotContain("Domain="));
  }

  private Reply submitTo(String path, Reply page, String email, String password) {
    Map<String, String> form = HtmlForms.hiddenFields(page.body());
    form.put("email", email);
    form.put("password", password);
    return api()
        .send(
            "POST",
            path,
            BodyPublishers.ofString(HtmlForms.encode(form)),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            page.header("Set-Cookie").orElse("").split(";", 2)[0]);
  }

  @Test
  void selfRegistrationOnlyWhereAllowedAndItSignsTheNewUserIn() throws Exception {
    assertThat(
            api()
                .get("/login/register?" + HtmlForms.encode(authorizeParameters(REDIRECT)))
                .status())
        .isEqualTo(403);

    String openClient =
        registerWebApplication("open", "\"registrationAllowed\":true," + redirectUris(REDIRECT));
    Map<String, String> parameters = authorizeParameters(REDIRECT);
    parameters.put("client_id", openClient);
    String newEmail = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    Reply form = api().get("/login/register?" + HtmlForms.encode(parameters));
    assertThat(form.status()).isEqualTo(200);
    Reply tooShort = submitTo("/login/register", form, newEmail, "short");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(TestDatabase.count("select count(*) from end_user where email = ?", newEmail))
        .isZero();

    Reply registered =
        submitTo(
            "/login/register",
            api().get("/login/register?" + HtmlForms.encode(parameters)),
            newEmail,
            PASSWORD);
    assertThat(registered.status()).as(registered.body()).isEqualTo(303);
    String code = redirectParameters(registered.header("Location").orElseThrow()).get("code");
    assertThat(exchange(code, verifier, openClient, REDIRECT).status()).isEqualTo(200);
    assertThat(
            TestDatabase.count(
                "select count(*) from end_user where email = ? and password_hash like '$argon2id$%'",
                newEmail))
        .isEqualTo(1);

    Reply again =
        submitTo(
            "/login/register",
            api().get("/login/register?" + HtmlForms.encode(parameters)),
            newEmail,
            PASSWORD);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.header("Location")).isEmpty();
    assertThat(TestDatabase.count("select count(*) from end_user where email = ?", newEmail))
        .isEqualTo(1);
  }

  @Test
  void theHostedLoginPageWorksInAHeadlessBrowserWithJavaScriptOff() throws Exception {
    String callback = "http://127.0.0.1:" + deployment.getPort() + "/browser-callback";
    String browserClient = registerWebApplication("browser", redirectUris(callback));
    Map<String, String> parameters = authorizeParameters(callback);
    parameters.put("client_id", browserClient);
    String start =
        "http://127.0.0.1:"
            + deployment.getPort()
            + "/login/authorize?"
            + HtmlForms.encode(parameters);

    try (Browser browser = Browser.start(false)) {
      WebDriver page = browser.driver();
      page.get(start);
      assertThat(page.getTitle()).isEqualTo("Sign in to App");
      assertThat(page.findElement(By.cssSelector("label[for=email]")).getText()).isEqualTo("Email");
      page.findElement(By.id("email")).sendKeys(email);
      page.findElement(By.id("password")).sendKeys("wrong password, first");
      page.findElement(By.cssSelector("button[type=submit]")).click();
      // The click may return before the answer to the form's POST has replaced the page.
      WebElement alert =
          new WebDriverWait(page, Duration.ofSeconds(10))
              .until(
                  driver ->
                      driver.findElements(By.cssSelector("[role=alert]")).stream()
                          .findFirst()
                          .orElse(null));
      assertThat(alert.getText()).isEqualTo("The email or password is not correct.");
      browser.screenshot("hosted-login-failure");

      page.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.screenshot("hosted-login");
      page.findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(page, Duration.ofSeconds(10))
          .until(driver -> driver.getCurrentUrl().startsWith(callback + "?code="));
      Map<String, String> back = redirectParameters(page.getCurrentUrl());
      assertThat(back.get("state")).isEqualTo(parameters.get("state"));
      assertThat(exchange(back.get("code"), verifier, browserClient, callback).status())
          .isEqualTo(200);
    }
  }

  @Test
  void signInsCodeReplaysAndSignOutsAreAuditedWithoutSecrets() throws Exception {
    submit(authorize(authorizeParameters(REDIRECT)), email, "a wrong password here");
    String code = signInForCode();
    String token = exchange(code, verifier, clientId, REDIRECT).json().getString("sessionToken");
    exchange(code, verifier, clientId, REDIRECT);
    Reply relogin = exchange(signInForCode(), verifier, clientId, REDIRECT);
    String liveToken = relogin.json().getString("sessionToken");
    String plaintext = "payload plaintext " + UUID.randomUUID();
    assertThat(
            api()
                .bearer(liveToken)
                .send(
                    "PUT",
                    "/api/v1/session/payload",
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"note\":\"" + plaintext + "\"}"),
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(200);
    String sessionId = relogin.json().getString("sessionId");
    assertThat(
            admin()
                .get(
                    "/api/v1/admin/workspaces/"
                        + workspace
                        + "/sessions/"
                        + sessionId
                        + "/payload?reason=support")
                .body())
        .contains(plaintext);
    api().bearer(liveToken).postJson("/api/v1/session/signout", "");

    String actions = "select count(*) from audit_event where workspace_id = ?::uuid and action = ?";
    assertThat(TestDatabase.count(actions, workspace, "login.failed")).isEqualTo(1);
    assertThat(TestDatabase.count(actions, workspace, "login.succeeded")).isEqualTo(2);
    assertThat(TestDatabase.count(actions, workspace, "token.code_replayed")).isEqualTo(1);
    assertThat(TestDatabase.count(actions, workspace, "session.signed_out")).isEqualTo(1);
    assertThat(TestDatabase.count(actions, workspace, "user.created")).isEqualTo(1);
    String everything =
        "select count(*) from audit_event where workspace_id = ?::uuid and concat_ws('|', actor_id, action, target,"
            + " client_address) like ?";
    for (String secret : new String[] {PASSWORD, "a wrong password here", token, code, email}) {
      assertThat(TestDatabase.count(everything, workspace, "%" + secret + "%"))
          .as("no secret in the audit")
          .isZero();
    }
    String wholeRow =
        "select count(*) from audit_event a where workspace_id = ?::uuid and row_to_json(a)::text like ?";
    for (String secret :
        new String[] {
          PASSWORD,
          "a wrong password here",
          token,
          liveToken,
          code,
          plaintext,
          TestEnvironment.PLATFORM_API_KEY
        }) {
      assertThat(TestDatabase.count(wholeRow, workspace, "%" + secret + "%"))
          .as("no secret, token, API key or payload plaintext in any column of the audit")
          .isZero();
    }
    try (var runtime = TestDatabase.asRuntime();
        var update = runtime.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> update.executeUpdate("update audit_event set action = 'forged'"))
          .hasMessageContaining("permission denied");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> update.executeUpdate("delete from audit_event"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void anAdministratorRevokesASessionAndItsTokensStopAtOnce() {
    String token = sessionToken();
    String session = api().bearer(token).get("/api/v1/session").json().getString("sessionId");
    assertThat(
            admin()
                .postJson(
                    "/api/v1/admin/workspaces/" + workspace + "/sessions/" + session + "/revoke",
                    "")
                .status())
        .isEqualTo(204);
    assertReauthenticate(api().bearer(token).get("/api/v1/session"));
    String otherWorkspace =
        admin()
            .postJson("/api/v1/admin/workspaces", "{\"name\":\"x-" + UUID.randomUUID() + "\"}")
            .json()
            .getString("id");
    assertThat(
            admin()
                .postJson(
                    "/api/v1/admin/workspaces/"
                        + otherWorkspace
                        + "/sessions/"
                        + session
                        + "/revoke",
                    "")
                .status())
        .as("another workspace's session is not found")
        .isEqualTo(404);
  }

  @Test
  void authorizationServerMetadataDescribesTheEndpoints() {
    Reply metadata = api().get("/.well-known/oauth-authorization-server");
    assertThat(metadata.status()).isEqualTo(200);
    JsonObject body = metadata.json();
    assertThat(body.getString("issuer")).isEqualTo("secureflows");
    assertThat(body.getString("authorization_endpoint")).endsWith("/login/authorize");
    assertThat(body.getString("token_endpoint")).endsWith("/api/v1/token");
    assertThat(body.getString("jwks_uri")).endsWith("/.well-known/jwks.json");
    assertThat(body.getJsonArray("code_challenge_methods_supported").getString(0))
        .isEqualTo("S256");
    assertThat(body.getJsonArray("code_challenge_methods_supported")).hasSize(1);
  }

  private Reply putPayload(String token, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return api()
        .bearer(token)
        .send("PUT", "/api/v1/session/payload", BodyPublishers.ofString(json), all);
  }

  @Test
  void payloadIsStoredByteForByteWithEtagsAndSurvivesReauthentication() throws Exception {
    String token = sessionToken();
    assertThat(api().bearer(token).get("/api/v1/session/payload").status()).isEqualTo(204);
    String document = "{ \"note\" : \"Grüße ✓\",\n  \"n\": [1, 2.50, true, null] }";
    Reply stored = putPayload(token, document);
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.header("ETag")).contains("\"1\"");
    assertThat(stored.header("Cache-Control"))
        .hasValueSatisfying(h -> assertThat(h).contains("no-store"));
    Reply read = api().bearer(token).get("/api/v1/session/payload");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(document);
    assertThat(read.header("ETag")).contains("\"1\"");
    assertThat(read.header("Cache-Control"))
        .hasValueSatisfying(h -> assertThat(h).contains("no-store"));

    assertThat(putPayload(token, "{\"v\":2}", "If-Match", "\"1\"").status()).isEqualTo(200);
    Reply stale = putPayload(token, "{\"v\":3}", "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(api().bearer(token).get("/api/v1/session/payload").body()).isEqualTo("{\"v\":2}");

    api().bearer(token).postJson("/api/v1/session/signout", "");
    assertReauthenticate(api().bearer(token).get("/api/v1/session/payload"));
    String again = sessionToken();
    assertThat(api().bearer(again).get("/api/v1/session/payload").body())
        .as("410 means sign in again, nothing lost")
        .isEqualTo("{\"v\":2}");
  }

  @Test
  void badPayloadsAreRefusedAndChangeNothing() throws Exception {
    String token = sessionToken();
    putPayload(token, "{\"keep\":true}");
    for (String bad : new String[] {"{\"a\":", "not json", "", "[".repeat(65) + "]".repeat(65)}) {
      Reply reply = putPayload(token, bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    Reply invalidUtf8 =
        api()
            .bearer(token)
            .send(
                "PUT",
                "/api/v1/session/payload",
                BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}),
                "Content-Type",
                "application/json");
    assertThat(invalidUtf8.status()).isEqualTo(400);
    Reply text =
        api()
            .bearer(token)
            .send(
                "PUT",
                "/api/v1/session/payload",
                BodyPublishers.ofString("{}"),
                "Content-Type",
                "text/plain");
    assertThat(text.status()).isEqualTo(415);
    Reply tooLarge = putPayload(token, "{\"x\":\"" + "y".repeat(65_536) + "\"}");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(api().bearer(token).get("/api/v1/session/payload").body())
        .isEqualTo("{\"keep\":true}");
  }

  @Test
  void deletingThePayloadAndErasingTheSession() throws Exception {
    String token = sessionToken();
    putPayload(token, "{\"gone\":\"soon\"}");
    assertThat(api().bearer(token).delete("/api/v1/session/payload").status()).isEqualTo(204);
    assertThat(api().bearer(token).get("/api/v1/session/payload").status()).isEqualTo(204);
    putPayload(token, "{\"again\":1}");
    String session = api().bearer(token).get("/api/v1/session").json().getString("sessionId");
    assertThat(api().bearer(token).delete("/api/v1/session").status()).isEqualTo(204);
    assertReauthenticate(api().bearer(token).get("/api/v1/session"));
    assertThat(TestDatabase.count("select count(*) from user_session where id = ?::uuid", session))
        .isZero();
    assertThat(
            TestDatabase.count(
                "select count(*) from session_payload where session_id = ?::uuid", session))
        .isZero();
  }
}
