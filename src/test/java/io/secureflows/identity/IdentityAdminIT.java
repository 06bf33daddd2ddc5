package io.secureflows.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The user directory through the admin API: Argon2id hashes only, emails unique per workspace in
 * any case, bad input refused without a row, status changes, and another workspace's users out of
 * reach.
 */
@IntegrationTest
class IdentityAdminIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  private ApiClient admin() {
    return ApiClient.forDeployment(deployment).bearer(TestEnvironment.PLATFORM_API_KEY);
  }

  private String workspace() {
    return admin()
        .postJson("/api/v1/admin/workspaces", "{\"name\":\"users-" + UUID.randomUUID() + "\"}")
        .json()
        .getString("id");
  }

  private static String user(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private static long users(String workspace) throws SQLException {
    return TestDatabase.count(
        "select count(*) from end_user where workspace_id = ?::uuid", workspace);
  }

  @Test
  void createsAUserWithAnArgon2idHashAndANormalisedEmail() throws SQLException {
    String workspace = workspace();
    Reply created =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/users",
                user("  Ada.Lovelace@Example.COM ", "correct horse battery staple"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("email")).isEqualTo("ada.lovelace@example.com");
    assertThat(created.json().getString("status")).isEqualTo("active");
    assertThat(created.body()).doesNotContain("argon2").doesNotContain("correct horse");
    String id = created.json().getString("id");
    assertThat(
            TestDatabase.count(
                "select count(*) from end_user where id = ?::uuid and password_hash like '$argon2id$v=19$m=19456,t=2,p=1$%'",
                id))
        .isEqualTo(1);
    assertThat(
            TestDatabase.count(
                "select count(*) from end_user where password_hash like '%correct horse%'"))
        .isZero();
    assertThat(admin().get("/api/v1/admin/workspaces/" + workspace + "/users/" + id).status())
        .isEqualTo(200);
  }

  @Test
  void sameEmailInAnyCaseIsAConflictWithinAWorkspaceButNotAcross() throws SQLException {
    String workspace = workspace();
    String path = "/api/v1/admin/workspaces/" + workspace + "/users";
    assertThat(admin().postJson(path, user("grace@example.com", "a long enough password")).status())
        .isEqualTo(201);
    Reply again = admin().postJson(path, user("GRACE@example.com", "another long password"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(users(workspace)).isEqualTo(1);
    String other = workspace();
    assertThat(
            admin()
                .postJson(
                    "/api/v1/admin/workspaces/" + other + "/users",
                    user("grace@example.com", "a long enough password"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void badInputIs400AndCreatesNothing() throws SQLException {
    String workspace = workspace();
    String path = "/api/v1/admin/workspaces/" + workspace + "/users";
    for (String body :
        new String[] {
          "{}",
          user("not-an-email", "a long enough password"),
          user("a@b", "a long enough password"),
          user("with space@example.com", "a long enough password"),
          user("ok@example.com", "short"),
          user("ok@example.com", "x".repeat(129)),
          "{\"email\":\"ok@example.com\\r\\nX-Injected: 1\",\"password\":\"a long enough password\"}"
        }) {
      Reply reply = admin().postJson(path, body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body()).doesNotContain("a long enough password");
    }
    assertThat(users(workspace)).isZero();
  }

  @Test
  void disableEnableUnlockAndResetPassword() throws SQLException {
    String workspace = workspace();
    String path = "/api/v1/admin/workspaces/" + workspace + "/users";
    String id =
        admin()
            .postJson(path, user("linus@example.com", "first password here"))
            .json()
            .getString("id");
    assertThat(admin().postJson(path + "/" + id + "/disable", "").json().getString("status"))
        .isEqualTo("disabled");
    assertThat(admin().postJson(path + "/" + id + "/enable", "").json().getString("status"))
        .isEqualTo("active");
    assertThat(admin().postJson(path + "/" + id + "/unlock", "").json().getBoolean("locked"))
        .isFalse();

    String hashBefore = hash(id);
    assertThat(
            admin()
                .postJson(path + "/" + id + "/password", "{\"password\":\"second password here\"}")
                .status())
        .isEqualTo(204);
    assertThat(hash(id)).isNotEqualTo(hashBefore).startsWith("$argon2id$");
    assertThat(admin().postJson(path + "/" + id + "/password", "{\"password\":\"short\"}").status())
        .isEqualTo(400);
  }

  private static String hash(String id) throws SQLException {
    try (var c = TestDatabase.asSuperuser();
        var p = c.prepareStatement("select password_hash from end_user where id = ?::uuid")) {
      p.setString(1, id);
      try (var r = p.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  @Test
  void listsByEmailPrefixInPagesAndTreatsWildcardsLiterally() {
    String workspace = workspace();
    String path = "/api/v1/admin/workspaces/" + workspace + "/users";
    for (String email :
        new String[] {"a1@example.com", "a2@example.com", "a3@example.com", "b1@example.com"}) {
      assertThat(admin().postJson(path, user(email, "a long enough password")).status())
          .isEqualTo(201);
    }
    Reply first = admin().get(path + "?email=a&limit=2");
    assertThat(first.items()).hasSize(2);
    String next = first.json().getString("next");
    Reply second = admin().get(path + "?email=a&limit=2&cursor=" + next);
    assertThat(second.items()).hasSize(1);
    assertThat(second.items().getJsonObject(0).getString("email")).isEqualTo("a3@example.com");
    assertThat(admin().get(path + "?email=%25").items()).isEmpty();
    assertThat(admin().get(path + "?email=_1").items()).isEmpty();
    assertThat(admin().get(path + "?email=%27%20or%201%3D1--").items()).isEmpty();
    assertThat(admin().get(path + "?cursor=not*base64").status()).isEqualTo(400);
    Reply nul = admin().get(path + "?email=a%00");
    assertThat(nul.status()).as("a NUL in the prefix: %s", nul).isEqualTo(400);
    assertThat(nul.contentType()).isEqualTo("application/problem+json");
    assertThat(admin().get(path + "?cursor=YQA").status())
        .as("a cursor holding a NUL")
        .isEqualTo(400);
  }

  @Test
  void anotherWorkspacesUsersAnswer404() throws SQLException {
    String mine = workspace();
    String theirs = workspace();
    String theirUser =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + theirs + "/users",
                user("victim@example.com", "a long enough password"))
            .json()
            .getString("id");
    String key =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + mine + "/api-keys",
                "{\"name\":\"k\",\"role\":\"workspace-admin\"}")
            .json()
            .getString("key");
    ApiClient scoped = ApiClient.forDeployment(deployment).bearer(key);
    assertThat(scoped.get("/api/v1/admin/workspaces/" + theirs + "/users").status()).isEqualTo(404);
    assertThat(scoped.get("/api/v1/admin/workspaces/" + theirs + "/users/" + theirUser).status())
        .isEqualTo(404);
    assertThat(scoped.get("/api/v1/admin/workspaces/" + mine + "/users/" + theirUser).status())
        .isEqualTo(404);
    assertThat(
            scoped
                .postJson(
                    "/api/v1/admin/workspaces/" + mine + "/users/" + theirUser + "/disable", "")
                .status())
        .isEqualTo(404);
    assertThat(
            scoped
                .postJson(
                    "/api/v1/admin/workspaces/" + theirs + "/users/" + theirUser + "/disable", "")
                .status())
        .isEqualTo(404);
    assertThat(
            TestDatabase.count(
                "select count(*) from end_user where id = ?::uuid and status = 'ACTIVE'",
                theirUser))
        .isEqualTo(1);
  }

  @Test
  void jwksPublishesTheSigningKeyAndRotationKeepsTheOldOneForVerification() {
    ApiClient anonymous = ApiClient.forDeployment(deployment);
    Reply jwks = anonymous.get("/.well-known/jwks.json");
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.contentType()).startsWith("application/jwk-set+json");
    JsonArray before = jwks.json().getJsonArray("keys");
    assertThat(before).isNotEmpty();
    JsonObject first = before.getJsonObject(0);
    assertThat(first.getString("kty")).isEqualTo("RSA");
    assertThat(first.getString("alg")).isEqualTo("RS256");
    assertThat(first.containsKey("d")).as("no private exponent").isFalse();

    Reply rotated = admin().postJson("/api/v1/admin/signing-keys/rotate", "");
    assertThat(rotated.status()).isEqualTo(200);
    JsonObject active = rotated.items().getJsonObject(0);
    assertThat(active.getString("state")).isEqualTo("active");
    assertThat(active.getString("kid")).isNotEqualTo(first.getString("kid"));

    List<String> kids =
        anonymous.get("/.well-known/jwks.json").json().getJsonArray("keys").stream()
            .map(k -> k.asJsonObject().getString("kid"))
            .toList();
    assertThat(kids).contains(active.getString("kid"), first.getString("kid"));
  }

  @Test
  void onlyPlatformOperatorsManageSigningKeys() {
    String workspace = workspace();
    String key =
        admin()
            .postJson(
                "/api/v1/admin/workspaces/" + workspace + "/api-keys",
                "{\"name\":\"k\",\"role\":\"workspace-admin\"}")
            .json()
            .getString("key");
    ApiClient scoped = ApiClient.forDeployment(deployment).bearer(key);
    assertThat(scoped.get("/api/v1/admin/signing-keys").status()).isEqualTo(403);
    assertThat(scoped.postJson("/api/v1/admin/signing-keys/rotate", "").status()).isEqualTo(403);
  }
}
