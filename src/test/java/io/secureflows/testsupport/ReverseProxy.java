package io.secureflows.testsupport;

import io.secureflows.launcher.TlsKeystore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URL;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of two launched nodes, run with the shipped {@code payara/haproxy.cfg}
 * unchanged: TLS on both hops with the run's certificate, health checks on {@code /health/ready},
 * retries of what is safe to retry, console affinity. Listens on 127.0.0.1 only; closing it stops
 * it.
 */
public final class ReverseProxy implements AutoCloseable {
  private static final Path CONFIG = Path.of("payara/haproxy.cfg");

  private final Process process;
  private final int port;
  private final Path adminSocket;
  private final Path log;

  private ReverseProxy(Process process, int port, Path adminSocket, Path log) {
    this.process = process;
    this.port = port;
    this.adminSocket = adminSocket;
    this.log = log;
  }

  /**
   * Starts HAProxy on {@code port} in front of nodes {@code a} and {@code b} (their HTTPS
   * listeners), and waits until it accepts connections.
   */
  public static ReverseProxy start(Path folder, int port, LaunchedNode a, LaunchedNode b)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    TlsKeystore tls = TestEnvironment.get().tls();
    Path certificateAndKey = folder.resolve("proxy.pem");
    Path nodesCertificate = folder.resolve("nodes-ca.pem");
    writePems(tls, certificateAndKey, nodesCertificate);
    Path adminSocket = folder.resolve("admin.sock");
    Files.deleteIfExists(adminSocket);
    Path log = folder.resolve("haproxy.log");
    ProcessBuilder builder =
        new ProcessBuilder(haproxy(), "-db", "-f", CONFIG.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SF_PROXY_BIND", "127.0.0.1:" + port);
    env.put("SF_PROXY_CERT", certificateAndKey.toString());
    env.put("SF_NODE_CA", nodesCertificate.toString());
    env.put("SF_NODE_A", "127.0.0.1:" + a.httpsPort());
    env.put("SF_NODE_B", "127.0.0.1:" + b.httpsPort());
    env.put("SF_PROXY_ADMIN_SOCKET", adminSocket.toString());
    ReverseProxy proxy = new ReverseProxy(builder.start(), port, adminSocket, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && proxy.process.isAlive()) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
        if (Files.exists(adminSocket)) {
          return proxy;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    String output = Files.readString(log);
    proxy.close();
    throw new IllegalStateException("HAProxy did not start:\n" + output);
  }

  /** The address clients use: the proxy's HTTPS listener. */
  public URL url() {
    try {
      return URI.create("https://127.0.0.1:" + port + "/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * Requests each node of the API backend has answered so far, and whether HAProxy's health check
   * holds it UP, from the runtime API's {@code show stat}.
   */
  public Map<String, ServerState> apiServers() throws IOException {
    List<String> lines = adminCommand("show stat").lines().toList();
    List<String> columns = List.of(lines.get(0).replaceFirst("^# ", "").split(",", -1));
    Map<String, ServerState> servers = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      if (fields.length == columns.size()
          && fields[0].equals("nodes")
          && !fields[1].equals("BACKEND")
          && !fields[1].equals("FRONTEND")) {
        servers.put(
            fields[1],
            new ServerState(
                Long.parseLong(fields[columns.indexOf("stot")]),
                fields[columns.indexOf("status")].startsWith("UP")));
      }
    }
    return servers;
  }

  /** One node as the proxy sees it: connections it has sent there, and whether it is UP. */
  public record ServerState(long connections, boolean up) {}

  /** What HAProxy printed (alerts and warnings), to put beside a failure. */
  public String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private String adminCommand(String command) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(adminSocket));
      channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      try (InputStream in = java.nio.channels.Channels.newInputStream(channel)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private static String haproxy() {
    for (String folder : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
      Path candidate = Path.of(folder, "haproxy");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        "HAProxy is missing: payara/test.sh installs Debian's haproxy; or apt-get install haproxy");
  }

  /** The run's certificate and key as HAProxy reads them: PEM, the key in PKCS#8. */
  private static void writePems(TlsKeystore tls, Path certificateAndKey, Path certificateOnly)
      throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(tls.file())) {
        store.load(in, tls.password().toCharArray());
      }
      Key key = store.getKey(tls.alias(), tls.password().toCharArray());
      Certificate certificate = store.getCertificate(tls.alias());
      String certificatePem = pem("CERTIFICATE", certificate.getEncoded());
      Files.writeString(certificateOnly, certificatePem, StandardCharsets.US_ASCII);
      Files.deleteIfExists(certificateAndKey);
      Files.createFile(
          certificateAndKey,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          certificateAndKey,
          certificatePem + pem("PRIVATE KEY", key.getEncoded()),
          StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the run's TLS keystore could not be read", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
