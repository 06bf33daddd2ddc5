package io.secureflows.testsupport;

import io.secureflows.launcher.EmbeddedDatabase;
import io.secureflows.launcher.MasterKeystore;
import io.secureflows.launcher.PrebootCommands;
import io.secureflows.launcher.Secrets;
import io.secureflows.launcher.TlsKeystore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test JVM, what every integration test needs: an embedded PostgreSQL 18 with the
 * owner and runtime roles, a TLS keystore, and the pre-boot command file, built by the same
 * launcher code as {@code payara/run.sh}. It then hands Payara's options to the Arquillian adapter
 * through the system properties the adapter reads ({@code payara.cmdOptions}, {@code
 * payara.extraMicroOptions}, {@code payara.clusterEnabled}).
 */
public final class TestEnvironment implements BeforeAllCallback {
  /** A platform API key installed through {@code SF_ADMIN_API_KEY} on every test server. */
  public static final String PLATFORM_API_KEY = "sfk_test-platform-key-0123456789abcdefghijklmnop";

  /**
   * The password of the console's first platform operator, {@code admin} ({@code
   * SF_ADMIN_PASSWORD}).
   */
  public static final String CONSOLE_ADMIN_PASSWORD = "console_admin_password_test_only";

  /**
   * The demo user's password ({@code SF_DEMO_PASSWORD}): demo@example.com in the demo workspace.
   */
  public static final String DEMO_PASSWORD = "demo_user_password_test_only";

  private static volatile Environment environment;

  @Override
  public void beforeAll(ExtensionContext context) {
    get();
  }

  public static synchronized Environment get() {
    if (environment == null) {
      try {
        environment = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException("the test database did not start", e);
      }
    }
    return environment;
  }

  private static Environment start() throws IOException, SQLException {
    Path root = Path.of(System.getProperty("sf.test.dataDir", "target/it-data")).toAbsolutePath();
    Secrets secrets = new Secrets(root.resolve("secrets"));
    Path dataDir = root.resolve("postgres");
    deleteRecursively(dataDir);
    EmbeddedDatabase database =
        EmbeddedDatabase.start(
            dataDir, secrets, freePort(), false, root.resolve("logs/postgres.log"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(database)));
    recordConsole(root.resolve("logs/console.log"));

    int httpsPort = freePort();
    TlsKeystore tls =
        TlsKeystore.ensure(
            root.resolve("tls/server.p12"), secrets.getOrCreate("tls-keystore.password"), null);
    Path preboot =
        PrebootCommands.write(
            Path.of("payara/pre-boot-commands.asadmin"),
            root.resolve("payara/pre-boot-commands.asadmin"),
            Map.of(
                "SF_HTTP_ADDRESS", "127.0.0.1",
                "SF_HTTPS_PORT", Integer.toString(httpsPort),
                "SF_TLS_ALIAS", tls.alias(),
                "SF_TLS_KEYSTORE", tls.file().toString(),
                "SF_TLS_KEYSTORE_PASSWORD", tls.password()));
    Path masterKeystore =
        MasterKeystore.ensure(
            root.resolve("keys/master-key.p12"), secrets.getOrCreate("master-keystore.password"));
    Path serverTmp = Files.createDirectories(root.resolve("server-tmp"));
    String cmdOptions =
        String.join(
            " ",
            "-Xmx512m",
            "-Djava.io.tmpdir=" + serverTmp,
            "-Dsf.db.url=" + database.jdbcUrl(),
            "-Dsf.db.user=" + EmbeddedDatabase.RUNTIME,
            "-Dsf.db.password=" + database.runtimePassword(),
            "-Dsf.db.owner.user=" + EmbeddedDatabase.OWNER,
            "-Dsf.db.owner.password=" + database.ownerPassword(),
            "-Dsf.admin.api-key=" + PLATFORM_API_KEY,
            "-Dsf.admin.password=" + CONSOLE_ADMIN_PASSWORD,
            "-Dsf.master-key.keystore=" + masterKeystore,
            "-Dsf.master-key.keystore-password=" + secrets.getOrCreate("master-keystore.password"),
            "-Dsf.demo=true",
            "-Dsf.demo.origin=https://127.0.0.1:" + httpsPort,
            "-Dsf.demo.password=" + DEMO_PASSWORD);
    System.setProperty("payara.cmdOptions", cmdOptions);
    // clusterEnabled keeps the adapter from adding --nocluster, which would cancel --nohazelcast
    // (STACK.md, trap 7).
    System.setProperty("payara.clusterEnabled", "true");
    System.setProperty(
        "payara.extraMicroOptions",
        "--nohazelcast --disablephonehome --prebootcommandfile " + preboot);
    return new Environment(database, tls, httpsPort, masterKeystore, secrets);
  }

  /**
   * Where everything this test JVM prints goes as well, Payara's console output included (the
   * adapter pumps it through {@code System.out}): tests read it to prove what the server never
   * logs.
   */
  public static Path consoleLog() {
    return Path.of(System.getProperty("sf.test.dataDir", "target/it-data"))
        .toAbsolutePath()
        .resolve("logs/console.log");
  }

  private static void recordConsole(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    java.io.OutputStream copy =
        Files.newOutputStream(
            file,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    System.setOut(new java.io.PrintStream(new Tee(System.out, copy), true));
    System.setErr(new java.io.PrintStream(new Tee(System.err, copy), true));
  }

  /** Writes to the original stream and to the copy, flushing both at once. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream original;
    private final java.io.OutputStream copy;

    Tee(java.io.OutputStream original, java.io.OutputStream copy) {
      this.original = original;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      original.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      original.write(bytes, offset, length);
      copy.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
      original.flush();
      copy.flush();
    }
  }

  /** A TLS context that trusts exactly this run's self-signed server certificate. */
  public static javax.net.ssl.SSLContext trustingTheServer() {
    Environment environment = get();
    try {
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(environment.tls().file())) {
        trust.load(in, environment.tls().password().toCharArray());
      }
      javax.net.ssl.TrustManagerFactory factory =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, factory.getTrustManagers(), null);
      return ssl;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static void closeQuietly(EmbeddedDatabase database) {
    try {
      database.close();
    } catch (IOException | RuntimeException e) {
      System.err.println("test database did not stop cleanly: " + e.getMessage());
    }
  }

  /** What the tests may reach directly: the database (for assertions) and the HTTPS listener. */
  public record Environment(
      EmbeddedDatabase database,
      TlsKeystore tls,
      int httpsPort,
      Path masterKeystore,
      Secrets secrets) {}
}
