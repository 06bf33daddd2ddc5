package io.secureflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The platform as an operator and a DBA meet it: health, OpenAPI, migrations and database roles,
 * problem+json for every error, security headers, and the HTTPS listener.
 */
@IntegrationTest
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  private ApiClient api() {
    return ApiClient.forDeployment(deployment);
  }

  @Test
  void readinessReportsTheDatabaseUpAfterMigration() {
    Reply ready = api().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.body()).contains("\"database\"");
    assertThat(api().get("/health/live").status()).isEqualTo(200);
  }

  @Test
  void openApiDescribesTheAdminApi() {
    Reply openapi = api().get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/admin/workspaces")
        .contains("/api/v1/admin/workspaces/{workspaceId}/applications");
  }

  @Test
  void unknownApiRouteIsProblemJson404() {
    Reply reply = api().get("/api/v1/does-not-exist");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).endsWith("/not-found");
    assertThat(reply.json().getInt("status")).isEqualTo(404);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownPathOutsideTheApiIsProblemJsonToo() {
    Reply reply = api().get("/no/such/page");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("Payara");
  }

  @Test
  void wrongMethodIsProblemJson405WithAllow() {
    Reply reply =
        api()
            .bearer(io.secureflows.testsupport.TestEnvironment.PLATFORM_API_KEY)
            .delete("/api/v1/admin/workspaces");
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET").contains("POST"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (Reply reply :
        new Reply[] {
          api().get("/health/ready"),
          api().get("/api/v1/does-not-exist"),
          api().get("/api/v1/admin/workspaces")
        }) {
      assertThat(reply.header("Content-Security-Policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src"));
      assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(reply.header("Referrer-Policy")).contains("no-referrer");
      assertThat(reply.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
    }
  }

  @Test
  void httpsListenerServesTheGeneratedCertificateWithHsts() {
    Reply ready = api().https().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.header("Strict-Transport-Security"))
        .hasValueSatisfying(h -> assertThat(h).contains("max-age="));
  }

  @Test
  void migrationsCreatedTheSchemaAndTheDbaPathIsIdempotent() throws Exception {
    for (String table :
        new String[] {
          "workspace",
          "application",
          "operator",
          "api_key",
          "workspace_key",
          "session_payload",
          "end_user"
        }) {
      assertThat(
              TestDatabase.count(
                  "select count(*) from information_schema.tables where table_name = ?", table))
          .as(table)
          .isEqualTo(1);
    }
    long applied = TestDatabase.count("select count(*) from databasechangelog");
    assertThat(applied).isPositive();

    // The same changelog from the top-level folder, as the Liquibase CLI or Maven plugin runs it:
    // nothing to do.
    assertThat(TestDatabase.migrate()).isEqualTo(applied);
  }

  @Test
  void runtimeRoleCannotCreateTables() throws SQLException {
    try (Connection runtime = TestDatabase.asRuntime();
        Statement statement = runtime.createStatement()) {
      assertThatThrownBy(() -> statement.execute("create table intruder (id int)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void runtimeRoleCanReadAndWriteTheRegistry() throws SQLException {
    try (Connection runtime = TestDatabase.asRuntime();
        Statement statement = runtime.createStatement()) {
      statement.execute("select count(*) from workspace");
      statement.execute("select count(*) from application");
    }
    assertThat(TestDatabase.count("select count(*) from operator where username = 'admin'"))
        .isEqualTo(1);
  }
}
