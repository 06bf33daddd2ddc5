package io.secureflows.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the invariants of a new application and of a workspace: defaults are applied, every broken
 * rule is reported at once under its field name, and nothing invalid is ever constructed.
 */
class ApplicationTest {

  private static final UUID WORKSPACE = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2025-02-01T00:00:00Z");
  private static final List<String> WEB_URIS = List.of("https://app.example.com/callback");

  private static Application web(ApplicationSettings settings) {
    return new Application(
        WORKSPACE, "my-app", "My App", ApplicationType.WEB, WEB_URIS, settings, NOW);
  }

  private static ApplicationSettings settings(
      Integer token, Integer idle, Integer max, Integer payload) {
    return new ApplicationSettings(token, idle, max, payload, null);
  }

  private static List<String> fieldsOf(ThrowingCallable call) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
    assertThat(e).as("expected an InvalidInputException").isNotNull();
    return e.errors().stream().map(FieldError::field).collect(Collectors.toList());
  }

  @Test
  void servesOnlyTheOriginsOfItsOwnWebRedirectUris() {
    Application app =
        new Application(
            WORKSPACE,
            "my-app",
            "My App",
            ApplicationType.WEB,
            List.of("https://app.example.com/callback", "http://127.0.0.1:8123/cb?x=1"),
            null,
            NOW);

    assertThat(app.servesOrigin("https://app.example.com")).isTrue();
    assertThat(app.servesOrigin("HTTPS://APP.example.com"))
        .as("origins compare without case")
        .isTrue();
    assertThat(app.servesOrigin("http://127.0.0.1:8123")).isTrue();
    assertThat(app.servesOrigin("https://other.example.com")).isFalse();
    assertThat(app.servesOrigin("https://app.example.com.evil.tld")).isFalse();
    assertThat(app.servesOrigin("http://app.example.com")).as("another scheme").isFalse();
    assertThat(app.servesOrigin("http://127.0.0.1:8124")).as("another port").isFalse();
    assertThat(app.servesOrigin("null")).as("an opaque origin").isFalse();
    Application mobile =
        new Application(
            WORKSPACE,
            "mobile",
            "Mobile",
            ApplicationType.MOBILE,
            List.of("com.example.app:/oauth2redirect"),
            null,
            NOW);
    assertThat(mobile.servesOrigin("https://app.example.com"))
        .as("no page is a mobile app's")
        .isFalse();
  }

  @Test
  void appliesDefaultsWhenSettingsAreNull() {
    Application app = web(null);

    assertThat(app.tokenTtlSeconds()).isEqualTo(900);
    assertThat(app.sessionIdleTtlSeconds()).isEqualTo(604_800);
    assertThat(app.sessionMaxTtlSeconds()).isEqualTo(2_592_000);
    assertThat(app.payloadMaxBytes()).isEqualTo(65_536);
    assertThat(app.registrationAllowed()).isFalse();
  }

  @Test
  void appliesDefaultsToEachNullSetting() {
    Application app = web(new ApplicationSettings(120, null, null, 1024, null));

    assertThat(app.tokenTtlSeconds()).isEqualTo(120);
    assertThat(app.sessionIdleTtlSeconds()).isEqualTo(604_800);
    assertThat(app.sessionMaxTtlSeconds()).isEqualTo(2_592_000);
    assertThat(app.payloadMaxBytes()).isEqualTo(1024);
    assertThat(app.registrationAllowed()).isFalse();
    assertThat(web(ApplicationSettings.defaults()).tokenTtlSeconds()).isEqualTo(900);
  }

  @Test
  void keepsExplicitSettings() {
    Application app = web(new ApplicationSettings(60, 3600, 7200, 1_048_576, true));

    assertThat(app.tokenTtlSeconds()).isEqualTo(60);
    assertThat(app.sessionIdleTtlSeconds()).isEqualTo(3600);
    assertThat(app.sessionMaxTtlSeconds()).isEqualTo(7200);
    assertThat(app.payloadMaxBytes()).isEqualTo(1_048_576);
    assertThat(app.registrationAllowed()).isTrue();
  }

  @Test
  void recordsIdentityAndTimestamps() {
    Application app = web(null);

    assertThat(app.id()).isNotNull();
    assertThat(app.id().version()).isEqualTo(7);
    assertThat(app.workspaceId()).isEqualTo(WORKSPACE);
    assertThat(app.clientId()).isEqualTo("my-app");
    assertThat(app.name()).isEqualTo("My App");
    assertThat(app.type()).isEqualTo(ApplicationType.WEB);
    assertThat(app.redirectUris()).containsExactlyElementsOf(WEB_URIS);
    assertThat(app.createdAt()).isEqualTo(NOW);
    assertThat(app.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void collectsEveryFieldErrorIntoOneException() {
    List<String> uris =
        List.of(
            "https://app.example.com/cb",
            "http://app.example.com/cb",
            "https://app.example.com/cb");
    ApplicationSettings bad = new ApplicationSettings(0, 7200, 3600, 2_000_000, null);

    List<String> fields = fieldsOf(() -> new Application(WORKSPACE, "x", "", null, uris, bad, NOW));

    assertThat(fields)
        .containsExactlyInAnyOrder(
            "clientId",
            "name",
            "type",
            "redirectUris",
            "redirectUris[1]",
            "tokenTtlSeconds",
            "sessionMaxTtlSeconds",
            "payloadMaxBytes");
  }

  @Test
  void namesEveryBadRedirectUriByIndex() {
    List<String> uris =
        List.of(
            "https://app.example.com/ok",
            "javascript:alert(1)",
            "https://app.example.com/also-ok",
            "https://user@evil.example/cb");

    List<String> fields =
        fieldsOf(
            () ->
                new Application(
                    WORKSPACE, "my-app", "My App", ApplicationType.WEB, uris, null, NOW));

    assertThat(fields).containsExactly("redirectUris[1]", "redirectUris[3]");
  }

  @Test
  void refusesDuplicateRedirectUris() {
    List<String> uris = List.of("https://app.example.com/cb", "https://app.example.com/cb");

    List<String> fields =
        fieldsOf(
            () ->
                new Application(
                    WORKSPACE, "my-app", "My App", ApplicationType.WEB, uris, null, NOW));

    assertThat(fields).containsExactly("redirectUris");
  }

  @Test
  void refusesMoreThanTwentyRedirectUris() {
    List<String> uris =
        IntStream.rangeClosed(1, 21)
            .mapToObj(i -> "https://app.example.com/cb" + i)
            .collect(Collectors.toList());

    List<String> fields =
        fieldsOf(
            () ->
                new Application(
                    WORKSPACE, "my-app", "My App", ApplicationType.WEB, uris, null, NOW));

    assertThat(fields).containsExactly("redirectUris");
    assertThatNoException()
        .isThrownBy(
            () ->
                new Application(
                    WORKSPACE,
                    "my-app",
                    "My App",
                    ApplicationType.WEB,
                    uris.subList(0, 20),
                    null,
                    NOW));
  }

  @Test
  void automationMayHaveNoRedirectUris() {
    Application none =
        new Application(
            WORKSPACE, "robot", "Robot", ApplicationType.AUTOMATION, List.of(), null, NOW);
    Application nullList =
        new Application(WORKSPACE, "robot", "Robot", ApplicationType.AUTOMATION, null, null, NOW);

    assertThat(none.redirectUris()).isEmpty();
    assertThat(nullList.redirectUris()).isEmpty();
  }

  @Test
  void webAndMobileNeedARedirectUri() {
    assertThat(
            fieldsOf(
                () ->
                    new Application(
                        WORKSPACE, "my-app", "App", ApplicationType.WEB, List.of(), null, NOW)))
        .containsExactly("redirectUris");
    assertThat(
            fieldsOf(
                () ->
                    new Application(
                        WORKSPACE, "my-app", "App", ApplicationType.MOBILE, null, null, NOW)))
        .containsExactly("redirectUris");
  }

  @Test
  void checksRedirectUrisAgainstTheApplicationType() {
    List<String> uris = List.of("com.example.app:/oauth2redirect");

    Application mobile =
        new Application(WORKSPACE, "mobile", "Mobile", ApplicationType.MOBILE, uris, null, NOW);

    assertThat(mobile.redirectUris()).containsExactly("com.example.app:/oauth2redirect");
    assertThat(
            fieldsOf(
                () ->
                    new Application(
                        WORKSPACE, "web-app", "Web", ApplicationType.WEB, uris, null, NOW)))
        .containsExactly("redirectUris[0]");
  }

  @Test
  void keepsItsOwnCopyOfRedirectUris() {
    List<String> uris = new ArrayList<>(List.of("https://app.example.com/cb"));
    Application app =
        new Application(WORKSPACE, "my-app", "My App", ApplicationType.WEB, uris, null, NOW);

    uris.add("https://evil.example/cb");

    assertThat(app.redirectUris()).containsExactly("https://app.example.com/cb");
  }

  @Test
  void refusesSessionMaxTtlBelowIdleTtl() {
    List<String> fields = fieldsOf(() -> web(settings(null, 7200, 3600, null)));

    assertThat(fields).containsExactly("sessionMaxTtlSeconds");
    assertThat(web(settings(null, 7200, 7200, null)).sessionMaxTtlSeconds()).isEqualTo(7200);
  }

  @Test
  void refusesDefaultMaxTtlBelowExplicitIdleTtl() {
    int idle = 60 * 24 * 3600;

    assertThat(fieldsOf(() -> web(settings(null, idle, null, null))))
        .containsExactly("sessionMaxTtlSeconds");
  }

  @Test
  void refusesPayloadMaxBytesOutOfRange() {
    assertThat(fieldsOf(() -> web(settings(null, null, null, 1_048_577))))
        .containsExactly("payloadMaxBytes");
    assertThat(fieldsOf(() -> web(settings(null, null, null, 0))))
        .containsExactly("payloadMaxBytes");
    assertThat(web(settings(null, null, null, 1)).payloadMaxBytes()).isEqualTo(1);
  }

  @Test
  void refusesTtlsOutOfRange() {
    int year = 365 * 24 * 3600;

    assertThat(fieldsOf(() -> web(settings(59, null, null, null))))
        .containsExactly("tokenTtlSeconds");
    assertThat(fieldsOf(() -> web(settings(86_401, null, null, null))))
        .containsExactly("tokenTtlSeconds");
    assertThat(fieldsOf(() -> web(settings(null, 0, null, null))))
        .containsExactly("sessionIdleTtlSeconds");
    assertThat(web(settings(null, 1, 1, null)).sessionIdleTtlSeconds()).isEqualTo(1);
    assertThat(
            fieldsOf(
                () ->
                    web(new ApplicationSettings(null, null, null, null, null, 30 * 24 * 3600 + 1))))
        .containsExactly("sessionGraceSeconds");
    assertThat(fieldsOf(() -> web(settings(null, null, year + 1, null))))
        .containsExactly("sessionMaxTtlSeconds");
    assertThat(fieldsOf(() -> web(settings(-1, null, null, null))))
        .containsExactly("tokenTtlSeconds");
    Application limits = web(settings(86_400, year, year, null));
    assertThat(limits.tokenTtlSeconds()).isEqualTo(86_400);
    assertThat(limits.sessionMaxTtlSeconds()).isEqualTo(year);
  }

  @Test
  void aChangeKeepsWhatItDoesNotNameAndSaysWhetherTheLifecycleChanged() {
    Application app = web(settings(600, 3600, 7200, 1024));
    assertThat(
            app.change(
                "Renamed",
                null,
                new ApplicationSettings(null, null, null, 2048, null),
                Instant.now()))
        .isFalse();
    assertThat(app.name()).isEqualTo("Renamed");
    assertThat(app.payloadMaxBytes()).isEqualTo(2048);
    assertThat(app.tokenTtlSeconds()).isEqualTo(600);
    assertThat(
            app.change(
                null,
                null,
                new ApplicationSettings(null, null, null, null, null, 60),
                Instant.now()))
        .isTrue();
    assertThat(app.sessionGraceSeconds()).isEqualTo(60);
    assertThat(app.sessionIdleTtlSeconds()).isEqualTo(3600);
  }

  @Test
  void anInvalidChangeChangesNothing() {
    Application app = web(settings(600, 3600, 7200, 1024));
    assertThat(
            fieldsOf(
                () ->
                    app.change(
                        "",
                        List.of(),
                        new ApplicationSettings(null, 9000, null, null, null),
                        Instant.now())))
        .contains("name", "redirectUris", "sessionMaxTtlSeconds");
    assertThat(app.sessionIdleTtlSeconds()).isEqualTo(3600);
    assertThat(app.redirectUris()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "-abc", ".abc", "_abc", "has space", "a/b", "caf\u00e9", "abc\n"})
  void refusesMalformedClientId(String clientId) {
    assertThat(
            fieldsOf(
                () ->
                    new Application(
                        WORKSPACE, clientId, "App", ApplicationType.WEB, WEB_URIS, null, NOW)))
        .containsExactly("clientId");
  }

  @Test
  void clientIdLengthIsThreeToSixtyFour() {
    String max = "a".repeat(64);

    assertThat(
            new Application(WORKSPACE, "abc", "App", ApplicationType.WEB, WEB_URIS, null, NOW)
                .clientId())
        .isEqualTo("abc");
    assertThat(
            new Application(WORKSPACE, max, "App", ApplicationType.WEB, WEB_URIS, null, NOW)
                .clientId())
        .isEqualTo(max);
    assertThat(
            fieldsOf(
                () ->
                    new Application(
                        WORKSPACE, max + "a", "App", ApplicationType.WEB, WEB_URIS, null, NOW)))
        .containsExactly("clientId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My\nApp",
        "My\rApp",
        "My\tApp",
        "My\u0000App",
        "My\u0085App",
        "My\u2028App",
        "My\u202eppA",
        "My\u200bApp"
      })
  void refusesApplicationNameWithControlCharacter(String name) {
    assertThat(
            fieldsOf(
                () ->
                    new Application(
                        WORKSPACE, "my-app", name, ApplicationType.WEB, WEB_URIS, null, NOW)))
        .containsExactly("name");
  }

  @Test
  void trimsApplicationName() {
    Application app =
        new Application(
            WORKSPACE, "my-app", "  My App \n", ApplicationType.WEB, WEB_URIS, null, NOW);

    assertThat(app.name()).isEqualTo("My App");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void requiresWorkspaceName(String name) {
    assertThat(fieldsOf(() -> new Workspace(name, NOW))).containsExactly("name");
  }

  @Test
  void trimsWorkspaceName() {
    Workspace workspace = new Workspace("  Acme Corp  ", NOW);

    assertThat(workspace.name()).isEqualTo("Acme Corp");
    assertThat(workspace.id().version()).isEqualTo(7);
    assertThat(workspace.createdAt()).isEqualTo(NOW);
    assertThat(workspace.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void workspaceNameIsAtMostTwoHundredCharacters() {
    String max = "w".repeat(200);

    assertThat(new Workspace(max, NOW).name()).isEqualTo(max);
    assertThat(new Workspace("  " + max + "  ", NOW).name()).isEqualTo(max);
    assertThat(fieldsOf(() -> new Workspace(max + "w", NOW))).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Acme\nCorp", "Acme\r\nINFO forged", "Acme\u0000", "Acme\u001b[31m", "A\u007fB"})
  void refusesWorkspaceNameWithControlCharacter(String name) {
    assertThat(fieldsOf(() -> new Workspace(name, NOW))).containsExactly("name");
  }

  @Test
  void renameUpdatesNameAndTimestamp() {
    Workspace workspace = new Workspace("Acme", NOW);

    workspace.rename("  Acme Corp ", LATER);

    assertThat(workspace.name()).isEqualTo("Acme Corp");
    assertThat(workspace.createdAt()).isEqualTo(NOW);
    assertThat(workspace.updatedAt()).isEqualTo(LATER);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "Acme\nCorp"})
  void renameValidatesAndLeavesWorkspaceUnchanged(String newName) {
    Workspace workspace = new Workspace("Acme", NOW);

    assertThat(fieldsOf(() -> workspace.rename(newName, LATER))).containsExactly("name");
    assertThat(workspace.name()).isEqualTo("Acme");
    assertThat(workspace.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void renameRefusesOverlongName() {
    Workspace workspace = new Workspace("Acme", NOW);

    assertThat(fieldsOf(() -> workspace.rename("w".repeat(201), LATER))).containsExactly("name");
    assertThat(workspace.name()).isEqualTo("Acme");
  }
}
