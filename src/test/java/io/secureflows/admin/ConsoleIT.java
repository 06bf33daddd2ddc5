package io.secureflows.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.crypto.Totp;
import io.secureflows.testsupport.Browser;
import io.secureflows.testsupport.ConsoleClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestEnvironment;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in headless Chromium over HTTPS, and over raw HTTPS requests where a browser
 * cannot show the detail: an operator's whole round (sign in, create a workspace and an
 * application, find a session, read its payload with a reason and find the audit entry, revoke it,
 * rotate the key and watch the rewrap finish, verify the audit chain), a workspace admin confined
 * to one workspace, SECURITY-TESTS case 25, the second factor and the lockout. Every page must load
 * without a console error or a CSP report; screenshots land in {@code target/screenshots}.
 */
@IntegrationTest
class ConsoleIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlowsWithProbes();
  }

  @ArquillianResource URL deployment;

  private static String https() {
    return "https://127.0.0.1:" + TestEnvironment.get().httpsPort();
  }

  @Test
  void operatorRunsTheWholeRoundInTheBrowser() throws Exception {
    Tenant tenant = Tenant.create(deployment, "console");
    Tenant.SignedIn user = tenant.newUserSignedIn();
    storePayload(tenant, user.token(), "{\"note\":\"hello console\",\"n\":1}");

    try (Browser browser = Browser.startForHttps()) {
      WebDriver page = browser.driver();
      signIn(browser, "admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD);
      assertThat(page.getCurrentUrl()).contains("/admin/dashboard.xhtml");
      assertThat(page.findElement(By.id("signedInAs")).getText()).isEqualTo("admin");
      pageIsClean(browser, "console-dashboard");

      String workspaceName = "Console workspace " + UUID.randomUUID().toString().substring(0, 6);
      page.get(https() + "/admin/workspaces.xhtml");
      type(page, By.id("workspaces:newName"), workspaceName);
      page.findElement(By.id("workspaces:create")).click();
      waitForText(page, By.id("workspaces:list"), workspaceName);
      pageIsClean(browser, "console-workspaces");

      page.get(https() + "/admin/applications.xhtml?ws=" + tenant.workspaceId);
      page.findElement(By.id("applications:register")).click();
      waitVisible(page, By.id("applicationForm:clientId"));
      type(page, By.id("applicationForm:clientId"), "console-app");
      type(page, By.id("applicationForm:name"), "Console app");
      type(page, By.id("applicationForm:redirectUris"), "https://console-app.example.com/callback");
      page.findElement(By.id("applicationForm:save")).click();
      waitForText(page, By.id("applications:list"), "https://console-app.example.com/callback");
      pageIsClean(browser, "console-applications");

      page.get(https() + "/admin/users.xhtml?ws=" + tenant.workspaceId);
      waitForText(page, By.id("users:list"), user.email());
      pageIsClean(browser, "console-users");

      page.get(
          https() + "/admin/sessions.xhtml?ws=" + tenant.workspaceId + "&userId=" + user.userId());
      waitForText(page, By.id("sessions:list"), user.sessionId());
      pageIsClean(browser, "console-sessions");

      page.findElement(By.partialLinkText("Read payload")).click();
      waitVisible(page, By.id("payload:reason"));
      page.findElement(By.id("payload:read")).click();
      waitForText(page, By.id("messages"), "reason is required");
      assertThat(page.findElements(By.id("content"))).isEmpty();
      type(page, By.id("payload:reason"), "support ticket 4711");
      page.findElement(By.id("payload:read")).click();
      WebElement content = waitVisible(page, By.id("content"));
      assertThat(content.getText()).contains("\"note\": \"hello console\"");
      pageIsClean(browser, "console-payload");

      page.get(https() + "/admin/audit.xhtml?ws=" + tenant.workspaceId);
      type(page, By.id("log:action"), "session.payload_read");
      page.findElement(By.id("log:search")).click();
      waitForText(page, By.id("log:rows"), "support ticket 4711");
      pageIsClean(browser, "console-audit");

      page.get(
          https() + "/admin/sessions.xhtml?ws=" + tenant.workspaceId + "&userId=" + user.userId());
      waitForText(page, By.id("sessions:list"), user.sessionId());
      page.findElement(By.xpath("//button[span[text()='Revoke']]")).click();
      confirm(page);
      waitForText(page, By.id("messages"), "Session revoked");
      Reply afterRevoke = tenant.api().bearer(user.token()).get("/api/v1/session/payload");
      assertThat(afterRevoke.status()).as(afterRevoke.body()).isEqualTo(410);

      page.get(https() + "/admin/keys.xhtml?ws=" + tenant.workspaceId);
      page.findElement(By.id("keys:rotate")).click();
      confirm(page);
      waitForText(page, By.id("messages"), "Key rotated");
      waitForText(page, By.id("keys:versions"), "decrypt-only");
      new WebDriverWait(page, Duration.ofSeconds(60))
          .until(
              ExpectedConditions.textToBe(
                  By.id("rewrapState"), "Every record is under the active version."));
      assertThat(page.findElement(By.id("keys:rewrap")).getText()).contains("100%");
      assertThat(page.findElements(By.cssSelector(".ui-confirm-dialog")))
          .as("the confirmation stays closed while the page refreshes itself")
          .noneMatch(WebElement::isDisplayed);
      pageIsClean(browser, "console-keys");

      page.get(https() + "/admin/audit.xhtml?ws=" + tenant.workspaceId);
      new WebDriverWait(page, Duration.ofSeconds(30))
          .until(
              driver -> {
                driver.findElement(By.id("log:verify")).click();
                return new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("chainStatus")))
                    .getText()
                    .startsWith("Audit chain intact");
              });
      pageIsClean(browser, "console-audit-verified");

      page.get(https() + "/admin/access-log.xhtml?ws=" + tenant.workspaceId);
      waitForText(page, By.id("log:rows"), "/v1/session/payload");
      pageIsClean(browser, "console-access-log");

      page.get(https() + "/admin/api-keys.xhtml?ws=" + tenant.workspaceId);
      type(page, By.id("apiKeys:name"), "ci");
      page.findElement(By.id("apiKeys:issue")).click();
      String secret = waitVisible(page, By.id("issuedSecret")).getText();
      assertThat(secret).startsWith("sfk_");
      Reply withIssuedKey =
          tenant
              .api()
              .bearer(secret)
              .get("/api/v1/admin/workspaces/" + tenant.workspaceId + "/keys");
      assertThat(withIssuedKey.status()).as(withIssuedKey.body()).isEqualTo(200);
      page.navigate().refresh();
      assertThat(page.getPageSource()).doesNotContain(secret);
      pageIsClean(browser, "console-api-keys");

      page.get(https() + "/admin/operators.xhtml");
      waitForText(page, By.id("operators:list"), "admin");
      pageIsClean(browser, "console-operators");

      page.get(https() + "/admin/dashboard.xhtml?ws=" + tenant.workspaceId);
      waitVisible(page, By.id("activeSessions"));
      pageIsClean(browser, "console-dashboard");

      Tenant doomed = Tenant.create(deployment, "doomed");
      Tenant.SignedIn victim = doomed.newUserSignedIn();
      storePayload(doomed, victim.token(), "{\"doomed\":true}");
      page.get(https() + "/admin/keys.xhtml?ws=" + doomed.workspaceId);
      page.findElement(By.id("keys:destroyLink")).click();
      type(page, By.id("destroy:confirmation"), "yes");
      page.findElement(By.id("destroy:destroyKeys")).click();
      waitForText(page, By.id("messages"), "repeat the workspace id to confirm");
      Reply stillReadable = doomed.api().bearer(victim.token()).get("/api/v1/session/payload");
      assertThat(stillReadable.status()).as("a wrong confirmation destroys nothing").isEqualTo(200);
      type(page, By.id("destroy:confirmation"), doomed.workspaceId);
      page.findElement(By.id("destroy:destroyKeys")).click();
      waitForText(page, By.id("messages"), "Every key of the workspace was destroyed");
      pageIsClean(browser, "console-destroy-keys");
      Reply shredded = doomed.api().bearer(victim.token()).get("/api/v1/session/payload");
      assertThat(shredded.status()).as(shredded.body()).isEqualTo(409);
    }
  }

  @Test
  void workspaceAdminCannotSeeOrReachAnotherWorkspace() throws Exception {
    Tenant own = Tenant.create(deployment, "confined");
    Tenant other = Tenant.create(deployment, "elsewhere");
    String username = "wsadmin-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "workspace admin password";
    createOperator(username, password, "workspace-admin", own.workspaceId);

    try (Browser browser = Browser.startForHttps()) {
      WebDriver page = browser.driver();
      signIn(browser, username, password);
      assertThat(page.findElements(By.id("navOperators"))).isEmpty();
      assertThat(page.findElement(By.id("workspacePicker:ws")).getAttribute("class"))
          .contains("ui-state-disabled");
      page.get(https() + "/admin/workspaces.xhtml");
      assertThat(page.findElement(By.id("workspaces:list")).getText())
          .doesNotContain(other.workspaceId);
      page.get(https() + "/admin/sessions.xhtml?ws=" + other.workspaceId);
      assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("404 Not Found");
      assertThat(page.getPageSource()).doesNotContain(other.workspaceId);
      browser.consoleErrors();
    }

    ConsoleClient client = ConsoleClient.overHttps();
    assertThat(client.signIn(username, password, null).status()).isEqualTo(302);
    for (String view : List.of("users", "sessions", "keys", "applications", "audit", "api-keys")) {
      assertThat(client.get("/admin/" + view + ".xhtml?ws=" + other.workspaceId).status())
          .as(view + " of another workspace")
          .isEqualTo(404);
      assertThat(client.get("/admin/" + view + ".xhtml?ws=" + own.workspaceId).status())
          .as(view + " of its own workspace")
          .isEqualTo(200);
    }
    assertThat(client.get("/admin/operators.xhtml").status()).isEqualTo(403);
    Reply denied =
        own.platformAdmin()
            .get("/api/v1/admin/workspaces/" + own.workspaceId + "/audit?action=access.denied");
    assertThat(denied.body()).contains("workspace:" + other.workspaceId);
  }

  /** SECURITY-TESTS case 25, and the console's cookie and header properties. */
  @Test
  void crossSitePostWithoutViewStateChangesNothing() throws Exception {
    ConsoleClient client = ConsoleClient.overHttps();
    ConsoleClient.Page form = client.get("/admin/login.xhtml");
    String before = cookie(form.all("Set-Cookie"));
    ConsoleClient.Page signedIn =
        client.signIn("admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD, null);
    assertThat(signedIn.status()).isEqualTo(302);
    String sessionCookie =
        signedIn.all("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-sf-console="))
            .findFirst()
            .orElseThrow();
    assertThat(sessionCookie)
        .contains("HttpOnly")
        .contains("Secure")
        .containsIgnoringCase("SameSite=Strict");
    assertThat(cookie(List.of(sessionCookie)))
        .as("a new session id at sign-in")
        .isNotEqualTo(before);

    ConsoleClient.Page workspaces = client.get("/admin/workspaces.xhtml");
    assertThat(workspaces.status()).isEqualTo(200);
    assertThat(workspaces.header("Content-Security-Policy"))
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self' 'nonce-")
        .doesNotContain("unsafe-eval");
    assertThat(workspaces.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(workspaces.header("Cache-Control")).contains("no-store");

    String forged = "forged-" + UUID.randomUUID();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("workspaces", "workspaces");
    fields.put("workspaces:newName", forged);
    fields.put("workspaces:create", "workspaces:create");
    ConsoleClient.Page withoutViewState =
        client.post("/admin/workspaces.xhtml", fields, "Origin", "https://attacker.example");
    fields.put("jakarta.faces.ViewState", "-1:-1");
    ConsoleClient.Page withForgedViewState =
        client.post("/admin/workspaces.xhtml", fields, "Origin", "https://attacker.example");
    assertThat(withForgedViewState.status()).isEqualTo(400);
    Reply all =
        io.secureflows.testsupport.ApiClient.forDeployment(deployment)
            .bearer(TestEnvironment.PLATFORM_API_KEY)
            .get("/api/v1/admin/workspaces");
    assertThat(all.body()).as(withoutViewState.body()).doesNotContain(forged);

    ConsoleClient.Page unprotected =
        client.get(
            "/admin/payload.xhtml?ws=" + UUID.randomUUID() + "&session=" + UUID.randomUUID());
    assertThat(unprotected.status()).as("a protected view opened from outside").isEqualTo(403);
    assertThat(unprotected.body()).doesNotContain("Read the payload");
  }

  /**
   * SECURITY-TESTS case 15 in the console: SQL metacharacters in the users' search, the sessions'
   * filters and the log filters find nothing more and leak no database error.
   */
  @Test
  void sqlMetacharactersInTheConsolesSearchFieldsFindNothingAndLeakNothing() throws Exception {
    Tenant tenant = Tenant.create(deployment, "console-sql");
    Tenant.SignedIn user = tenant.newUserSignedIn();
    ConsoleClient client = ConsoleClient.overHttps();
    assertThat(client.signIn("admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD, null).status())
        .isEqualTo(302);
    String users = "/admin/users.xhtml?ws=" + tenant.workspaceId;
    assertThat(
            submit(client, users, "users", "find", Map.of("search", user.email().substring(0, 9))))
        .as("a real prefix finds the user")
        .contains(user.email());
    List<String> attacks =
        List.of("' OR '1'='1", "%", "_", "\\", "x'; DROP TABLE end_user; --", "\u0000");
    for (String attack : attacks) {
      assertThat(submit(client, users, "users", "find", Map.of("search", attack)))
          .as("users' search for %s", attack)
          .contains("No users found")
          .doesNotContain(user.email())
          .doesNotContain("PSQL")
          .doesNotContain("SQLState");
      assertThat(
              submit(
                  client,
                  "/admin/sessions.xhtml?ws=" + tenant.workspaceId,
                  "sessions",
                  "search",
                  Map.of("userId", attack, "applicationId", attack)))
          .as("sessions' filters with %s", attack)
          .doesNotContain("PSQL")
          .doesNotContain("SQLState");
      for (String log : List.of("audit", "access-log")) {
        assertThat(
                submit(
                    client,
                    "/admin/" + log + ".xhtml?ws=" + tenant.workspaceId,
                    "log",
                    "search",
                    Map.of("actor", attack)))
            .as("%s filter on the actor with %s: refused as no actor id, or no match", log, attack)
            .satisfiesAnyOf(
                body -> assertThat(body).contains("actor must be an actor id"),
                body -> assertThat(body).contains("Nothing logged matches"))
            .doesNotContain("PSQL")
            .doesNotContain("SQLState");
      }
    }
  }

  /** Posts a console form as its button would (without Ajax): the page it answers. */
  private static String submit(
      ConsoleClient client, String page, String form, String button, Map<String, String> inputs)
      throws Exception {
    ConsoleClient.Page shown = client.get(page);
    assertThat(shown.status()).as(page).isEqualTo(200);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(form, form);
    inputs.forEach((name, value) -> fields.put(form + ":" + name, value));
    fields.put(form + ":" + button, form + ":" + button);
    fields.put("jakarta.faces.ViewState", shown.viewState());
    fields.put("primefaces.nonce", shown.nonce());
    ConsoleClient.Page answer = client.post(page.substring(0, page.indexOf('?')), fields);
    assertThat(answer.status()).as("%s answered %s", page, answer.body()).isEqualTo(200);
    return answer.body();
  }

  @Test
  void logsExportEveryMatchingRowAsJsonLinesOrCsv() throws Exception {
    Tenant tenant = Tenant.create(deployment, "export");
    tenant.newUserSignedIn();
    ConsoleClient client = ConsoleClient.overHttps();
    assertThat(client.signIn("admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD, null).status())
        .isEqualTo(302);
    for (String format : List.of("Jsonl", "Csv")) {
      ConsoleClient.Page page = client.get("/admin/audit.xhtml?ws=" + tenant.workspaceId);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("log", "log");
      fields.put("log:action", "login.succeeded");
      fields.put("log:export" + format, "log:export" + format);
      fields.put("jakarta.faces.ViewState", page.viewState());
      fields.put("primefaces.nonce", page.nonce());
      ConsoleClient.Page export = client.post("/admin/audit.xhtml", fields);
      assertThat(export.status()).as(export.body()).isEqualTo(200);
      assertThat(export.header("Content-Disposition"))
          .contains(
              "audit-" + tenant.workspaceId + "." + format.toLowerCase(java.util.Locale.ROOT));
      List<String> lines = export.body().lines().toList();
      if (format.equals("Jsonl")) {
        assertThat(export.header("Content-Type")).startsWith("application/jsonl");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"action\":\"login.succeeded\"");
      } else {
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("id,occurredAt,");
        assertThat(lines.get(1)).contains("login.succeeded");
      }
    }
  }

  @Test
  void secondFactorIsAskedOnceEnrolledAndFailuresLockTheAccount() throws Exception {
    String username = "totp-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "second factor password";
    createOperator(username, password, "auditor", null);
    byte[] secret;
    try (Browser browser = Browser.startForHttps()) {
      WebDriver page = browser.driver();
      signIn(browser, username, password);
      assertThat(page.getCurrentUrl())
          .as("auditors start at their log")
          .contains("/admin/audit.xhtml");
      assertThat(page.findElements(By.id("navSessions"))).isEmpty();
      page.get(https() + "/admin/account.xhtml");
      page.findElement(By.id("account:startEnrolment")).click();
      waitVisible(page, By.id("account:qr"));
      secret = base32(waitVisible(page, By.id("totpKey")).getText());
      pageIsClean(browser, "console-account");
      type(page, By.id("account:code"), Totp.code(secret, Totp.step(Instant.now())));
      page.findElement(By.id("account:confirmEnrolment")).click();
      waitVisible(page, By.id("enrolled"));
    }

    try (java.sql.Connection c = io.secureflows.testsupport.TestDatabase.asSuperuser();
        java.sql.PreparedStatement stored =
            c.prepareStatement(
                "select totp_secret, totp_master_key_id from operator where username = ?")) {
      stored.setString(1, username);
      try (java.sql.ResultSet row = stored.executeQuery()) {
        assertThat(row.next()).isTrue();
        String onDisk = new String(row.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(onDisk)
            .as("only the wrapped secret is stored")
            .doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(row.getString(2)).startsWith("aes256:");
      }
    }

    ConsoleClient client = ConsoleClient.overHttps();
    assertThat(client.signIn(username, password, null).status())
        .as("the password alone no longer signs in")
        .isEqualTo(200);
    String next = Totp.code(secret, Totp.step(Instant.now()) + 1);
    assertThat(client.signIn(username, password, next).status()).isEqualTo(302);
    ConsoleClient replay = ConsoleClient.overHttps();
    assertThat(replay.signIn(username, password, next).status())
        .as("a code signs in once")
        .isEqualTo(200);

    for (int i = 0; i < 5; i++) {
      assertThat(replay.signIn(username, "wrong password " + i, null).status()).isEqualTo(200);
    }
    String later = Totp.code(secret, Totp.step(Instant.now()) + 1);
    ConsoleClient.Page locked = replay.signIn(username, password, later);
    assertThat(locked.status()).as("locked after five failures").isEqualTo(200);
    assertThat(locked.body()).contains("Sign-in failed");
  }

  /** A new operator, made by the platform operator through the console's operators page. */
  private void createOperator(String username, String password, String role, String workspace)
      throws Exception {
    try (Browser browser = Browser.startForHttps()) {
      WebDriver page = browser.driver();
      signIn(browser, "admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD);
      page.get(https() + "/admin/operators.xhtml");
      page.findElement(By.id("operators:create")).click();
      type(page, By.id("operatorForm:username"), username);
      selectOne(page, "operatorForm:role", role);
      if (workspace != null) {
        type(page, By.id("operatorForm:workspace"), workspace);
      }
      type(page, By.id("operatorForm:password"), password);
      page.findElement(By.id("operatorForm:save")).click();
      try {
        waitForText(page, By.id("operators:list"), username);
      } catch (org.openqa.selenium.TimeoutException e) {
        browser.screenshot("failed-create-operator");
        throw new AssertionError(
            "operator not created; the dialog says: "
                + page.findElement(By.id("operatorForm:formMessages")).getText(),
            e);
      }
      pageIsClean(browser, "console-operators");
    }
  }

  /** Picks an option of a PrimeFaces select by its value, through the widget's own API. */
  private static void selectOne(WebDriver page, String id, String value) {
    ((org.openqa.selenium.JavascriptExecutor) page)
        .executeScript(
            "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", id, value);
    new WebDriverWait(page, Duration.ofSeconds(5))
        .until(
            driver ->
                value.equals(driver.findElement(By.id(id + "_input")).getDomProperty("value")));
  }

  private static String cookie(List<String> setCookies) {
    return setCookies.stream()
        .filter(c -> c.startsWith("__Host-sf-console="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  private static byte[] base32(String encoded) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : encoded.strip().toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static void signIn(Browser browser, String username, String password) throws Exception {
    WebDriver page = browser.driver();
    page.get(https() + "/admin/");
    waitVisible(page, By.id("signIn:username"));
    assertThat(page.getCurrentUrl()).endsWith("/admin/login.xhtml");
    pageIsClean(browser, "console-sign-in");
    type(page, By.id("signIn:username"), username);
    type(page, By.id("signIn:password"), password);
    page.findElement(By.id("signIn:submit")).click();
    new WebDriverWait(page, Duration.ofSeconds(15))
        .until(driver -> !driver.getCurrentUrl().endsWith("/admin/login.xhtml"));
  }

  /** The page rendered in the theme, with no console error and no CSP report; a screenshot. */
  private static void pageIsClean(Browser browser, String screenshot) throws Exception {
    WebDriver page = browser.driver();
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(
            driver ->
                ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.readyState")
                    .equals("complete"));
    assertThat(page.findElements(By.cssSelector("link[href*='primefaces-saga']")))
        .as("the PrimeFaces theme is linked")
        .isNotEmpty();
    List<String> errors = browser.consoleErrors();
    assertThat(errors).as("console errors and CSP reports on " + page.getCurrentUrl()).isEmpty();
    browser.screenshot(screenshot);
  }

  private static void storePayload(Tenant tenant, String token, String json) {
    Reply stored =
        tenant
            .api()
            .bearer(token)
            .send(
                "PUT",
                "/api/v1/session/payload",
                java.net.http.HttpRequest.BodyPublishers.ofString(json),
                "Content-Type",
                "application/json");
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
  }

  /** Answers the open confirmation dialog with yes; it must close. */
  private static void confirm(WebDriver page) {
    waitVisible(page, By.cssSelector(".ui-confirmdialog-yes")).click();
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
  }

  private static void type(WebDriver page, By field, String text) {
    WebElement element = waitVisible(page, field);
    element.clear();
    element.sendKeys(text);
  }

  private static WebElement waitVisible(WebDriver page, By locator) {
    return new WebDriverWait(page, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void waitForText(WebDriver page, By locator, String text) {
    new WebDriverWait(page, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }
}
