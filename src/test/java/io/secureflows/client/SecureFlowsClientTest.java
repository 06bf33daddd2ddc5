package io.secureflows.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java client's pure parts: what an error answer becomes, that neither the token nor the
 * payload ever shows in a string, and which base URIs the client accepts. The calls themselves run
 * against the real server in {@link JavaClientIT}.
 */
class SecureFlowsClientTest {
  private static final String TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNlY3JldA";

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] problem(int status, String slug, String title, String detail) {
    return utf8(
        "{\"type\":\"https://secureflows.io/problems/"
            + slug
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}");
  }

  @Test
  void status410MeansSignInAgainAndKeepsWhatTheServerSaid() {
    SecureFlowsException failure =
        Answers.sessionApiFailure(
            "GET /api/v1/session/payload",
            410,
            problem(410, "reauthenticate", "Sign in again", "The session was signed out."));

    assertThat(failure).isInstanceOf(ReauthenticationRequiredException.class);
    assertThat(failure.status()).isEqualTo(410);
    assertThat(failure.type()).isEqualTo("https://secureflows.io/problems/reauthenticate");
    assertThat(failure.title()).isEqualTo("Sign in again");
    assertThat(failure.detail()).isEqualTo("The session was signed out.");
    assertThat(failure.error()).isNull();
    assertThat(failure.getMessage())
        .contains("Sign in again", "410", "The session was signed out.", "hosted login")
        .contains("kept");
  }

  @Test
  void status401MeansAnInvalidTokenNotAnEndedSession() {
    SecureFlowsException failure =
        Answers.sessionApiFailure(
            "GET /api/v1/session/payload",
            401,
            problem(401, "unauthorized", "Unauthorized", "The credentials are not valid."));

    assertThat(failure)
        .isInstanceOf(InvalidTokenException.class)
        .isNotInstanceOf(ReauthenticationRequiredException.class);
    assertThat(failure.status()).isEqualTo(401);
    assertThat(failure.getMessage())
        .contains("invalid", "401", "The credentials are not valid.", "client id");
  }

  @Test
  void status412IsAStaleIfMatchAndSaysHowToRecover() {
    SecureFlowsException failure =
        Answers.sessionApiFailure(
            "PUT /api/v1/session/payload",
            412,
            problem(
                412,
                "precondition-failed",
                "Precondition failed",
                "The payload changed since the version in If-Match; read it again."));

    assertThat(failure).isInstanceOf(PreconditionFailedException.class);
    assertThat(failure.status()).isEqualTo(412);
    assertThat(failure.getMessage()).contains("If-Match", "nothing was written", "read", "ETag");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 413, 415, 429, 500, 503})
  void otherErrorsCarryTheirStatusAndTheProblemsTitleAndDetail(int status) {
    SecureFlowsException failure =
        Answers.sessionApiFailure(
            "PUT /api/v1/session/payload",
            status,
            problem(status, "some-problem", "Some title", "Some detail."));

    assertThat(failure.getClass()).isEqualTo(SecureFlowsException.class);
    assertThat(failure.status()).isEqualTo(status);
    assertThat(failure.title()).isEqualTo("Some title");
    assertThat(failure.detail()).isEqualTo("Some detail.");
    assertThat(failure.getMessage())
        .isEqualTo(
            "PUT /api/v1/session/payload failed with HTTP "
                + status
                + ": Some title: Some detail.");
  }

  @Test
  void anAnswerThatIsNoProblemStillGivesItsStatusButIsNotQuoted() {
    byte[] html = utf8("<html><body>Bad gateway from a proxy</body></html>");

    SecureFlowsException failure =
        Answers.sessionApiFailure("GET /api/v1/session/payload", 502, html);

    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.title()).isNull();
    assertThat(failure.detail()).isNull();
    assertThat(failure.getMessage())
        .isEqualTo("GET /api/v1/session/payload failed with HTTP 502.")
        .doesNotContain("proxy");
    assertThat(Answers.sessionApiFailure("GET /x", 500, new byte[0]).status()).isEqualTo(500);
    assertThat(Answers.sessionApiFailure("GET /x", 500, utf8("[1,2]")).title()).isNull();
    assertThat(Answers.sessionApiFailure("GET /x", 500, utf8("{\"title\":7}")).title()).isNull();
  }

  @Test
  void whatTheServerSaysReachesTheMessageAsOneShortLine() {
    String forgedLogLine = "first line\\n2026-01-01 INFO forged entry";
    String flood = "x".repeat(5_000);

    SecureFlowsException failure =
        Answers.sessionApiFailure(
            "GET /api/v1/session/payload", 400, problem(400, "bad", forgedLogLine, flood));

    assertThat(failure.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000);
    assertThat(failure.detail()).isEqualTo(flood);
  }

  @Test
  void tokenEndpointErrorsCarryTheOAuthErrorAndItsDescription() {
    byte[] body =
        utf8(
            "{\"error\":\"invalid_grant\",\"error_description\":\"The code is invalid, expired,"
                + " already used, or was issued to another client.\"}");

    SecureFlowsException failure = Answers.tokenFailure(400, body);

    assertThat(failure.getClass()).isEqualTo(SecureFlowsException.class);
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.error()).isEqualTo("invalid_grant");
    assertThat(failure.title()).isEqualTo("invalid_grant");
    assertThat(failure.detail()).startsWith("The code is invalid");
    assertThat(failure.getMessage())
        .contains("POST /api/v1/token", "400", "invalid_grant", "The code is invalid")
        .contains("start the login again");

    SecureFlowsException unknownClient =
        Answers.tokenFailure(
            401, utf8("{\"error\":\"invalid_client\",\"error_description\":\"Unknown client.\"}"));
    assertThat(unknownClient)
        .as("a token endpoint 401 is about the client, not a sessionToken")
        .isNotInstanceOf(InvalidTokenException.class);
    assertThat(unknownClient.error()).isEqualTo("invalid_client");
  }

  @Test
  void aSessionNeverPrintsItsToken() {
    Session session = new Session(TOKEN, "session-1", Instant.parse("2026-12-04T12:00:00Z"));

    assertThat(session.toString())
        .contains("session-1", "2026-12-04T12:00:00Z")
        .doesNotContain(TOKEN)
        .doesNotContain("c2lnbmF0dXJlLXNlY3JldA")
        .doesNotContain("eyJ");
    assertThat(session).isNotInstanceOf(java.io.Serializable.class);
  }

  @Test
  void aPayloadNeverPrintsItsContentAndIsReturnedAsStored() {
    byte[] stored = utf8("{ \"diagnosis\" : \"private ü\" }");
    Payload payload = Payload.of(stored, "\"3\"");
    stored[0] = 'X';

    assertThat(payload.toString()).contains("\"3\"").doesNotContain("diagnosis", "private");
    assertThat(payload.json()).isEqualTo("{ \"diagnosis\" : \"private ü\" }");
    assertThat(payload.etag()).isEqualTo("\"3\"");
    payload.bytes()[0] = 'Y';
    assertThat(payload.bytes()).isEqualTo(utf8("{ \"diagnosis\" : \"private ü\" }"));
  }

  @Test
  void anEmptyPayloadHasNoContentAndNoETag() {
    Payload empty = Payload.empty();

    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.etag()).isNull();
    assertThat(empty.toString()).isEqualTo("Payload[empty]");
    assertThatThrownBy(empty::json).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(empty::bytes).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void theClientPrintsWhereItCallsButNoSecret() {
    SecureFlowsClient client =
        new SecureFlowsClient(
            URI.create("https://sf.example.com"), "my-app", "https://app.example.com/callback");

    assertThat(client.toString())
        .isEqualTo("SecureFlowsClient[https://sf.example.com/, clientId=my-app]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://sf.example.com",
        "https://sf.example.com/",
        "https://sf.example.com:8443/prefix",
        "http://127.0.0.1:8080",
        "http://localhost:8080/",
        "http://[::1]:8080"
      })
  void httpsOrLoopbackHttpBaseUrisAreAcceptedAndKeepTheirPath(String uri) {
    URI base = SecureFlowsClient.baseOf(URI.create(uri));

    assertThat(base.toString()).endsWith("/");
    assertThat(base.resolve("api/v1/token").toString())
        .isEqualTo(uri.replaceAll("/$", "") + "/api/v1/token");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://sf.example.com",
        "http://10.0.0.5:8080",
        "ftp://sf.example.com",
        "/relative",
        "https://sf.example.com/?a=b",
        "https://sf.example.com/#x"
      })
  void plainHttpToAnotherHostAndOddBaseUrisAreRefusedBeforeATokenIsSent(String uri) {
    assertThatThrownBy(() -> SecureFlowsClient.baseOf(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBaseUriWithUserInfoIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(
            () -> SecureFlowsClient.baseOf(URI.create("https://me:hunter2@sf.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
  }
}
