package io.secureflows.testsupport;

import io.secureflows.launcher.EmbeddedDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A secureFlows node started the way {@code payara/run.sh} starts one (the real launcher and Payara
 * Micro), against the test database, on free loopback ports: for tests of start-up refusals and of
 * more than one node. Closing it stops it as Ctrl-C would.
 */
public final class LaunchedNode implements AutoCloseable {
  private final Process process;
  private final Path dataDir;
  private final StringBuffer output = new StringBuffer();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final int httpPort;
  private final int httpsPort;

  private LaunchedNode(Process process, Path dataDir, int httpPort, int httpsPort) {
    this.process = process;
    this.dataDir = dataDir;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  output.append(line).append('\n');
                  if (line.contains("secureFlows is ready")) {
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(")\n");
              }
            },
            "launched-node-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a node with its own data folder under {@code target/it-data}; {@code settings} add to or
   * override the defaults (the test database's roles unless {@code settings} name a database
   * password, free ports, no demo).
   */
  public static LaunchedNode start(String name, String jdbcUrl, Map<String, String> settings)
      throws IOException {
    return start(name, Path.of("target/secureflows.war"), jdbcUrl, settings);
  }

  /** The same with another WAR, such as the WAR with the test probes. */
  public static LaunchedNode start(
      String name, Path war, String jdbcUrl, Map<String, String> settings) throws IOException {
    Path dataDir = Path.of("target/it-data").resolve(name).toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp",
            "target/classes:target/launcher-lib/*",
            "io.secureflows.launcher.Launcher",
            war.toString(),
            "target/launcher-lib/payara-micro.jar",
            "payara/pre-boot-commands.asadmin"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("SF_"));
    Map<String, String> all = new HashMap<>();
    all.put("SF_DATA_DIR", dataDir.toString());
    all.put("SF_DB_URL", jdbcUrl);
    all.put("SF_DB_USER", EmbeddedDatabase.RUNTIME);
    all.put("SF_DB_OWNER_USER", EmbeddedDatabase.OWNER);
    if (!settings.containsKey("SF_DB_PASSWORD")) {
      EmbeddedDatabase database = TestEnvironment.get().database();
      all.put("SF_DB_PASSWORD", database.runtimePassword());
      all.put("SF_DB_OWNER_PASSWORD", database.ownerPassword());
    }
    all.put("SF_HTTP_PORT", Integer.toString(freePort()));
    all.put("SF_HTTPS_PORT", Integer.toString(freePort()));
    all.put("SF_DEMO", "false");
    all.put("SF_JAVA_OPTS", "-Xmx384m");
    all.putAll(settings);
    env.putAll(all);
    Process process = builder.start();
    process.getOutputStream().close();
    return new LaunchedNode(
        process,
        dataDir,
        Integer.parseInt(all.get("SF_HTTP_PORT")),
        Integer.parseInt(all.get("SF_HTTPS_PORT")));
  }

  /** Whether it reported ready within the time; false also when it stopped first. */
  public boolean awaitReady(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (ready.await(200, TimeUnit.MILLISECONDS)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
    }
    return false;
  }

  /** Waits for the node to stop by itself; its exit code. */
  public int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not stop by itself");
    }
    return process.exitValue();
  }

  /** Its plain-HTTP loopback port. */
  public int httpPort() {
    return httpPort;
  }

  /** Its HTTPS port (on 127.0.0.1 like the HTTP one). */
  public int httpsPort() {
    return httpsPort;
  }

  /** The Payara Micro process the launcher started (its only child), once it runs. */
  public ProcessHandle server() {
    return process
        .toHandle()
        .children()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the launcher has not started the server"));
  }

  /** What the launcher printed so far. */
  public String output() {
    return output.toString();
  }

  /** The server's log file. */
  public Path serverLog() {
    return dataDir.resolve("logs/server.log");
  }

  /** The last lines of the server log, to put beside a failure. */
  public String serverLogTail() throws IOException {
    Path log = serverLog();
    if (!Files.exists(log)) {
      return "\n(no server log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return "\n--- server log tail ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.toHandle().destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
