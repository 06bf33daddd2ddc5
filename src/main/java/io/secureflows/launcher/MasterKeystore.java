package io.secureflows.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local run's master key: a random AES-256 secret key in a PKCS#12 keystore in the private data
 * folder, generated with the JDK's keytool on first start. Losing this file (or its password) loses
 * every encrypted payload: back it up apart from the database.
 */
public final class MasterKeystore {
  public static final String ALIAS = "secureflows-master";

  private MasterKeystore() {}

  public static Path ensure(Path file, String password) throws IOException {
    if (!Files.exists(file)) {
      PrivateFolders.create(file.getParent());
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Path passwordFile = PrivateFolders.passwordFile(file, password);
      Process process =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(),
                      "-genseckey",
                      "-alias",
                      ALIAS,
                      "-keyalg",
                      "AES",
                      "-keysize",
                      "256",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      file.toString(),
                      "-storepass:file",
                      passwordFile.toString(),
                      "-keypass:file",
                      passwordFile.toString()))
              .redirectErrorStream(true)
              .start();
      try {
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IOException(
              "keytool could not create the master key: "
                  + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while creating the master key", e);
      } finally {
        Files.deleteIfExists(passwordFile);
      }
      Files.setPosixFilePermissions(file, PrivateFolders.OWNER_ONLY_FILE);
    }
    return file;
  }
}
