package io.secureflows.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code ${NAME}} placeholders of {@code payara/pre-boot-commands.asadmin} into a private
 * copy.
 */
public final class PrebootCommands {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  private PrebootCommands() {}

  public static Path write(Path template, Path target, Map<String, String> values)
      throws IOException {
    String text = Files.readString(template, StandardCharsets.UTF_8);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in " + template);
      }
      if (value.contains("\n") || value.contains("\r")) {
        throw new IllegalArgumentException("a value for ${" + m.group(1) + "} must be one line");
      }
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    m.appendTail(filled);
    PrivateFolders.create(target.getParent());
    Files.writeString(target, filled, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(target, PrivateFolders.OWNER_ONLY_FILE);
    return target;
  }
}
