package io.secureflows.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, so that
 * each hash carries its own parameters: they can be raised later and old hashes still verify ({@link
 * #needsRehash(String)} tells when to rehash at the next successful login).
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
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
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
        .formatted(cost.memoryKiB(), cost.iterations(), cost.parallelism(), B64.encodeToString(salt), B64.encodeToString(hash));
  }

  /** Checks a password against a stored hash; a malformed stored hash never matches. */
  public boolean verify(char[] password, String stored) {
    Matcher m = stored == null ? null : PHC.matcher(stored);
    if (m == null || !m.matches()) {
      return false;
    }
    Cost storedCost;
    try {
      storedCost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] salt = B64D.decode(m.group(4));
    byte[] expected = B64D.decode(m.group(5));
    byte[] actual = derive(password, salt, storedCost, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** True when the stored hash was made with other parameters than the current ones. */
  public boolean needsRehash(String stored) {
    Matcher m = stored == null ? null : PHC.matcher(stored);
    return m == null
        || !m.matches()
        || Integer.parseInt(m.group(1)) != cost.memoryKiB()
        || Integer.parseInt(m.group(2)) != cost.iterations()
        || Integer.parseInt(m.group(3)) != cost.parallelism();
  }

  static byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
    return derive(toUtf8(password), salt, null, null, cost, length);
  }

  static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Cost cost, int length) {
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
