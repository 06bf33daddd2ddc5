package io.secureflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.TestDatabase;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit export streams: {@code benchmark.export.rows} (default 1,000,000) audit records of one
 * workspace are exported as JSON Lines from a node whose heap is capped at 256 MB ({@code
 * -Xmx256m}), so finishing at all proves the export never held more than that. Prints rows per
 * second and writes {@code target/benchmark/audit-export.json} and {@code .md}.
 */
class AuditExportBenchmark {
  private static final int HEAP_LIMIT_MB = 256;
  private static final String KEY = "sfk_benchmark-export-key-0123456789abcdefgh";

  @Test
  void exportOfAMillionAuditRecordsInA256MegabyteHeap() throws Exception {
    int rows = Integer.getInteger("benchmark.export.rows", 1_000_000);
    TestDatabase.migrate();
    TestEnvironment.Environment environment = TestEnvironment.get();
    try (LaunchedNode node =
        LaunchedNode.start(
            "export-benchmark",
            environment.database().jdbcUrl(),
            Map.of(
                "SF_JAVA_OPTS",
                "-Xmx" + HEAP_LIMIT_MB + "m",
                "SF_ADMIN_API_KEY",
                KEY,
                "SF_MASTER_KEY_KEYSTORE",
                environment.masterKeystore().toString(),
                "SF_MASTER_KEY_KEYSTORE_PASSWORD",
                environment.secrets().getOrCreate("master-keystore.password")))) {
      assertThat(node.awaitReady(240)).as(node.output() + node.serverLogTail()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + node.httpPort();
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/workspaces"))
                  .header("Authorization", "Bearer " + KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"export benchmark\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String workspace =
          Json.createReader(new java.io.StringReader(created.body())).readObject().getString("id");

      long seedStarted = System.nanoTime();
      try (Connection c = TestDatabase.asSuperuser();
          PreparedStatement seed =
              c.prepareStatement(
                  "insert into audit_event (id, occurred_at, workspace_id, actor_type, actor_id, "
                      + "action, outcome, target, correlation_id) select gen_random_uuid(), "
                      + "now() - (? - g) * interval '1 millisecond', ?::uuid, 'SYSTEM', 'benchmark', "
                      + "'benchmark.row', 'SUCCESS', 'row:' || g, gen_random_uuid()::text "
                      + "from generate_series(1, ?) g")) {
        seed.setInt(1, rows);
        seed.setString(2, workspace);
        seed.setInt(3, rows);
        seed.executeUpdate();
      }
      double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;

      long started = System.nanoTime();
      HttpResponse<InputStream> export =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/api/v1/admin/workspaces/"
                              + workspace
                              + "/audit/export?format=jsonl"))
                  .header("Authorization", "Bearer " + KEY)
                  .timeout(Duration.ofMinutes(10))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(export.statusCode()).isEqualTo(200);
      long lines = 0;
      long bytes = 0;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines++;
          bytes += line.length() + 1;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat(lines).as("exported lines").isGreaterThanOrEqualTo(rows);
      assertThat(Files.readString(node.serverLog())).doesNotContain("OutOfMemoryError");

      String table =
          """

          secureFlows audit export benchmark (%s, %d cores)
          | scenario                           | rows    | MB     | seconds | rows/s  | heap limit | within |
          |------------------------------------|---------|--------|---------|---------|------------|--------|
          | seed (SQL, not measured)           | %7d |      - | %7.1f |       - |          - |      - |
          | export JSON Lines, streamed        | %7d | %6.0f | %7.1f | %7.0f | %7d MB | %6s |
          """
              .formatted(
                  LocalDate.now(),
                  Runtime.getRuntime().availableProcessors(),
                  rows,
                  seedSeconds,
                  lines,
                  bytes / 1e6,
                  seconds,
                  lines / seconds,
                  HEAP_LIMIT_MB,
                  "yes");
      System.out.println(table);
      Path out = Files.createDirectories(Path.of("target/benchmark"));
      Files.writeString(out.resolve("audit-export.md"), table, StandardCharsets.UTF_8);
      Files.writeString(
          out.resolve("audit-export.json"),
          Json.createObjectBuilder()
              .add("date", LocalDate.now().toString())
              .add("rows", lines)
              .add("megabytes", bytes / 1e6)
              .add("seconds", seconds)
              .add("rowsPerSecond", lines / seconds)
              .add("serverHeapLimitMegabytes", HEAP_LIMIT_MB)
              .add("completedWithinHeapLimit", true)
              .build()
              .toString(),
          StandardCharsets.UTF_8);
    }
  }
}
