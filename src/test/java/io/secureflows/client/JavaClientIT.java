package io.secureflows.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestEnvironment;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client against the real server: a code from the real hosted login (PKCE S256) exchanged
 * by the client, the payload written and read back through it with If-Match, and each status rule
 * as the exception a caller acts on (410 sign in again, 401 invalid token, 412 stale, the token
 * endpoint's {@code invalid_grant}).
 */
@IntegrationTest
class JavaClientIT {
  // Odd on purpose: whitespace, key order, escapes, numbers and characters outside the BMP, which
  // a client that parsed and re-serialized the document would change.
  private static final String DOCUMENT =
      "{ \"z\" : 1,\n\t\"a\":[1.0e3, -0, 0.10 ],\"text\":\"grüße 😀 \\u00e9 \\\"q\\\"\","
          + " \"nested\":{\"k\":null}}  ";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  private Tenant tenant;
  private Tenant.User user;

  /** The client as a development setup makes it: its own HttpClient, plain HTTP on loopback. */
  private SecureFlowsClient onLoopback;

  /**
   * The client as a deployment makes it: over HTTPS, through the caller's HttpClient (here one that
   * trusts the test run's self-signed certificate).
   */
  private SecureFlowsClient overHttps;

  @BeforeEach
  void applicationUserAndClients() {
    tenant = Tenant.create(deployment, "java-client");
    user = tenant.newUser();
    onLoopback =
        new SecureFlowsClient(
            URI.create("http://127.0.0.1:" + deployment.getPort()),
            tenant.clientId,
            Tenant.REDIRECT);
    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(TestEnvironment.trustingTheServer())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    overHttps =
        new SecureFlowsClient(
            URI.create("https://127.0.0.1:" + TestEnvironment.get().httpsPort()),
            tenant.clientId,
            Tenant.REDIRECT,
            trusting);
  }

  /** The user signs in through the hosted login; the client exchanges the code it brought back. */
  private Session signIn(SecureFlowsClient client) {
    Tenant.AuthorizationCode code = tenant.authorizationCode(user.email());
    return client.exchange(code.code(), code.verifier());
  }

  @Test
  void aCodeFromTheHostedLoginOpensASessionWhosePayloadComesBackByteForByte() {
    Instant before = Instant.now();
    Session session = signIn(overHttps);

    assertThat(session.sessionId()).isNotBlank();
    assertThat(session.tokenExpiresAt()).isAfter(before.plusSeconds(60));
    assertThat(overHttps.get(session).isEmpty()).isTrue();

    String etag = overHttps.put(session, DOCUMENT, null);
    Payload read = overHttps.get(session);

    assertThat(read.bytes()).isEqualTo(DOCUMENT.getBytes(StandardCharsets.UTF_8));
    assertThat(read.json()).isEqualTo(DOCUMENT);
    assertThat(read.etag()).isEqualTo(etag);
    assertThat(onLoopback.get(session).bytes())
        .as("the same session, whichever listener the client uses")
        .isEqualTo(DOCUMENT.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aWriteBasedOnAStaleETagIsRefusedAsPreconditionFailedAndChangesNothing() {
    Session session = signIn(onLoopback);
    String first = onLoopback.put(session, "{\"v\":1}", null);
    String second = onLoopback.put(session, "{\"v\":2}", first);
    assertThat(second).isNotEqualTo(first);

    PreconditionFailedException stale =
        thrown(
            PreconditionFailedException.class, () -> onLoopback.put(session, "{\"v\":3}", first));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.getMessage()).contains("If-Match", "nothing was written", "ETag");
    Payload current = onLoopback.get(session);
    assertThat(current.json()).isEqualTo("{\"v\":2}");
    assertThat(current.etag()).isEqualTo(second);
    assertThat(onLoopback.put(session, "{\"v\":3}", current.etag())).isNotEqualTo(second);
    assertThat(onLoopback.get(session).json()).isEqualTo("{\"v\":3}");
  }

  @Test
  void aDocumentTheServerRefusesComesBackWithItsStatusAndProblemButNotTheDocument() {
    Session session = signIn(onLoopback);

    SecureFlowsException refused =
        thrown(
            SecureFlowsException.class,
            () -> onLoopback.put(session, "{\"secret\":\"not closed\"", null));

    assertThat(refused.getClass()).isEqualTo(SecureFlowsException.class);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.title()).isNotBlank();
    assertThat(refused.detail()).isNotBlank();
    assertThat(refused.getMessage())
        .contains("PUT /api/v1/session/payload", "400", refused.title())
        .doesNotContain("not closed");
  }

  @Test
  void deletingThePayloadLeavesTheSessionWithNothingStored() {
    Session session = signIn(onLoopback);
    onLoopback.put(session, DOCUMENT, null);

    onLoopback.delete(session);

    assertThat(onLoopback.get(session).isEmpty()).isTrue();
    assertThat(onLoopback.get(session).etag()).isNull();
  }

  @Test
  void afterSignOutTheSessionMustSignInAgainAndFindsItsPayloadKept() {
    Session session = signIn(onLoopback);
    onLoopback.put(session, DOCUMENT, null);

    onLoopback.signOut(session);

    ReauthenticationRequiredException gone =
        thrown(ReauthenticationRequiredException.class, () -> onLoopback.get(session));
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.type()).endsWith("/reauthenticate");
    assertThat(gone.getMessage()).contains("Sign in again").doesNotContain(session.token());
    assertThatThrownBy(() -> onLoopback.put(session, "{}", null))
        .isInstanceOf(ReauthenticationRequiredException.class);
    assertThatThrownBy(() -> onLoopback.signOut(session))
        .isInstanceOf(ReauthenticationRequiredException.class);

    Session again = signIn(onLoopback);
    assertThat(again.sessionId()).isEqualTo(session.sessionId());
    assertThat(onLoopback.get(again).bytes()).isEqualTo(DOCUMENT.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTamperedTokenIsRefusedAsInvalidNotAsSignInAgain() {
    Session session = signIn(onLoopback);
    onLoopback.put(session, "{\"mine\":true}", null);
    String[] parts = session.token().split("\\.");
    Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(decode(parts[1]));
    assertThat(exp.find()).isTrue();
    String longerLived = exp.replaceFirst("\"exp\":" + (Long.parseLong(exp.group(1)) + 86_400));
    String withLongerLife = parts[0] + "." + encode(longerLived) + "." + parts[2];
    String signature = parts[2];
    String otherSignature =
        signature.substring(0, signature.length() - 2) + (signature.endsWith("A") ? "BB" : "AA");
    String withOtherSignature = parts[0] + "." + parts[1] + "." + otherSignature;

    for (String forged : new String[] {withLongerLife, withOtherSignature}) {
      Session tampered = new Session(forged, session.sessionId(), session.tokenExpiresAt());
      InvalidTokenException invalid =
          thrown(InvalidTokenException.class, () -> onLoopback.get(tampered));
      assertThat(invalid.status()).isEqualTo(401);
      assertThat(invalid.getMessage())
          .contains("invalid")
          .doesNotContain(forged)
          .doesNotContain(parts[2]);
      assertThatThrownBy(() -> onLoopback.put(tampered, "{\"mine\":false}", null))
          .isInstanceOf(InvalidTokenException.class);
    }
    assertThat(onLoopback.get(session).json())
        .as("the genuine token still works and nothing was written")
        .isEqualTo("{\"mine\":true}");
  }

  @Test
  void aCodeWorksOnceAndItsReplayIsInvalidGrantAndSignsTheSessionOut() {
    Tenant.AuthorizationCode code = tenant.authorizationCode(user.email());
    Session session = onLoopback.exchange(code.code(), code.verifier());

    SecureFlowsException replay =
        thrown(SecureFlowsException.class, () -> onLoopback.exchange(code.code(), code.verifier()));

    assertThat(replay.getClass()).isEqualTo(SecureFlowsException.class);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.error()).isEqualTo("invalid_grant");
    assertThat(replay.detail()).isNotBlank();
    assertThat(replay.getMessage())
        .contains("invalid_grant")
        .doesNotContain(code.code())
        .doesNotContain(code.verifier());
    assertThatThrownBy(() -> onLoopback.get(session))
        .as("the server takes a replayed code as stolen and ends the session's tokens")
        .isInstanceOf(ReauthenticationRequiredException.class);
  }

  /** The exception the call threw, failing the test clearly when it threw none of that type. */
  private static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    T thrown = catchThrowableOfType(type, call);
    assertThat(thrown).as("the call should have thrown " + type.getSimpleName()).isNotNull();
    return thrown;
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
