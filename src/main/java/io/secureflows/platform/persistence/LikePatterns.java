package io.secureflows.platform.persistence;

/**
 * Text a person typed, used inside a {@code like} pattern: its wildcards are escaped with {@code !}
 * (queries say {@code escape '!'}), so a search for {@code 50%} finds "50%" and not everything
 * starting with "50".
 */
public final class LikePatterns {
  private LikePatterns() {}

  public static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
