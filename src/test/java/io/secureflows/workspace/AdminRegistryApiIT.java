package io.secureflows.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The admin API for the registry: API-key authentication, workspaces, applications,
 * workspace-scoped keys, and the rule that bad input gets a problem with the right status and
 * changes nothing.
 */
@IntegrationTest
class AdminRegistryApiIT {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  private ApiClient admin() {
    return ApiClient.forDeployment(deployment).bearer(TestEnvironment.PLATFORM_API_KEY);
  }

  private static String unique(String prefix) {
    return prefix
        + "-"
        + SEQUENCE.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private String createWorkspace(String name) {
    Reply created = admin().postJson("/api/v1/admin/workspaces", "{\"name\":\"" + name + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static String applicationJson(String clientId, String redirectUri) {
    return """
        {"clientId":"%s","name":"Shop","type":"web","redirectUris":["%s"]}"""
        .formatted(clientId, redirectUri);
  }

  private static long rows(String table) throws SQLException {
    return TestDatabase.count("select count(*) from " + table);
  }

  @Test
  void createsReadsListsAndRenamesAWorkspace() {
    String name = unique("Acme");
    Reply created = admin().postJson("/api/v1/admin/workspaces", "{\"name\":\"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.json().getString("name")).isEqualTo(name);
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/admin/workspaces/" + id));

    Reply one = admin().get("/api/v1/admin/workspaces/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().getString("name")).isEqualTo(name);
    assertThat(
            admin().get("/api/v1/admin/workspaces").items().stream()
                .map(v -> v.asJsonObject().getString("id")))
        .contains(id);

    Reply renamed = admin().patchJson("/api/v1/admin/workspaces/" + id, "{\"name\":\"Renamed\"}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(admin().get("/api/v1/admin/workspaces/" + id).json().getString("name"))
        .isEqualTo("Renamed");
  }

  @Test
  void registersAnApplicationWithDefaults() {
    String workspace = createWorkspace(unique("Apps"));
    String clientId = unique("shop");
    Reply created =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/applications",
                applicationJson(clientId, "https://shop.example.com/callback"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject app = created.json();
    assertThat(app.getString("id")).isNotBlank();
    assertThat(app.getString("clientId")).isEqualTo(clientId);
    assertThat(app.getString("type")).isEqualTo("web");
    assertThat(app.getInt("tokenTtlSeconds")).isEqualTo(900);
    assertThat(app.getInt("payloadMaxBytes")).isEqualTo(65536);
    assertThat(app.getBoolean("registrationAllowed")).isFalse();
    assertThat(app.getJsonArray("redirectUris").getString(0))
        .isEqualTo("https://shop.example.com/callback");

    Reply read =
        admin()
            .get("/api/v1/admin/workspaces/" + workspace + "/applications/" + app.getString("id"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getString("clientId")).isEqualTo(clientId);
    assertThat(admin().get("/api/v1/admin/workspaces/" + workspace + "/applications").items())
        .hasSize(1);
  }

  @Test
  void unknownOrMissingApiKeyIs401AndChangesNothing() throws SQLException {
    long before = rows("workspace");
    ApiClient anonymous = ApiClient.forDeployment(deployment);
    for (Reply reply :
        new Reply[] {
          anonymous.postJson("/api/v1/admin/workspaces", "{\"name\":\"x\"}"),
          anonymous
              .bearer("sfk_not-a-key")
              .postJson("/api/v1/admin/workspaces", "{\"name\":\"x\"}"),
          anonymous.postJson(
              "/api/v1/admin/workspaces",
              "{\"name\":\"x\"}",
              "Authorization",
              "Basic YWRtaW46YWRtaW4="),
          anonymous.bearer("sfk_not-a-key").get("/api/v1/admin/no-such-path"),
          anonymous.get("/api//v1/admin/workspaces"),
          anonymous.get("/api/v1/admin;x=1/workspaces"),
          anonymous.get("/api/v1/%61dmin/workspaces")
        }) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.header("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }
    assertThat(rows("workspace")).isEqualTo(before);
  }

  @Test
  void invalidWorkspaceInputIs400AndChangesNothing() throws SQLException {
    long before = rows("workspace");
    for (String body :
        new String[] {
          "{}",
          "{\"name\":\"\"}",
          "{\"name\":\"a\\nb\"}",
          "{\"name\":\"" + "x".repeat(201) + "\"}",
          "null"
        }) {
      Reply reply = admin().postJson("/api/v1/admin/workspaces", body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    assertThat(rows("workspace")).isEqualTo(before);
  }

  @Test
  void malformedJsonIs400AndWrongMediaTypeIs415() throws SQLException {
    long before = rows("workspace");
    Reply malformed = admin().postJson("/api/v1/admin/workspaces", "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getString("type")).endsWith("/malformed-json");
    Reply wrongType = admin().postJson("/api/v1/admin/workspaces", "{\"name\":[1]}");
    assertThat(wrongType.status()).isEqualTo(400);
    Reply text =
        admin()
            .send(
                "POST",
                "/api/v1/admin/workspaces",
                BodyPublishers.ofString("name=x"),
                "Content-Type",
                "text/plain");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).startsWith("application/problem+json");
    assertThat(rows("workspace")).isEqualTo(before);
  }

  @Test
  void oversizedBodyIs413AndChangesNothing() throws SQLException {
    long before = rows("workspace");
    String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
    Reply reply = admin().postJson("/api/v1/admin/workspaces", huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(rows("workspace")).isEqualTo(before);
  }

  @Test
  void invalidApplicationsAre400WithEveryFieldNamedAndChangeNothing() throws SQLException {
    String workspace = createWorkspace(unique("Strict"));
    long before = rows("application");
    String path = "/api/v1/admin/workspaces/" + workspace + "/applications";
    Reply empty = admin().postJson(path, "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(
            empty.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")))
        .contains("clientId", "name", "type", "redirectUris");
    for (String uri :
        new String[] {
          "https://shop.example.com/cb#fragment",
          "https://*.example.com/cb",
          "https://shop.example.com/*",
          "http://shop.example.com/cb",
          "javascript:alert(1)",
          "https://user@evil.example/cb",
          "https://shop.example.com/a/../cb"
        }) {
      Reply reply = admin().postJson(path, applicationJson(unique("bad"), uri));
      assertThat(reply.status()).as(uri).isEqualTo(400);
      assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo("redirectUris[0]");
    }
    Reply badType =
        admin()
            .postJson(
                path,
                "{\"clientId\":\"abc\",\"name\":\"n\",\"type\":\"desktop\",\"redirectUris\":[\"https://a.example/cb\"]}");
    assertThat(badType.status()).isEqualTo(400);
    Reply badTtl =
        admin()
            .postJson(
                path,
                "{\"clientId\":\"abcd\",\"name\":\"n\",\"type\":\"web\",\"redirectUris\":[\"https://a.example/cb\"],\"tokenTtlSeconds\":5}");
    assertThat(badTtl.status()).isEqualTo(400);
    Reply forgedLine =
        admin()
            .postJson(
                path,
                "{\"clientId\":\"crlf\",\"name\":\"Shop\\r\\n[SEVERE] forged\",\"type\":\"web\",\"redirectUris\":[\"https://a.example/cb\"]}");
    assertThat(forgedLine.status()).as("a name with CR LF").isEqualTo(400);
    assertThat(forgedLine.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("name");
    assertThat(rows("application")).isEqualTo(before);
  }

  @Test
  void duplicateClientIdIs409AndChangesNothing() throws SQLException {
    String first = createWorkspace(unique("One"));
    String second = createWorkspace(unique("Two"));
    String clientId = unique("dup");
    assertThat(
            admin()
                .postJson(
                    "/api/v1/admin/workspaces/" + first + "/applications",
                    applicationJson(clientId, "https://a.example/cb"))
                .status())
        .isEqualTo(201);
    long before = rows("application");
    Reply again =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + second + "/applications",
                applicationJson(clientId, "https://b.example/cb"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(rows("application")).isEqualTo(before);
  }

  @Test
  void unknownOrMalformedWorkspaceIdIs404() {
    assertThat(admin().get("/api/v1/admin/workspaces/" + UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(admin().get("/api/v1/admin/workspaces/not-a-uuid").status()).isEqualTo(404);
    assertThat(
            admin()
                .postJson(
                    "/api/v1/admin/workspaces/" + UUID.randomUUID() + "/applications",
                    applicationJson(unique("x"), "https://a.example/cb"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void workspaceScopedKeySeesOnlyItsWorkspace() throws SQLException {
    String mine = createWorkspace(unique("Mine"));
    String theirs = createWorkspace(unique("Theirs"));
    Reply issued =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + mine + "/api-keys",
                "{\"name\":\"ci\",\"role\":\"workspace-admin\"}");
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.header("Cache-Control"))
        .hasValueSatisfying(h -> assertThat(h).contains("no-store"));
    String key = issued.json().getString("key");
    assertThat(
            TestDatabase.count(
                "select count(*) from api_key where key_hash = sha256(convert_to(?, 'UTF8'))", key))
        .as("only the hash is stored")
        .isEqualTo(1);
    ApiClient scoped = ApiClient.forDeployment(deployment).bearer(key);

    assertThat(
            scoped.get("/api/v1/admin/workspaces").items().stream()
                .map(v -> v.asJsonObject().getString("id")))
        .containsExactly(mine);
    assertThat(scoped.get("/api/v1/admin/workspaces/" + mine).status()).isEqualTo(200);
    Reply other = scoped.get("/api/v1/admin/workspaces/" + theirs);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body())
        .isEqualTo(admin().get("/api/v1/admin/workspaces/" + UUID.randomUUID()).body());

    long before = rows("application");
    assertThat(
            scoped
                .postJson(
                    "/api/v1/admin/workspaces/" + theirs + "/applications",
                    applicationJson(unique("x"), "https://a.example/cb"))
                .status())
        .isEqualTo(404);
    assertThat(
            scoped
                .patchJson("/api/v1/admin/workspaces/" + theirs, "{\"name\":\"hijacked\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            scoped
                .postJson(
                    "/api/v1/admin/workspaces/" + theirs + "/api-keys",
                    "{\"name\":\"x\",\"role\":\"auditor\"}")
                .status())
        .isEqualTo(404);
    assertThat(rows("application")).isEqualTo(before);
    assertThat(scoped.postJson("/api/v1/admin/workspaces", "{\"name\":\"not allowed\"}").status())
        .isEqualTo(403);
    assertThat(
            scoped
                .postJson(
                    "/api/v1/admin/workspaces/" + mine + "/applications",
                    applicationJson(unique("own"), "https://a.example/cb"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void auditorKeyReadsButCannotChange() throws SQLException {
    String workspace = createWorkspace(unique("Audited"));
    String key =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/api-keys",
                "{\"name\":\"audit\",\"role\":\"auditor\"}")
            .json()
            .getString("key");
    ApiClient auditor = ApiClient.forDeployment(deployment).bearer(key);
    assertThat(auditor.get("/api/v1/admin/workspaces/" + workspace).status()).isEqualTo(200);
    long before = rows("application");
    assertThat(
            auditor
                .postJson(
                    "/api/v1/admin/workspaces/" + workspace + "/applications",
                    applicationJson(unique("a"), "https://a.example/cb"))
                .status())
        .isEqualTo(403);
    assertThat(rows("application")).isEqualTo(before);
  }

  @Test
  void idsInTheBodyAreIgnored() {
    String forged = UUID.randomUUID().toString();
    Reply created =
        admin()
            .postJson(
                "/api/v1/admin/workspaces",
                "{\"name\":\"" + unique("Ids") + "\",\"id\":\"" + forged + "\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("id")).isNotEqualTo(forged);
  }

  @Test
  void anApiKeyOfAnyShapeWorksBesideTheJwtMechanism() throws SQLException {
    // SF_ADMIN_API_KEY may be any string (the README's example is "k"), not only an "sfk_" key.
    String plain = "plain-" + UUID.randomUUID();
    try (var owner = TestDatabase.asSuperuser();
        var insert =
            owner.prepareStatement(
                "insert into api_key (id, name, key_hash, role, created_at) "
                    + "values (?, 'plain', sha256(convert_to(?, 'UTF8')), 'PLATFORM_OPERATOR', now())")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, plain);
      insert.executeUpdate();
    }
    assertThat(
            ApiClient.forDeployment(deployment)
                .bearer(plain)
                .get("/api/v1/admin/workspaces")
                .status())
        .isEqualTo(200);
    assertThat(
            ApiClient.forDeployment(deployment)
                .bearer(plain + "x")
                .get("/api/v1/admin/workspaces")
                .status())
        .isEqualTo(401);
  }
}
