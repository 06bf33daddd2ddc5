package io.secureflows.launcher;

import io.secureflows.platform.persistence.StartupRefusal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code payara/run.sh}'s Java half. Reads its settings from the environment (README:
 * configuration), starts the database (embedded unless {@code SF_DB_URL} is set), prepares TLS,
 * starts Payara Micro with the WAR, waits until {@code /health/ready} answers UP, prints where to
 * click, and on Ctrl-C (or SIGTERM) drains the node if {@code SF_SHUTDOWN_DRAIN_SECONDS} asks for
 * it, then stops the server, then the database.
 */
public final class Launcher {
  /**
   * What the person at the terminal reads: messages only, no timestamps or levels, never a secret.
   * Records go straight to the handler, not through a Logger: java.util.logging detaches handlers
   * from loggers at JVM shutdown, and the shutdown hook still says that it stops the server and the
   * database.
   */
  private static final Handler CONSOLE = console();

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, String> env;
  private final Path dataDir;
  private final Path warFile;
  private final Path payaraJar;
  private final Path prebootTemplate;
  private EmbeddedDatabase database;
  private Process server;
  private volatile boolean serving;

  private Launcher(Map<String, String> env, Path warFile, Path payaraJar, Path prebootTemplate) {
    this.env = env;
    this.dataDir = Path.of(require(env, "SF_DATA_DIR")).toAbsolutePath();
    this.warFile = warFile;
    this.payaraJar = payaraJar;
    this.prebootTemplate = prebootTemplate;
  }

  public static void main(String[] args) {
    if (args.length != 3) {
      say(
          Level.SEVERE,
          "usage: Launcher <secureflows.war> <payara-micro.jar> <pre-boot-commands.asadmin>");
      System.exit(2);
    }
    Launcher launcher =
        new Launcher(System.getenv(), Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "secureflows-shutdown"));
    try {
      System.exit(launcher.run());
    } catch (Exception e) {
      say(Level.SEVERE, "secureFlows could not start: " + e.getMessage());
      System.exit(1);
    }
  }

  private int run() throws Exception {
    PrivateFolders.create(dataDir);
    Secrets secrets = new Secrets(dataDir.resolve("secrets"));
    Map<String, String> serverEnv = new HashMap<>(env);
    if (drainSeconds().isEmpty()) {
      say(
          "SF_SHUTDOWN_DRAIN_SECONDS must be a whole number of seconds from 0 to 300, not '"
              + env.get("SF_SHUTDOWN_DRAIN_SECONDS")
              + "'");
      return 1;
    }
    Files.deleteIfExists(drainFile());
    serverEnv.put("SF_DRAIN_FILE", drainFile().toString());
    String httpAddress = env.getOrDefault("SF_HTTP_ADDRESS", "127.0.0.1");
    String httpPort = env.getOrDefault("SF_HTTP_PORT", "8080");
    String httpsPort = env.getOrDefault("SF_HTTPS_PORT", "8443");
    // The readiness probe would otherwise find a server already running there and report it ready.
    for (String port : List.of(httpPort, httpsPort)) {
      if (!isFree(httpAddress, Integer.parseInt(port))) {
        say(
            "Port "
                + port
                + " on "
                + httpAddress
                + " is already in use (is secureFlows already running?); stop that process or set"
                + " SF_HTTP_PORT / SF_HTTPS_PORT");
        return 1;
      }
    }

    String databaseNote;
    if (env.get("SF_DB_URL") == null || env.get("SF_DB_URL").isBlank()) {
      int port = Integer.parseInt(env.getOrDefault("SF_EMBEDDED_DB_PORT", "54320"));
      say(
          "Starting embedded PostgreSQL 18 in "
              + dataDir.resolve("postgres")
              + " (port "
              + port
              + ")");
      database =
          EmbeddedDatabase.start(
              dataDir.resolve("postgres"),
              secrets,
              port,
              true,
              dataDir.resolve("logs/postgres.log"));
      serverEnv.put("SF_DB_URL", database.jdbcUrl());
      serverEnv.put("SF_DB_USER", EmbeddedDatabase.RUNTIME);
      serverEnv.put("SF_DB_PASSWORD", database.runtimePassword());
      serverEnv.put("SF_DB_OWNER_USER", EmbeddedDatabase.OWNER);
      serverEnv.put("SF_DB_OWNER_PASSWORD", database.ownerPassword());
      databaseNote =
          "embedded PostgreSQL at "
              + database.jdbcUrl()
              + " (runtime role "
              + EmbeddedDatabase.RUNTIME
              + ", password in "
              + secrets.file("db-runtime.password")
              + ")";
    } else {
      require(env, "SF_DB_USER");
      databaseNote = "external PostgreSQL at " + env.get("SF_DB_URL");
    }

    String adminPasswordNote;
    if (env.get("SF_ADMIN_PASSWORD") == null) {
      serverEnv.put("SF_ADMIN_PASSWORD", secrets.getOrCreate("admin.password"));
      adminPasswordNote =
          "the password in " + secrets.file("admin.password") + " (used on the first start)";
    } else {
      adminPasswordNote = "the password from SF_ADMIN_PASSWORD (used on the first start)";
    }
    String apiKeyNote;
    if (env.get("SF_ADMIN_API_KEY") == null) {
      serverEnv.put("SF_ADMIN_API_KEY", "sfk_" + secrets.getOrCreate("admin-api.key"));
      apiKeyNote = "sfk_ followed by the contents of " + secrets.file("admin-api.key");
    } else {
      apiKeyNote = "the key from SF_ADMIN_API_KEY";
    }
    serverEnv.putIfAbsent("SF_DEMO", "true");
    // The tokens' issuer, and the base of the OAuth metadata: the HTTPS address clients use.
    String publicHost =
        httpAddress.equals("0.0.0.0") || httpAddress.equals("::") ? "127.0.0.1" : httpAddress;
    serverEnv.putIfAbsent("SF_TOKEN_ISSUER", "https://" + hostForUri(publicHost) + ":" + httpsPort);
    serverEnv.putIfAbsent("SF_DEMO_ORIGIN", "https://" + hostForUri(publicHost) + ":" + httpsPort);
    String demoNote;
    if (!"true".equalsIgnoreCase(serverEnv.get("SF_DEMO"))) {
      demoNote = "off (SF_DEMO=false)";
    } else if (env.get("SF_DEMO_PASSWORD") == null) {
      serverEnv.put("SF_DEMO_PASSWORD", secrets.getOrCreate("demo-user.password"));
      demoNote =
          "/demo/   (demo@example.com, password in " + secrets.file("demo-user.password") + ")";
    } else {
      demoNote = "/demo/   (demo@example.com, password from SF_DEMO_PASSWORD)";
    }
    String masterKeyNote = masterKey(secrets, serverEnv);

    TlsKeystore tls = tls(secrets, httpAddress);
    Path preboot =
        PrebootCommands.write(
            prebootTemplate,
            dataDir.resolve("payara/pre-boot-commands.asadmin"),
            Map.of(
                "SF_HTTP_ADDRESS", httpAddress,
                "SF_HTTPS_PORT", httpsPort,
                "SF_TLS_ALIAS", tls.alias(),
                "SF_TLS_KEYSTORE", tls.file().toString(),
                "SF_TLS_KEYSTORE_PASSWORD", tls.password()));

    say(
        "Starting Payara Micro with "
            + warFile.getFileName()
            + " (server log: "
            + dataDir.resolve("logs/server.log")
            + ")");
    server = startServer(serverEnv, preboot, httpPort);
    String probeHost =
        httpAddress.equals("0.0.0.0") || httpAddress.equals("::") ? "127.0.0.1" : httpAddress;
    URI ready = URI.create("http://" + hostForUri(probeHost) + ":" + httpPort + "/health/ready");
    Optional<String> refusal = Optional.empty();
    boolean isReady = false;
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (!isReady && refusal.isEmpty() && server.isAlive() && Instant.now().isBefore(deadline)) {
      isReady = probeReady(ready);
      refusal = refusal(dataDir.resolve("logs/server.log"));
      if (!isReady && refusal.isEmpty()) {
        TimeUnit.MILLISECONDS.sleep(500);
      }
    }
    if (refusal.isPresent()) {
      say(refusal.get());
      say("Server log: " + dataDir.resolve("logs/server.log"));
      stop();
      return 3;
    }
    if (!isReady) {
      say("The server did not become ready; see " + dataDir.resolve("logs/server.log"));
      stop();
      return 1;
    }
    String base = "https://" + hostForUri(probeHost) + ":" + httpsPort;
    serving = true;
    say(
        Level.INFO,
        """

        ──────────────────────────────────────────────────────────────────────────
         secureFlows is ready
           Admin console      %s/admin/   (sign in as 'admin')
           Demo application   %s
           API                %s/api/v1
           OpenAPI            %s/openapi
           Health             %s/health/ready
           Plain HTTP (loopback development only)  http://%s:%s
           Admin API key      %s
           Operator 'admin'   %s
           Database           %s
           Master key         %s
           TLS certificate    %s, SHA-256 %s
           Data folder        %s
         Press Ctrl-C to stop the server and the database.
        ──────────────────────────────────────────────────────────────────────────
        """
            .formatted(
                base,
                demoNote.startsWith("/") ? base + demoNote : demoNote,
                base,
                base,
                base,
                hostForUri(probeHost),
                httpPort,
                apiKeyNote,
                adminPasswordNote,
                databaseNote,
                masterKeyNote,
                env.getOrDefault("SF_TLS_KEYSTORE", "").isBlank()
                    ? "self-signed"
                    : "from SF_TLS_KEYSTORE",
                tls.fingerprint(),
                dataDir));
    return server.waitFor();
  }

  /** Unless another master key is configured, the run's own keystore, created on first start. */
  private String masterKey(Secrets secrets, Map<String, String> serverEnv) throws IOException {
    String provider = env.getOrDefault("SF_MASTER_KEY_PROVIDER", "pkcs12");
    if (!provider.equals("pkcs12") || !env.getOrDefault("SF_MASTER_KEY_KEYSTORE", "").isBlank()) {
      return "from " + provider + " provider settings";
    }
    Path keystore =
        MasterKeystore.ensure(
            dataDir.resolve("keys/master-key.p12"),
            secrets.getOrCreate("master-keystore.password"));
    serverEnv.put("SF_MASTER_KEY_KEYSTORE", keystore.toString());
    serverEnv.put(
        "SF_MASTER_KEY_KEYSTORE_PASSWORD", secrets.getOrCreate("master-keystore.password"));
    return keystore + " (back it up apart from the database)";
  }

  private TlsKeystore tls(Secrets secrets, String httpAddress) throws IOException {
    String configured = env.get("SF_TLS_KEYSTORE");
    if (configured != null && !configured.isBlank()) {
      return new TlsKeystore(
          Path.of(configured),
          require(env, "SF_TLS_KEYSTORE_PASSWORD"),
          env.getOrDefault("SF_TLS_ALIAS", TlsKeystore.ALIAS));
    }
    String extraHost =
        httpAddress.equals("127.0.0.1") || httpAddress.equals("0.0.0.0") ? null : httpAddress;
    return TlsKeystore.ensure(
        dataDir.resolve("tls/server.p12"), secrets.getOrCreate("tls-keystore.password"), extraHost);
  }

  private static boolean isFree(String address, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Process startServer(Map<String, String> serverEnv, Path preboot, String httpPort)
      throws IOException {
    Path logs = PrivateFolders.create(dataDir.resolve("logs"));
    Path tmp = PrivateFolders.create(dataDir.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(env.getOrDefault("SF_JAVA_OPTS", "-Xms256m -Xmx384m").trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Djava.io.tmpdir=" + tmp,
            "-jar",
            payaraJar.toString(),
            "--nohazelcast",
            "--disablephonehome",
            "--name",
            "secureflows",
            "--prebootcommandfile",
            preboot.toString(),
            "--port",
            httpPort,
            "--deploy",
            warFile.toAbsolutePath().toString(),
            "--contextroot",
            "/"));
    String postboot = env.getOrDefault("SF_POSTBOOT_COMMANDS", "");
    if (!postboot.isBlank()) {
      command.addAll(
          List.of("--postbootcommandfile", Path.of(postboot).toAbsolutePath().toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // One log per start, so that what the launcher reads in it is about this start; the previous
    // one is kept.
    Path log = logs.resolve("server.log");
    if (Files.exists(log)) {
      Files.move(log, logs.resolve("server.previous.log"), StandardCopyOption.REPLACE_EXISTING);
    }
    builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().clear();
    builder.environment().putAll(serverEnv);
    return builder.start();
  }

  private boolean probeReady(URI ready) throws InterruptedException {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      // An empty health report is UP too (a failed deployment has no checks): require our own
      // check.
      return answer.statusCode() == 200
          && answer.body().contains("\"database\"")
          && answer.body().contains("\"UP\"");
    } catch (IOException notYet) {
      return false;
    }
  }

  /** The reason the application gave for refusing to start, from the server log, if it did. */
  static Optional<String> refusal(Path serverLog) throws IOException {
    if (!Files.exists(serverLog)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(serverLog, java.nio.charset.StandardCharsets.UTF_8)) {
      return lines
          .map(
              line ->
                  line.indexOf(StartupRefusal.MARKER) < 0
                      ? null
                      : line.substring(line.indexOf(StartupRefusal.MARKER)))
          .filter(java.util.Objects::nonNull)
          .findFirst()
          .map(line -> line.replaceAll("[\\]\\s]+$", ""));
    } catch (java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private synchronized void stop() {
    if (server != null && server.isAlive()) {
      if (serving) {
        drain();
      }
      say("Stopping the server");
      server.destroy();
      try {
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (database != null) {
      say("Stopping the embedded database");
      try {
        database.close();
      } catch (IOException | RuntimeException e) {
        say("The database had already stopped: " + e.getMessage());
      }
      database = null;
    }
  }

  /**
   * Behind a load balancer: readiness reports DOWN (the drain file exists) while the node still
   * answers every request, so that the balancer's health check takes it out of rotation before the
   * server stops and answers {@code 503} to what it is still sent.
   */
  private void drain() {
    int seconds = drainSeconds().orElse(0);
    if (seconds == 0) {
      return;
    }
    try {
      Files.writeString(drainFile(), "draining\n", java.nio.charset.StandardCharsets.UTF_8);
      say("Draining for " + seconds + " s: readiness reports DOWN, requests are still answered");
      TimeUnit.SECONDS.sleep(seconds);
    } catch (IOException e) {
      say("The drain file could not be written (" + e.getMessage() + "); stopping at once");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<Integer> drainSeconds() {
    String value = env.getOrDefault("SF_SHUTDOWN_DRAIN_SECONDS", "0").trim();
    if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) > 300) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(value));
  }

  private Path drainFile() {
    return dataDir.resolve("tmp/draining");
  }

  private static Handler console() {
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(
        new Formatter() {
          @Override
          public String format(LogRecord record) {
            return formatMessage(record) + System.lineSeparator();
          }
        });
    return handler;
  }

  private static void say(Level level, String message) {
    CONSOLE.publish(new LogRecord(level, message));
    CONSOLE.flush();
  }

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String require(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set");
    }
    return value;
  }

  private static void say(String message) {
    say(Level.INFO, "[secureflows] " + message);
  }
}
