package io.secureflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.Reply;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The admin sessions search at scale: {@code benchmark.search.sessions} sessions (default
 * 1,000,000) in {@code benchmark.search.workspaces} workspaces (default 10,000), seeded with SQL;
 * then pages of 50 (newest first, the active ones, and the page after a cursor) for a sample of
 * workspaces through the real API, as an operator's console would ask. Prints p50, p99 and the
 * ratio of p99 to the console's target (300 ms), and writes {@code
 * target/benchmark/session-search.json} and {@code .md}. Latency is measured by the client on
 * loopback, so it includes HTTP and is an upper bound of the server's time.
 */
@IntegrationTest
class SessionSearchBenchmark {
  private static final double TARGET_MILLIS = 300;
  private static final int SAMPLES = 300;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  @Test
  void searchOverAMillionSessionsInTenThousandWorkspaces() throws Exception {
    int sessions = Integer.getInteger("benchmark.search.sessions", 1_000_000);
    int workspaces = Integer.getInteger("benchmark.search.workspaces", 10_000);
    long seedStarted = System.nanoTime();
    List<String> sample = new ArrayList<>();
    try (Connection c = TestDatabase.asSuperuser();
        Statement s = c.createStatement()) {
      s.execute(
          "create temp table bench as select gen_random_uuid() ws, gen_random_uuid() app, "
              + "gen_random_uuid() usr, g from generate_series(1, "
              + workspaces
              + ") g");
      s.execute(
          "insert into workspace (id, name, created_at, updated_at) "
              + "select ws, 'search benchmark ' || g, now(), now() from bench");
      s.execute(
          "insert into application (id, workspace_id, client_id, name, type, redirect_uris, "
              + "token_ttl_seconds, session_idle_ttl_seconds, session_max_ttl_seconds, "
              + "payload_max_bytes, registration_allowed, created_at, updated_at) "
              + "select app, ws, 'search-bench-' || g, 'Bench', 'WEB', "
              + "array['https://bench.example/cb'], 900, 604800, 2592000, 65536, false, now(), now() "
              + "from bench");
      s.execute(
          "insert into end_user (id, workspace_id, email, password_hash, status, created_at, "
              + "updated_at) select usr, ws, 'user' || g || '@bench.example', 'x', 'ACTIVE', now(), "
              + "now() from bench");
      s.execute(
          "insert into user_session (id, workspace_id, application_id, user_id, created_at, "
              + "last_seen_at, expires_at, purge_after) "
              + "select gen_random_uuid(), ws, app, usr, t, t, t + interval '7 days', "
              + "t + interval '7 days' from (select b.ws, b.app, b.usr, "
              + "now() - random() * 6 * interval '1 day' as t from bench b, generate_series(1, "
              + Math.max(1, sessions / workspaces)
              + ") n) seeded");
      s.execute("analyze user_session");
      try (ResultSet r =
          s.executeQuery("select ws from bench order by random() limit " + SAMPLES)) {
        while (r.next()) {
          sample.add(r.getString(1));
        }
      }
    }
    double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;

    ApiClient admin =
        ApiClient.forDeployment(deployment)
            .withTimeout(Duration.ofSeconds(30))
            .bearer(TestEnvironment.PLATFORM_API_KEY);
    for (String workspace : sample.subList(0, 20)) {
      admin.get("/api/v1/admin/workspaces/" + workspace + "/sessions?limit=50");
    }
    List<Double> newest = new ArrayList<>();
    List<Double> active = new ArrayList<>();
    List<Double> nextPage = new ArrayList<>();
    for (String workspace : sample) {
      String path = "/api/v1/admin/workspaces/" + workspace + "/sessions";
      long started = System.nanoTime();
      Reply first = admin.get(path + "?limit=50");
      newest.add((System.nanoTime() - started) / 1e6);
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(first.items()).hasSize(50);
      started = System.nanoTime();
      Reply live = admin.get(path + "?state=active&limit=50");
      active.add((System.nanoTime() - started) / 1e6);
      assertThat(live.status()).isEqualTo(200);
      started = System.nanoTime();
      Reply second = admin.get(path + "?limit=50&cursor=" + first.json().getString("next"));
      nextPage.add((System.nanoTime() - started) / 1e6);
      assertThat(second.status()).isEqualTo(200);
    }

    String table =
        """

        secureFlows admin session search (%s, %d cores): %d sessions in %d workspaces (seeded in %.0f s)
        | query (pages of 50)              | samples | p50 ms | p99 ms | target ms | p99/target |
        |----------------------------------|---------|--------|--------|-----------|------------|
        %s
        %s
        %s
        """
            .formatted(
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                sessions,
                workspaces,
                seedSeconds,
                row("newest first", newest),
                row("state=active", active),
                row("the page after a cursor", nextPage));
    System.out.println(table);
    Path out = Files.createDirectories(Path.of("target/benchmark"));
    Files.writeString(out.resolve("session-search.md"), table, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("session-search.json"),
        Json.createObjectBuilder()
            .add("date", LocalDate.now().toString())
            .add("sessions", sessions)
            .add("workspaces", workspaces)
            .add("newestP99Millis", percentile(newest, 99))
            .add("activeP99Millis", percentile(active, 99))
            .add("nextPageP99Millis", percentile(nextPage, 99))
            .add("targetMillis", TARGET_MILLIS)
            .build()
            .toString(),
        StandardCharsets.UTF_8);
  }

  private static String row(String name, List<Double> millis) {
    double p99 = percentile(millis, 99);
    return "| %-32s | %7d | %6.1f | %6.1f | %9.0f | %10.2f |"
        .formatted(
            name, millis.size(), percentile(millis, 50), p99, TARGET_MILLIS, p99 / TARGET_MILLIS);
  }

  private static double percentile(List<Double> values, int percent) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
