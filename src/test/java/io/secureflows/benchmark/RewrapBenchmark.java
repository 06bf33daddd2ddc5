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
import java.time.Duration;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Rewrap after a key rotation: seeds {@code benchmark.rewrap.rows} (default 100,000) encrypted 1
 * KiB payloads in one workspace through the real entity listener, rotates the workspace key, and
 * measures how fast the rewrap moves every data key to the new version. Prints the figures against
 * the target (5,000 rows/s) and writes them to {@code target/benchmark/rewrap.json} and {@code
 * rewrap.md}.
 */
@IntegrationTest
class RewrapBenchmark {
  private static final double TARGET_ROWS_PER_SECOND = 5_000;
  private static final int SEED_CHUNK = 5_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlowsWithProbes();
  }

  @ArquillianResource URL deployment;

  @Test
  void rewrapOfAHundredThousandPayloads() throws Exception {
    int rows = Integer.getInteger("benchmark.rewrap.rows", 100_000);
    ApiClient api = ApiClient.forDeployment(deployment).withTimeout(Duration.ofMinutes(2));
    ApiClient admin = api.bearer(TestEnvironment.PLATFORM_API_KEY);
    String workspace =
        admin
            .postJson("/api/v1/admin/workspaces", "{\"name\":\"rewrap benchmark\"}")
            .json()
            .getString("id");

    long seedMillis = 0;
    for (int done = 0; done < rows; done += SEED_CHUNK) {
      int count = Math.min(SEED_CHUNK, rows - done);
      Reply seeded =
          api.postJson(
              "/api/v1/test/payloads/" + workspace + "/seed?count=" + count + "&bytes=1024", "");
      assertThat(seeded.status()).as(seeded.toString()).isEqualTo(200);
      seedMillis += seeded.json().getJsonNumber("millis").longValue();
    }

    Reply rotated = admin.postJson("/api/v1/admin/workspaces/" + workspace + "/keys/rotate", "");
    assertThat(rotated.status()).isEqualTo(200);
    long started = System.nanoTime();
    long moved;
    do {
      Reply rewrap = api.postJson("/api/v1/test/payloads/rewrap", "");
      assertThat(rewrap.status()).as(rewrap.toString()).isEqualTo(200);
      moved = rewrap.json().getJsonNumber("rewrapped").longValue();
    } while (moved > 0);
    String perVersion =
        "select count(*) from session_payload where workspace_id = ?::uuid and key_version = ?";
    // The timer may hold the last batch for a moment: wait for its commit, then stop the clock.
    for (int i = 0; i < 300 && TestDatabase.count(perVersion, workspace, 1) > 0; i++) {
      Thread.sleep(100);
    }
    long wallMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);

    assertThat(TestDatabase.count(perVersion, workspace, 1)).as("rows left on version 1").isZero();
    assertThat(TestDatabase.count(perVersion, workspace, 2)).isEqualTo(rows);

    double seedRate = rows * 1000.0 / Math.max(1, seedMillis);
    double rewrapRate = rows * 1000.0 / wallMillis;
    String table =
        """

        secureFlows rewrap benchmark (%s, %d cores)
        | scenario                         | rows    | seconds | rows/s  | target  | ratio |
        |----------------------------------|---------|---------|---------|---------|-------|
        | seed: encrypt and insert 1 KiB   | %7d | %7.1f | %7.0f |       - |     - |
        | rewrap after rotation (all rows) | %7d | %7.1f | %7.0f | %7.0f | %5.2f |
        """
            .formatted(
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                rows,
                seedMillis / 1000.0,
                seedRate,
                rows,
                wallMillis / 1000.0,
                rewrapRate,
                TARGET_ROWS_PER_SECOND,
                rewrapRate / TARGET_ROWS_PER_SECOND);
    System.out.println(table);
    String json =
        Json.createObjectBuilder()
            .add("date", LocalDate.now().toString())
            .add("rows", rows)
            .add("seedSeconds", seedMillis / 1000.0)
            .add("seedRowsPerSecond", seedRate)
            .add("rewrapSeconds", wallMillis / 1000.0)
            .add("rewrapRowsPerSecond", rewrapRate)
            .add("rewrapTargetRowsPerSecond", TARGET_ROWS_PER_SECOND)
            .add("rewrapRatioToTarget", rewrapRate / TARGET_ROWS_PER_SECOND)
            .build()
            .toString();
    Path out = Files.createDirectories(Path.of("target/benchmark"));
    Files.writeString(out.resolve("rewrap.json"), json, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("rewrap.md"), table, StandardCharsets.UTF_8);
  }
}
