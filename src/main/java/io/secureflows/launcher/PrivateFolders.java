package io.secureflows.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders and files that only the user running secureFlows can read. */
final class PrivateFolders {
  static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private PrivateFolders() {}

  /**
   * Writes a password to an owner-only file beside {@code near}, for tools such as keytool that
   * read it from a file ({@code -storepass:file}) instead of the command line, where other local
   * users could see it.
   */
  static Path passwordFile(Path near, String password) throws IOException {
    Path file =
        Files.createTempFile(
            near.getParent(),
            ".password",
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    Files.writeString(file, password + "\n", java.nio.charset.StandardCharsets.UTF_8);
    return file;
  }

  static Path create(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR);
    return folder;
  }
}
