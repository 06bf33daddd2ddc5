package io.secureflows.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format {@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}, so that each hash carries its own parameters: they can
 * be raised later and old hashes still verify ({@link #needsRehash(String)} tells when to rehash at
 * the next successful login).
 */
public final class PasswordHasher {

  /** Cost parameters; the defaults are OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1). */
  public record Cost(int memoryKiB, int iterations, int parallelism) {
    public static final Cost DEFAULT = new Cost(19_456, 2, 1);

    public Cost {
      if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
        throw new IllegalArgumentException("invalid Argon2 cost");
      }
    }
  }

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Cost cost;

  public PasswordHasher(Cost cost) {
    this.cost = cost;
  }

  public String hash(char[] password) {
    byte[] salt = RandomSecrets.bytes(SALT_BYTES);
    byte[] hash = derive(password, salt, cost, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            cost.memoryKiB(),
            cost.iterations(),
            cost.parallelism(),
            B64.encodeToString(salt),
            B64.encodeToString(hash));
  }

  /**
   * Checks a password against a stored hash; a malformed stored hash never matches and never
   * throws.
   */
  public boolean verify(char[] password, String stored) {
    return StoredHash.parse(stored)
        .map(
            h ->
                MessageDigest.isEqual(
                    h.hash(), derive(password, h.salt(), h.cost(), h.hash().length)))
        .orElse(false);
  }

  /**
   * True when the stored hash was made with other parameters than the current ones, or is
   * unreadable.
   */
  public boolean needsRehash(String stored) {
    return StoredHash.parse(stored).map(h -> !h.cost().equals(cost)).orElse(true);
  }

  /** A stored hash taken apart; anything malformed or out of bounds is no hash at all. */
  private record StoredHash(Cost cost, byte[] salt, byte[] hash) {
    private static final int MAX_MEMORY_KIB = 1024 * 1024;

    static Optional<StoredHash> parse(String stored) {
      Matcher m = stored == null ? null : PHC.matcher(stored);
      if (m == null || !m.matches()) {
        return Optional.empty();
      }
      try {
        Cost cost =
            new Cost(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] salt = B64D.decode(m.group(4));
        byte[] hash = B64D.decode(m.group(5));
        if (cost.memoryKiB() > MAX_MEMORY_KIB || salt.length < 8 || hash.length < 16) {
          return Optional.empty();
        }
        return Optional.of(new StoredHash(cost, salt, hash));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  static byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
    return derive(toUtf8(password), salt, null, null, cost, length);
  }

  static byte[] derive(
      byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Cost cost, int length) {
    Argon2Parameters.Builder parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKiB())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt);
    if (secret != null) {
      parameters.withSecret(secret);
    }
    if (associatedData != null) {
      parameters.withAdditional(associatedData);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters.build());
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  private static byte[] toUtf8(char[] password) {
    return new String(password).getBytes(StandardCharsets.UTF_8);
  }
}
