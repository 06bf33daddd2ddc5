package io.secureflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.ApiClient;
import io.secureflows.testsupport.ConsoleClient;
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
 * workspaces through the real API, as an operator's console would ask; then, in one workspace of
 * {@code benchmark.search.bigWorkspaceSessions} sessions (default 1,000,000; 30% signed out),
 * filtered pages through the API and the console's sessions page itself (signed in, whole Faces
 * page rendered). Prints p50, p99 and the ratio of p99 to the console's target (300 ms), and writes
 * {@code target/benchmark/session-search.json} and {@code .md}. Latency is measured by the client
 * on loopback, so it includes HTTP and is an upper bound of the server's time.
 */
@IntegrationTest
class SessionSearchBenchmark {
  private static final double TARGET_MILLIS = 300;
  private static final int SAMPLES = 300;
  private static final String BIG_WORKSPACE = "0190aaaa-0000-7000-8000-00000000b16b";
  private static final int BIG_USERS = 10_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  @Test
  void searchOverAMillionSessionsInTenThousandWorkspaces() throws Exception {
    int sessions = Integer.getInteger("benchmark.search.sessions", 1_000_000);
    int workspaces = Integer.getInteger("benchmark.search.workspaces", 10_000);
    int bigSessions = Integer.getInteger("benchmark.search.bigWorkspaceSessions", 1_000_000);
    List<String> bigUsers = new ArrayList<>();
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
      // One workspace of a million sessions (10,000 users, 100 each): the console's worst case.
      s.execute(
          "create temp table big as select '"
              + BIG_WORKSPACE
              + "'::uuid ws, gen_random_uuid() app, gen_random_uuid() usr, g "
              + "from generate_series(1, "
              + BIG_USERS
              + ") g");
      s.execute(
          "insert into workspace (id, name, created_at, updated_at) "
              + "values ('"
              + BIG_WORKSPACE
              + "', 'search benchmark: one million sessions', now(), now())");
      s.execute(
          "insert into application (id, workspace_id, client_id, name, type, redirect_uris, "
              + "token_ttl_seconds, session_idle_ttl_seconds, session_max_ttl_seconds, "
              + "payload_max_bytes, registration_allowed, created_at, updated_at) "
              + "select app, ws, 'search-big-' || g, 'Bench', 'WEB', "
              + "array['https://bench.example/cb'], 900, 604800, 2592000, 65536, false, now(), now() "
              + "from big where g = 1");
      s.execute(
          "insert into end_user (id, workspace_id, email, password_hash, status, created_at, "
              + "updated_at) select usr, ws, 'big' || g || '@bench.example', 'x', 'ACTIVE', now(), "
              + "now() from big");
      s.execute(
          "insert into user_session (id, workspace_id, application_id, user_id, created_at, "
              + "last_seen_at, expires_at, purge_after, signed_out_at) "
              + "select gen_random_uuid(), b.ws, (select app from big where g = 1), b.usr, t, t, "
              + "t + interval '7 days', t + interval '7 days', "
              + "case when random() < 0.3 then t else null end "
              + "from (select ws, usr, now() - random() * 6 * interval '1 day' as t "
              + "from big, generate_series(1, "
              + bigSessions / BIG_USERS
              + ")) b");
      try (ResultSet r = s.executeQuery("select usr from big order by random() limit " + SAMPLES)) {
        while (r.next()) {
          bigUsers.add(r.getString(1));
        }
      }
      // A bulk load leaves work for autovacuum, which would otherwise run during the measurement.
      s.execute("vacuum analyze user_session");
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

    // The big workspace's pages are cold after seeding, like the small ones before their warm-up.
    for (String user : bigUsers.subList(0, 20)) {
      admin.get("/api/v1/admin/workspaces/" + BIG_WORKSPACE + "/sessions?state=active&limit=50");
      admin.get(
          "/api/v1/admin/workspaces/"
              + BIG_WORKSPACE
              + "/sessions?userId="
              + user
              + "&state=active&limit=50");
    }
    List<Double> bigActive = new ArrayList<>();
    List<Double> bigUser = new ArrayList<>();
    String bigPath = "/api/v1/admin/workspaces/" + BIG_WORKSPACE + "/sessions";
    for (String user : bigUsers) {
      long started = System.nanoTime();
      Reply live = admin.get(bigPath + "?state=active&limit=50");
      bigActive.add((System.nanoTime() - started) / 1e6);
      assertThat(live.items()).hasSize(50);
      started = System.nanoTime();
      Reply ofUser = admin.get(bigPath + "?userId=" + user + "&state=active&limit=50");
      bigUser.add((System.nanoTime() - started) / 1e6);
      assertThat(ofUser.status()).isEqualTo(200);
    }

    // The console's sessions page itself: sign in, then the whole page (Faces render included)
    // for a filtered search, as an operator opens it.
    ConsoleClient console = ConsoleClient.overHttps();
    assertThat(console.signIn("admin", TestEnvironment.CONSOLE_ADMIN_PASSWORD, null).status())
        .isEqualTo(302);
    String consolePage = "/admin/sessions.xhtml?ws=" + BIG_WORKSPACE + "&state=active";
    for (int i = 0; i < 20; i++) {
      console.get(consolePage);
    }
    List<Double> consoleActive = new ArrayList<>();
    List<Double> consoleUser = new ArrayList<>();
    for (String user : bigUsers) {
      long started = System.nanoTime();
      ConsoleClient.Page page = console.get(consolePage);
      consoleActive.add((System.nanoTime() - started) / 1e6);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("page 1");
      started = System.nanoTime();
      ConsoleClient.Page ofUser = console.get(consolePage + "&userId=" + user);
      consoleUser.add((System.nanoTime() - started) / 1e6);
      assertThat(ofUser.status()).isEqualTo(200);
    }

    String table =
        """

        secureFlows admin session search (%s, %d cores): %d sessions in %d workspaces, plus one workspace of %d (seeded in %.0f s)
        | query (pages of 50)              | samples | p50 ms | p99 ms | target ms | p99/target |
        |----------------------------------|---------|--------|--------|-----------|------------|
        %s
        %s
        %s
        %s
        %s
        %s
        %s
        """
            .formatted(
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                sessions,
                workspaces,
                bigSessions,
                seedSeconds,
                row("newest first", newest),
                row("state=active", active),
                row("the page after a cursor", nextPage),
                row("1M-session workspace, active", bigActive),
                row("1M-session workspace, one user", bigUser),
                row("console page, 1M, active", consoleActive),
                row("console page, 1M, one user", consoleUser));
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
            .add("bigWorkspaceSessions", bigSessions)
            .add("bigActiveP99Millis", percentile(bigActive, 99))
            .add("bigUserP99Millis", percentile(bigUser, 99))
            .add("consoleActiveP99Millis", percentile(consoleActive, 99))
            .add("consoleUserP99Millis", percentile(consoleUser, 99))
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
