package io.secureflows.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generated secrets of the local run (database passwords, keystore password), one file each in a
 * folder only the owner can read. Generated on first use, the same on every later start.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path folder;

  public Secrets(Path folder) throws IOException {
    this.folder = PrivateFolders.create(folder);
  }

  public Path file(String name) {
    return folder.resolve(name);
  }

  public String getOrCreate(String name) throws IOException {
    Path file = file(name);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path temporary =
        Files.createTempFile(
            folder,
            name,
            ".tmp",
            PosixFilePermissions.asFileAttribute(PrivateFolders.OWNER_ONLY_FILE));
    Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return secret;
  }
}
