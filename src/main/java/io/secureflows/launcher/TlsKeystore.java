package io.secureflows.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTPS listener's keystore: a self-signed certificate for {@code localhost} and {@code
 * 127.0.0.1}, generated with the JDK's keytool on first start and kept in the private data folder.
 */
public record TlsKeystore(Path file, String password, String alias) {
  public static final String ALIAS = "secureflows";

  /** The keystore at {@code file}, generated first if it does not exist yet. */
  public static TlsKeystore ensure(Path file, String password, String extraHost)
      throws IOException {
    if (!Files.exists(file)) {
      PrivateFolders.create(file.getParent());
      String san =
          "dns:localhost,ip:127.0.0.1,ip:::1" + (extraHost == null ? "" : sanEntry(extraHost));
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Path passwordFile = PrivateFolders.passwordFile(file, password);
      List<String> command =
          List.of(
              keytool.toString(),
              "-genkeypair",
              "-alias",
              ALIAS,
              "-keyalg",
              "RSA",
              "-keysize",
              "3072",
              "-sigalg",
              "SHA256withRSA",
              "-validity",
              "825",
              "-dname",
              "CN=secureFlows local",
              "-ext",
              "SAN=" + san,
              "-storetype",
              "PKCS12",
              "-keystore",
              file.toString(),
              "-storepass:file",
              passwordFile.toString());
      try {
        run(command);
      } finally {
        Files.deleteIfExists(passwordFile);
      }
      Files.setPosixFilePermissions(file, PrivateFolders.OWNER_ONLY_FILE);
    }
    return new TlsKeystore(file, password, ALIAS);
  }

  private static String sanEntry(String host) {
    return host.matches("[0-9.]+") || host.contains(":") ? ",ip:" + host : ",dns:" + host;
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(
            "keytool failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating the TLS certificate", e);
    }
  }

  /**
   * SHA-256 fingerprint of the certificate, as browsers and {@code openssl x509 -fingerprint} show
   * it.
   */
  public String fingerprint() throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      Certificate certificate = store.getCertificate(alias);
      if (certificate == null) {
        throw new IOException("the keystore " + file + " has no certificate named " + alias);
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the keystore " + file, e);
    }
  }
}
