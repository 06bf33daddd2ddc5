package io.secureflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.launcher.EmbeddedDatabase;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long run of the read/write mix at a fixed share of its measured maximum, one minute at a time:
 * after each minute a full GC on the server, then its heap in use, its threads, its RSS and the
 * runtime role's connections. A healthy server shows them flat, no error, and an audit chain that
 * verifies at the end. Writes {@code target/benchmark/soak.json} and {@code soak.md}.
 */
final class Soak {
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

  private final LaunchedNode node;
  private final EmbeddedDatabase db;
  private final Tenant tenant;
  private final ClosedLoopLoad.Request mix;
  private final ProcessMeter server;

  /** One minute of the soak. */
  record Minute(
      int minute,
      ClosedLoopLoad.Result load,
      double heapAfterGcMiB,
      int threads,
      double rssMiB,
      int connections) {}

  Soak(
      LaunchedNode node,
      EmbeddedDatabase db,
      Tenant tenant,
      ClosedLoopLoad.Request mix,
      ProcessMeter server) {
    this.node = node;
    this.db = db;
    this.tenant = tenant;
    this.mix = mix;
    this.server = server;
  }

  void run(int minutes, double perSecond, int clients, Path out) throws Exception {
    System.out.printf("%nSoak: %d minutes at %.0f requests/s…%n", minutes, perSecond);
    List<Minute> samples = new ArrayList<>();
    samples.add(sample(0, null));
    for (int minute = 1; minute <= minutes; minute++) {
      ClosedLoopLoad.Result load =
          ClosedLoopLoad.paced(clients, Duration.ofMinutes(1), perSecond, mix);
      samples.add(sample(minute, load));
    }
    JsonObject verified = verifyTheAuditChain();
    String table = table(samples, perSecond, verified);
    System.out.println(table);
    Files.writeString(out.resolve("soak.md"), table, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("soak.json"), json(samples, perSecond, verified));
    long errors =
        samples.stream().filter(m -> m.load() != null).mapToLong(m -> m.load().errors()).sum();
    assertThat(errors).as("errors during the soak").isZero();
    assertThat(verified.getBoolean("intact")).as("the audit chain after the soak").isTrue();
  }

  private Minute sample(int minute, ClosedLoopLoad.Result load) throws Exception {
    long pid = node.server().pid();
    jcmd(pid, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info").replace('\n', ' '));
    double heap = used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    return new Minute(minute, load, heap, threads(pid), server.residentMiB(), connections());
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  private static int threads(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring("Threads:".length()).trim());
      }
    }
    return -1;
  }

  private int connections() throws Exception {
    try (Connection c =
            DriverManager.getConnection(db.jdbcUrl(), "postgres", db.superuserPassword());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) from pg_stat_activity where usename = '"
                    + EmbeddedDatabase.RUNTIME
                    + "'")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** The workspace's hash chain, through the admin API, once the sealer has caught up. */
  private JsonObject verifyTheAuditChain() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    JsonObject answer = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      HttpResponse<String> verified =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + node.httpPort()
                              + "/api/v1/admin/workspaces/"
                              + tenant.workspaceId
                              + "/audit/verify"))
                  .header("Authorization", "Bearer " + TestEnvironment.PLATFORM_API_KEY)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      answer = Json.createReader(new StringReader(verified.body())).readObject();
      if (answer.getBoolean("intact", false)) {
        return answer;
      }
      Thread.sleep(2_000);
    }
    return answer;
  }

  private static String table(List<Minute> samples, double perSecond, JsonObject verified) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "%nsecureFlows soak (%s, %d cores, the 90/10 mix paced at %.0f requests/s)%n",
            LocalDate.now(), Runtime.getRuntime().availableProcessors(), perSecond));
    t.append(
        "| minute |   req/s | p50 ms | p99 ms | errors | heap after GC MiB | threads | RSS MiB |"
            + " DB connections |\n");
    t.append(
        "|--------|---------|--------|--------|--------|-------------------|---------|---------|"
            + "----------------|\n");
    for (Minute m : samples) {
      t.append(
          m.load() == null
              ? String.format(
                  "| %6d | %7s | %6s | %6s | %6s | %17.1f | %7d | %7.0f | %14d |%n",
                  m.minute(),
                  "-",
                  "-",
                  "-",
                  "-",
                  m.heapAfterGcMiB(),
                  m.threads(),
                  m.rssMiB(),
                  m.connections())
              : String.format(
                  "| %6d | %7.0f | %6.1f | %6.1f | %6d | %17.1f | %7d | %7.0f | %14d |%n",
                  m.minute(),
                  m.load().perSecond(),
                  m.load().p50Millis(),
                  m.load().p99Millis(),
                  m.load().errors(),
                  m.heapAfterGcMiB(),
                  m.threads(),
                  m.rssMiB(),
                  m.connections()));
    }
    Minute first = samples.get(1);
    Minute last = samples.get(samples.size() - 1);
    t.append(
        String.format(
            "%nFrom minute 1 to minute %d: heap after GC %+.1f MiB, threads %+d, RSS %+.0f MiB,"
                + " DB connections %+d. Audit chain: %s (%d records checked).%n",
            last.minute(),
            last.heapAfterGcMiB() - first.heapAfterGcMiB(),
            last.threads() - first.threads(),
            last.rssMiB() - first.rssMiB(),
            last.connections() - first.connections(),
            verified.getBoolean("intact", false) ? "intact" : "NOT intact",
            verified.getJsonNumber("checked") == null
                ? -1
                : verified.getJsonNumber("checked").longValue()));
    return t.toString();
  }

  private static String json(List<Minute> samples, double perSecond, JsonObject verified) {
    JsonArrayBuilder minutes = Json.createArrayBuilder();
    for (Minute m : samples) {
      var minute =
          Json.createObjectBuilder()
              .add("minute", m.minute())
              .add("heapAfterGcMiB", m.heapAfterGcMiB())
              .add("threads", m.threads())
              .add("rssMiB", m.rssMiB())
              .add("dbConnections", m.connections());
      if (m.load() != null) {
        minute
            .add("perSecond", m.load().perSecond())
            .add("p50Millis", m.load().p50Millis())
            .add("p99Millis", m.load().p99Millis())
            .add("errors", m.load().errors());
      }
      minutes.add(minute);
    }
    return Json.createObjectBuilder()
        .add("date", LocalDate.now().toString())
        .add("targetPerSecond", perSecond)
        .add("minutes", minutes)
        .add("auditChain", verified)
        .build()
        .toString();
  }
}
