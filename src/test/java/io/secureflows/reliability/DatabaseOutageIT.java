package io.secureflows.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.launcher.EmbeddedDatabase;
import io.secureflows.launcher.Secrets;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is stopped under load and started again (SECURITY-TESTS case 23). The node, started by
 * the real launcher, uses a durable embedded PostgreSQL of this test's own, which the test stops (a
 * fast shutdown, as {@code pg_ctl stop} does) and restarts on the same data folder and port.
 * Meanwhile the API answers 503 problem+json quickly (no hang, no 500, no stack trace), readiness
 * turns DOWN and back UP, the pool recovers by itself within seconds, and every write answered 200
 * is there afterwards.
 */
class DatabaseOutageIT {
  private static final int WRITERS = 6;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LaunchedNode node;
  private EmbeddedDatabase database;

  @Test
  void aPostgresqlRestartUnderLoadAnswers503QuicklyAndLosesNothing() throws Exception {
    Path folder = Path.of("target/it-data/outage").toAbsolutePath();
    Path dataDir = folder.resolve("postgres");
    Path log = folder.resolve("postgres.log");
    Secrets secrets = new Secrets(folder.resolve("secrets"));
    int port = freePort();
    database = EmbeddedDatabase.start(dataDir, secrets, port, true, log);
    try {
      node =
          LaunchedNode.start(
              "outage-node",
              database.jdbcUrl(),
              Map.of(
                  "SF_DB_PASSWORD", database.runtimePassword(),
                  "SF_DB_OWNER_PASSWORD", database.ownerPassword(),
                  "SF_ADMIN_API_KEY", TestEnvironment.PLATFORM_API_KEY));
      assertThat(node.awaitReady(240)).as(node.output() + node.serverLogTail()).isTrue();
      restartUnderLoad(() -> EmbeddedDatabase.start(dataDir, secrets, port, true, log));
    } finally {
      if (node != null) {
        node.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  /** How the test starts its database again: on the same folder and port. */
  private interface Restart {
    EmbeddedDatabase start() throws Exception;
  }

  private void restartUnderLoad(Restart restart) throws Exception {
    Tenant tenant =
        Tenant.create(URI.create("http://127.0.0.1:" + node.httpPort()).toURL(), "outage");
    List<String> tokens = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      tokens.add(tenant.newUserSignedIn().token());
    }
    AtomicBoolean running = new AtomicBoolean(true);
    long[] acknowledged = new long[WRITERS];
    Set<String> refusals = ConcurrentHashMap.newKeySet();
    long[] slowest = new long[WRITERS];
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () ->
                      write(tokens.get(writer), running, acknowledged, writer, refusals, slowest)));
    }
    Thread.sleep(2_000);

    database.close();
    database = null;
    try {
      awaitReadiness(503, Duration.ofSeconds(20));
      Thread.sleep(3_000);
    } finally {
      database = restart.start();
    }
    long outageEnded = System.nanoTime();
    awaitReadiness(200, Duration.ofSeconds(30));
    long recoveredAfter = (System.nanoTime() - outageEnded) / 1_000_000;
    Thread.sleep(2_000);
    running.set(false);
    for (Thread writer : writers) {
      writer.join(30_000);
    }

    assertThat(refusals)
        .as("what the API answered during the outage, other than 200")
        .isNotEmpty()
        .allSatisfy(refusal -> assertThat(refusal).startsWith("503 application/problem+json"));
    assertThat(java.util.Arrays.stream(slowest).max().orElseThrow())
        .as("the slowest answer during the load and the outage (ms): nothing hung")
        .isLessThan(10_000);
    assertThat(recoveredAfter)
        .as("ready again after the database came back (ms)")
        .isLessThan(30_000);
    for (int w = 0; w < WRITERS; w++) {
      HttpResponse<String> stored = send(tokens.get(w), "GET", null, null);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
      long sequence = Long.parseLong(stored.body().replaceAll(".*\"seq\":(\\d+).*", "$1"));
      assertThat(sequence)
          .as("writer %d: its last answered write (or a later one), never an older one", w)
          .isGreaterThanOrEqualTo(acknowledged[w])
          .isPositive();
      assertThat(stored.body()).isEqualTo(document(sequence));
    }
  }

  /** Writes until stopped; an answer other than 200 is noted and the writer carries on. */
  private void write(
      String token,
      AtomicBoolean running,
      long[] acknowledged,
      int writer,
      Set<String> refusals,
      long[] slowest) {
    String etag = null;
    long sequence = 0;
    while (running.get()) {
      sequence++;
      long sent = System.nanoTime();
      try {
        HttpResponse<String> answer = send(token, "PUT", document(sequence), etag);
        slowest[writer] = Math.max(slowest[writer], (System.nanoTime() - sent) / 1_000_000);
        if (answer.statusCode() == 200) {
          acknowledged[writer] = sequence;
          etag = answer.headers().firstValue("ETag").orElseThrow();
        } else if (answer.statusCode() == 412) {
          // A write committed whose answer was lost: carry on from what is stored.
          etag = null;
        } else {
          refusals.add(
              answer.statusCode()
                  + " "
                  + answer.headers().firstValue("Content-Type").orElse("")
                  + (answer.body().contains("\tat ") ? " with a stack trace" : ""));
          Thread.sleep(100);
        }
      } catch (IOException e) {
        refusals.add("no answer: " + e);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private HttpResponse<String> send(String token, String method, String body, String etag)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/session/payload"))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(20));
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitReadiness(int status, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      last =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + node.httpPort() + "/health/ready"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("readiness stayed " + last + ", expected " + status);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String document(long sequence) {
    return "{\"seq\":" + sequence + ",\"text\":\"" + Long.toHexString(sequence * 31) + "\"}";
  }
}
