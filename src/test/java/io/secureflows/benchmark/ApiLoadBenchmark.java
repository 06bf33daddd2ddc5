package io.secureflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.benchmark.ClosedLoopLoad.Result;
import io.secureflows.benchmark.baseline.BaselineApplication;
import io.secureflows.launcher.EmbeddedDatabase;
import io.secureflows.launcher.Secrets;
import io.secureflows.testsupport.LaunchedNode;
import io.secureflows.testsupport.Tenant;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The cost of integrated security, side by side with two baselines measured in the same run: a node
 * started by the real launcher on a fresh, durable embedded PostgreSQL (fsync, synchronous commit
 * and full-page writes on; audit and access log on), the unsecured baseline WAR deployed beside
 * secureFlows on the same server, and {@code pgbench} on the same database. Every secured call
 * carries a real sessionToken from the real hosted login. After a JIT warm-up each scenario runs
 * {@code benchmark.load.runs} times (median reported), then the sweeper purges {@code
 * benchmark.load.purgeSessions} expired sessions under read load. Prints one table and writes
 * {@code target/benchmark/api-load.json} and {@code .md}. With {@code benchmark.load.soakMinutes},
 * a {@link Soak} at {@code benchmark.load.soakShare} (0.7) of the measured mix maximum follows.
 */
class ApiLoadBenchmark {
  private static final int CLIENTS = Integer.getInteger("benchmark.load.clients", 32);
  private static final int LOGIN_CLIENTS = Integer.getInteger("benchmark.load.loginClients", 4);
  private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.load.warmupSeconds", 120);
  private static final int RUN_SECONDS = Integer.getInteger("benchmark.load.runSeconds", 15);
  private static final int RUNS = Integer.getInteger("benchmark.load.runs", 3);
  private static final int PURGE_SESSIONS =
      Integer.getInteger("benchmark.load.purgeSessions", 100_000);
  private static final String JAVA_OPTS =
      System.getProperty("benchmark.load.javaOpts", "-Xms256m -Xmx384m");
  private static final int SOAK_MINUTES = Integer.getInteger("benchmark.load.soakMinutes", 0);
  private static final double SOAK_SHARE =
      Double.parseDouble(System.getProperty("benchmark.load.soakShare", "0.7"));
  private static final int ROWS = 10_000;
  private static final String REDIRECT = Tenant.REDIRECT;
  private static final String DOCUMENT = "{\"note\":\"" + "x".repeat(1024 - 11) + "\"}";

  private HttpClient http;
  private String base;
  private final List<String> tokens = new ArrayList<>();
  private String[] etags;

  /** A scenario's runs: each result with the server's and the database's CPU seconds. */
  record Sample(Result result, double serverCpu, double databaseCpu, double rssMiB) {}

  @Test
  void integratedSecurityBesideAnUnsecuredBaselineAndTheDatabaseFloor() throws Exception {
    // Scenarios leave a client idle for a minute while others run; a browser would reconnect, so
    // the
    // clients close idle connections before the server's keep-alive timeout (30 s) can close them
    // under a request (the JDK retries only GETs on a stale connection).
    System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    assertThat(PgBench.installed())
        .as("pgbench is needed for the database baseline: payara/benchmark.sh installs it")
        .isTrue();
    Path out = Files.createDirectories(Path.of("target/benchmark").toAbsolutePath());
    Path dbDir = Path.of("target/it-data/load-benchmark-db").toAbsolutePath();
    deleteRecursively(dbDir);
    deleteRecursively(Path.of("target/it-data/load-benchmark"));
    Secrets dbSecrets = new Secrets(dbDir.resolve("secrets"));
    try (EmbeddedDatabase db =
        EmbeddedDatabase.start(
            dbDir.resolve("postgres"),
            dbSecrets,
            freePort(),
            true,
            dbDir.resolve("postgres.log"))) {
      seedBaselineRows(db);
      Path postboot = out.resolve("baseline-postboot.asadmin");
      Files.writeString(
          postboot,
          "deploy --name baseline --contextroot /baseline " + baselineWar(out) + "\n",
          StandardCharsets.UTF_8);
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("SF_DB_PASSWORD", db.runtimePassword());
      settings.put("SF_DB_OWNER_PASSWORD", db.ownerPassword());
      settings.put("SF_ADMIN_API_KEY", TestEnvironment.PLATFORM_API_KEY);
      settings.put("SF_JAVA_OPTS", JAVA_OPTS);
      settings.put("SF_POSTBOOT_COMMANDS", postboot.toString());
      // Every login of the benchmark comes from one address and one application; the limiter still
      // runs (its cost is in the figures), its limits are raised so that it never answers 429.
      settings.put("SF_RATE_LIMIT_PER_ADDRESS", "100000000");
      settings.put("SF_RATE_LIMIT_PER_APPLICATION", "100000000");
      long starting = System.nanoTime();
      try (LaunchedNode node = LaunchedNode.start("load-benchmark", db.jdbcUrl(), settings)) {
        assertThat(node.awaitReady(240)).as(node.output() + node.serverLogTail()).isTrue();
        double startSeconds = (System.nanoTime() - starting) / 1e9;
        run(node, db, out, startSeconds);
      }
    }
  }

  private void run(LaunchedNode node, EmbeddedDatabase db, Path out, double startSeconds)
      throws Exception {
    base = "https://127.0.0.1:" + node.httpsPort();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(trustingLoopback())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    awaitBaseline();
    ProcessMeter server = new ProcessMeter(node.server().pid());
    ProcessMeter database = new ProcessMeter(postmasterPid(db));

    Tenant tenant =
        Tenant.create(
            new URL("http://127.0.0.1:" + node.httpPort() + "/"),
            "load",
            "\"tokenTtlSeconds\":86400");
    for (int i = 0; i < CLIENTS; i++) {
      tokens.add(tenant.newUserSignedIn().token());
    }
    etags = new String[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
      assertThat(securedWrite(i)).as("first payload write").isTrue();
    }
    List<HostedLoginFlow> logins = new ArrayList<>();
    for (int i = 0; i < LOGIN_CLIENTS; i++) {
      Tenant.User user = tenant.newUser();
      HostedLoginFlow flow =
          new HostedLoginFlow(
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .sslContext(trustingLoopback())
                  .build(),
              base,
              tenant.clientId,
              REDIRECT,
              user.email(),
              Tenant.PASSWORD);
      assertThat(flow.fullLogin()).as("a full hosted login").isTrue();
      assertThat(flow.silentLogin()).as("a silent login with the hosted-login cookie").isTrue();
      logins.add(flow);
    }

    Map<String, ClosedLoopLoad.Request> http = new LinkedHashMap<>();
    http.put("payload read (GET)", this::securedRead);
    http.put("baseline read (GET)", this::baselineRead);
    http.put("payload write (PUT If-Match)", this::securedWrite);
    http.put("baseline write (PUT)", this::baselineWrite);
    http.put("90/10 read/write mix", w -> mixed(w, this::securedRead, this::securedWrite));
    http.put("baseline 90/10 mix", w -> mixed(w, this::baselineRead, this::baselineWrite));
    http.put("full hosted login", w -> logins.get(w).fullLogin());
    http.put("silent re-login (cookie)", w -> logins.get(w).silentLogin());

    System.out.printf("%nWarming up the JIT for %d s…%n", WARMUP_SECONDS);
    int slice = Math.max(1, WARMUP_SECONDS / 6);
    for (String warm :
        List.of(
            "90/10 read/write mix",
            "baseline 90/10 mix",
            "full hosted login",
            "silent re-login (cookie)",
            "90/10 read/write mix",
            "baseline 90/10 mix")) {
      ClosedLoopLoad.run(workers(warm), Duration.ofSeconds(slice), http.get(warm));
    }

    PgBench pgbench =
        new PgBench(
            out.resolve("pgbench"), db.port(), EmbeddedDatabase.OWNER, db.ownerPassword(), ROWS);
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    for (int run = 1; run <= RUNS; run++) {
      for (Map.Entry<String, ClosedLoopLoad.Request> scenario : http.entrySet()) {
        String name = scenario.getKey();
        samples
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(
                measure(
                    server,
                    database,
                    () ->
                        ClosedLoopLoad.run(
                            workers(name), Duration.ofSeconds(RUN_SECONDS), scenario.getValue())));
      }
      samples
          .computeIfAbsent("pgbench read by primary key", k -> new ArrayList<>())
          .add(
              measure(
                  server, database, () -> pgbench.run("read", PgBench.READ, CLIENTS, RUN_SECONDS)));
      samples
          .computeIfAbsent("pgbench update of 1 KiB", k -> new ArrayList<>())
          .add(
              measure(
                  server,
                  database,
                  () -> pgbench.run("update", PgBench.UPDATE, CLIENTS, RUN_SECONDS)));
      System.out.printf("run %d of %d done%n", run, RUNS);
    }

    Sample purge = purgeUnderReadLoad(db, tenant, server, database);
    double idleReadP99 = median(samples.get("payload read (GET)"), s -> s.result().p99Millis());
    String table = table(samples, purge, idleReadP99, startSeconds, server.residentMiB());
    System.out.println(table);
    Files.writeString(out.resolve("api-load.md"), table, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("api-load.json"),
        json(samples, purge, idleReadP99, startSeconds),
        StandardCharsets.UTF_8);
    if (SOAK_MINUTES > 0) {
      double maximum = median(samples.get("90/10 read/write mix"), ApiLoadBenchmark::perSecond);
      new Soak(node, db, tenant, http.get("90/10 read/write mix"), server)
          .run(SOAK_MINUTES, SOAK_SHARE * maximum, CLIENTS, out);
    }
    assertThat(purge.result().errors())
        .as("reads during the purge, the first error: " + purge.result().firstFailure())
        .isZero();
    for (Map.Entry<String, List<Sample>> scenario : samples.entrySet()) {
      for (Sample sample : scenario.getValue()) {
        assertThat(sample.result().errors())
            .as(scenario.getKey() + " errors, the first: " + sample.result().firstFailure())
            .isZero();
      }
    }
  }

  private static int workers(String scenario) {
    return scenario.contains("login") ? LOGIN_CLIENTS : CLIENTS;
  }

  private interface Measured {
    Result run() throws Exception;
  }

  private static Sample measure(ProcessMeter server, ProcessMeter database, Measured scenario)
      throws Exception {
    double serverBefore = server.cpuSeconds();
    double databaseBefore = database.cpuSeconds();
    Result result = scenario.run();
    return new Sample(
        result,
        server.cpuSeconds() - serverBefore,
        database.cpuSeconds() - databaseBefore,
        server.residentMiB());
  }

  // --- the requests ---

  private boolean securedRead(int worker) throws Exception {
    HttpResponse<String> read =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/session/payload"))
                .header("Authorization", "Bearer " + tokens.get(worker))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return read.statusCode() == 200 && read.body().length() == DOCUMENT.length();
  }

  private boolean securedWrite(int worker) throws Exception {
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/session/payload"))
            .header("Authorization", "Bearer " + tokens.get(worker))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(DOCUMENT));
    if (etags[worker] != null) {
      put.header("If-Match", etags[worker]);
    }
    HttpResponse<String> written = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
    etags[worker] = written.headers().firstValue("ETag").orElse(null);
    return (written.statusCode() == 200 || written.statusCode() == 204) && etags[worker] != null;
  }

  private boolean baselineRead(int worker) throws Exception {
    HttpResponse<String> read =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/baseline/rows/" + (worker + 1)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return read.statusCode() == 200 && read.body().length() == DOCUMENT.length();
  }

  private boolean baselineWrite(int worker) throws Exception {
    HttpResponse<String> written =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/baseline/rows/" + (worker + 1)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(DOCUMENT))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return written.statusCode() == 204;
  }

  private final java.util.concurrent.atomic.AtomicLongArray mixCounters =
      new java.util.concurrent.atomic.AtomicLongArray(1024);

  private boolean mixed(int worker, ClosedLoopLoad.Request read, ClosedLoopLoad.Request write)
      throws Exception {
    return mixCounters.incrementAndGet(worker) % 10 == 0 ? write.send(worker) : read.send(worker);
  }

  // --- the sweeper under load ---

  /**
   * Seeds expired sessions (SQL, one user and application of the workspace), then measures reads
   * until the sweeper (every 5 s, on its own) has purged them all: their p99 during the purge, and
   * how many sessions it purged per second.
   */
  private Sample purgeUnderReadLoad(
      EmbeddedDatabase db, Tenant tenant, ProcessMeter server, ProcessMeter database)
      throws Exception {
    try (Connection c = superuser(db);
        Statement s = c.createStatement()) {
      s.execute(
          "insert into user_session (id, workspace_id, application_id, user_id, created_at, "
              + "last_seen_at, expires_at, purge_after) select gen_random_uuid(), workspace_id, "
              + "application_id, user_id, now() - interval '40 days', now() - interval '40 days', "
              + "now() - interval '10 days', now() - interval '10 days' "
              + "from (select workspace_id, application_id, user_id from user_session "
              + "where workspace_id = '"
              + tenant.workspaceId
              + "' limit 1) one, generate_series(1, "
              + PURGE_SESSIONS
              + ")");
    }
    double serverBefore = server.cpuSeconds();
    double databaseBefore = database.cpuSeconds();
    List<Result> slices = new ArrayList<>();
    long started = System.nanoTime();
    long remaining = PURGE_SESSIONS;
    while (remaining > 0 && System.nanoTime() - started < Duration.ofMinutes(15).toNanos()) {
      slices.add(ClosedLoopLoad.run(CLIENTS, Duration.ofSeconds(2), this::securedRead));
      remaining = due(db, tenant.workspaceId);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(remaining).as("expired sessions left after 15 minutes").isZero();
    long requests = slices.stream().mapToLong(Result::requests).sum();
    long errors = slices.stream().mapToLong(Result::errors).sum();
    // The p99 of the whole purge: the worst slice's p99 bounds it; the median slice is typical.
    double p99 = slices.stream().mapToDouble(Result::p99Millis).max().orElse(Double.NaN);
    double p50 =
        slices.stream()
            .mapToDouble(Result::p50Millis)
            .sorted()
            .skip(slices.size() / 2)
            .findFirst()
            .orElse(Double.NaN);
    return new Sample(
        new Result(
            requests,
            errors,
            seconds,
            p50,
            p99,
            slices.stream()
                .map(Result::firstFailure)
                .filter(f -> f != null)
                .findFirst()
                .orElse(null)),
        server.cpuSeconds() - serverBefore,
        database.cpuSeconds() - databaseBefore,
        server.residentMiB());
  }

  private static long due(EmbeddedDatabase db, String workspace) throws Exception {
    try (Connection c = superuser(db);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) from user_session where workspace_id = '"
                    + workspace
                    + "' and purge_after < now() - interval '1 day'")) {
      r.next();
      return r.getLong(1);
    }
  }

  // --- set-up ---

  private static void seedBaselineRows(EmbeddedDatabase db) throws Exception {
    try (Connection c = superuser(db);
        Statement s = c.createStatement()) {
      s.execute("create table benchmark_row (id bigint primary key, body text not null)");
      s.execute("alter table benchmark_row owner to " + EmbeddedDatabase.OWNER);
      s.execute("grant select, update on benchmark_row to " + EmbeddedDatabase.RUNTIME);
      s.execute(
          "insert into benchmark_row select g, '"
              + DOCUMENT
              + "' from generate_series(1, "
              + ROWS
              + ") g");
      s.execute("vacuum analyze benchmark_row");
    }
  }

  /** The baseline WAR: its package, a persistence unit, and Hibernate with the driver. */
  private static Path baselineWar(Path out) throws IOException {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "baseline.war")
            .addPackage(BaselineApplication.class.getPackage())
            .addAsResource(
                new StringAsset(
                    """
                    <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
                      <persistence-unit name="baseline" transaction-type="JTA">
                        <provider>org.hibernate.jpa.HibernatePersistenceProvider</provider>
                        <jta-data-source>java:app/jdbc/baseline</jta-data-source>
                        <class>io.secureflows.benchmark.baseline.BaselineRow</class>
                        <exclude-unlisted-classes>true</exclude-unlisted-classes>
                        <shared-cache-mode>NONE</shared-cache-mode>
                        <properties>
                          <property name="hibernate.hbm2ddl.auto" value="none"/>
                          <property name="hibernate.boot.allow_jdbc_metadata_access" value="false"/>
                          <property name="jakarta.persistence.database-product-name" value="PostgreSQL"/>
                          <property name="jakarta.persistence.database-major-version" value="15"/>
                          <property name="hibernate.enhancer.enableDirtyTracking" value="false"/>
                          <property name="hibernate.enhancer.enableLazyInitialization" value="false"/>
                          <property name="hibernate.transaction.jta.platform"
                            value="org.hibernate.engine.transaction.jta.platform.internal.GlassFishJtaPlatform"/>
                        </properties>
                      </persistence-unit>
                    </persistence>
                    """),
                "META-INF/persistence.xml");
    try (Stream<Path> libs = Files.list(Path.of("target/secureflows/WEB-INF/lib"))) {
      libs.filter(
              lib ->
                  Stream.of(
                          "hibernate-",
                          "jboss-logging",
                          "byte-buddy",
                          "antlr4-runtime",
                          "jaxb-",
                          "istack-",
                          "txw2",
                          "angus-activation",
                          "postgresql")
                      .anyMatch(lib.getFileName().toString()::startsWith))
          .forEach(lib -> war.addAsLibrary(lib.toFile()));
    }
    Path file = out.resolve("baseline.war");
    war.as(ZipExporter.class).exportTo(file.toFile(), true);
    return file;
  }

  private void awaitBaseline() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (baselineRead(0)) {
          return;
        }
      } catch (IOException notYet) {
        // deploying
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the baseline WAR did not answer within 120 s");
  }

  private static long postmasterPid(EmbeddedDatabase db) throws IOException {
    return Long.parseLong(
        Files.readAllLines(db.dataDirectory().resolve("postmaster.pid")).get(0).trim());
  }

  private static Connection superuser(EmbeddedDatabase db) throws Exception {
    return DriverManager.getConnection(db.jdbcUrl(), "postgres", db.superuserPassword());
  }

  /** The benchmark's own node on loopback, with the self-signed certificate the launcher made. */
  private static SSLContext trustingLoopback() throws Exception {
    X509TrustManager anyLoopbackCertificate =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new javax.net.ssl.TrustManager[] {anyLoopbackCertificate}, null);
    return ssl;
  }

  // --- the report ---

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> metric) {
    double[] values = samples.stream().mapToDouble(metric).sorted().toArray();
    return values[values.length / 2];
  }

  private static double perSecond(Sample s) {
    return s.result().perSecond();
  }

  private static double perServerCpu(Sample s) {
    return s.result().requests() / Math.max(s.serverCpu(), 1e-9);
  }

  private static double perDatabaseCpu(Sample s) {
    return s.result().requests() / Math.max(s.databaseCpu(), 1e-9);
  }

  private static String baselineOf(String scenario) {
    return switch (scenario) {
      case "payload read (GET)" -> "baseline read (GET)";
      case "payload write (PUT If-Match)" -> "baseline write (PUT)";
      case "90/10 read/write mix" -> "baseline 90/10 mix";
      default -> null;
    };
  }

  private static String pgbenchOf(String scenario) {
    return switch (scenario) {
      case "payload read (GET)", "baseline read (GET)" -> "pgbench read by primary key";
      case "payload write (PUT If-Match)", "baseline write (PUT)" -> "pgbench update of 1 KiB";
      default -> null;
    };
  }

  private static String table(
      Map<String, List<Sample>> samples,
      Sample purge,
      double idleReadP99,
      double startSeconds,
      double rssAtEnd) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "%nsecureFlows API load benchmark (%s, %d cores, %d clients, %d logins in parallel,"
                + " medians of %d runs of %d s after %d s of warm-up, HTTPS, JAVA_OPTS %s)%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            CLIENTS,
            LOGIN_CLIENTS,
            RUNS,
            RUN_SECONDS,
            WARMUP_SECONDS,
            JAVA_OPTS));
    t.append(
        "| scenario                     |   req/s | p50 ms | p99 ms | errors | server CPU s |"
            + " req per server CPU s | db CPU s | RSS MiB | ×unsecured (req/s, p99) | ×pgbench |\n");
    t.append(
        "|------------------------------|---------|--------|--------|--------|--------------|"
            + "----------------------|----------|---------|-------------------------|----------|\n");
    for (Map.Entry<String, List<Sample>> scenario : samples.entrySet()) {
      List<Sample> runs = scenario.getValue();
      String name = scenario.getKey();
      String versus = "-";
      if (baselineOf(name) != null) {
        List<Sample> baseline = samples.get(baselineOf(name));
        versus =
            String.format(
                "%.2f, %.2f",
                median(runs, ApiLoadBenchmark::perSecond)
                    / median(baseline, ApiLoadBenchmark::perSecond),
                median(runs, s -> s.result().p99Millis())
                    / median(baseline, s -> s.result().p99Millis()));
      }
      String floor = "-";
      if (pgbenchOf(name) != null) {
        floor =
            String.format(
                "%.2f",
                median(runs, ApiLoadBenchmark::perSecond)
                    / median(samples.get(pgbenchOf(name)), ApiLoadBenchmark::perSecond));
      }
      boolean database = name.startsWith("pgbench");
      t.append(
          String.format(
              "| %-28s | %7.0f | %6.1f | %6.1f | %6d | %12s | %20s | %8.1f | %7s | %23s | %8s |%n",
              name,
              median(runs, ApiLoadBenchmark::perSecond),
              median(runs, s -> s.result().p50Millis()),
              median(runs, s -> s.result().p99Millis()),
              runs.stream().mapToLong(s -> s.result().errors()).sum(),
              database ? "-" : String.format("%.1f", median(runs, Sample::serverCpu)),
              database
                  ? String.format(
                      "(per db CPU s) %.0f", median(runs, ApiLoadBenchmark::perDatabaseCpu))
                  : String.format("%.0f", median(runs, ApiLoadBenchmark::perServerCpu)),
              median(runs, Sample::databaseCpu),
              database ? "-" : String.format("%.0f", median(runs, Sample::rssMiB)),
              versus,
              floor));
    }
    t.append(
        String.format(
            "| %-28s | %7.0f | %6.1f | %6.1f | %6d | %12.1f | %20.0f | %8.1f | %7.0f | %23s | %8s |%n",
            "reads while purging " + PURGE_SESSIONS,
            purge.result().perSecond(),
            purge.result().p50Millis(),
            purge.result().p99Millis(),
            purge.result().errors(),
            purge.serverCpu(),
            perServerCpu(purge),
            purge.databaseCpu(),
            purge.rssMiB(),
            String.format("p99 ×idle %.2f", purge.result().p99Millis() / idleReadP99),
            "-"));
    t.append(
        String.format(
            "%nSweeper: %d expired sessions purged in %.1f s (%.0f/s) under read load."
                + " Start to ready (first start: migrations, baseline deploy): %.1f s."
                + " Server RSS at the end: %.0f MiB.%n",
            PURGE_SESSIONS,
            purge.result().seconds(),
            PURGE_SESSIONS / purge.result().seconds(),
            startSeconds,
            rssAtEnd));
    return t.toString();
  }

  private static String json(
      Map<String, List<Sample>> samples, Sample purge, double idleReadP99, double startSeconds) {
    var scenarios = Json.createObjectBuilder();
    for (Map.Entry<String, List<Sample>> scenario : samples.entrySet()) {
      JsonArrayBuilder runs = Json.createArrayBuilder();
      for (Sample s : scenario.getValue()) {
        runs.add(
            Json.createObjectBuilder()
                .add("requests", s.result().requests())
                .add("errors", s.result().errors())
                .add("seconds", s.result().seconds())
                .add("perSecond", s.result().perSecond())
                .add("p50Millis", s.result().p50Millis())
                .add("p99Millis", s.result().p99Millis())
                .add("serverCpuSeconds", s.serverCpu())
                .add("databaseCpuSeconds", s.databaseCpu())
                .add("serverRssMiB", s.rssMiB()));
      }
      scenarios.add(scenario.getKey(), runs);
    }
    return Json.createObjectBuilder()
        .add("date", LocalDate.now().toString())
        .add("cores", Runtime.getRuntime().availableProcessors())
        .add("clients", CLIENTS)
        .add("loginClients", LOGIN_CLIENTS)
        .add("warmupSeconds", WARMUP_SECONDS)
        .add("runSeconds", RUN_SECONDS)
        .add("javaOpts", JAVA_OPTS)
        .add("startToReadySeconds", startSeconds)
        .add("scenarios", scenarios)
        .add(
            "purge",
            Json.createObjectBuilder()
                .add("sessions", PURGE_SESSIONS)
                .add("seconds", purge.result().seconds())
                .add("readP99Millis", purge.result().p99Millis())
                .add("idleReadP99Millis", idleReadP99)
                .add("readErrors", purge.result().errors()))
        .build()
        .toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
