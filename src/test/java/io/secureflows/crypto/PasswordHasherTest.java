package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.secureflows.crypto.PasswordHasher.Cost;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards Argon2id password hashing: the RFC 9106 test vector, the PHC string format, per-hash
 * salts, and that a malformed stored hash never verifies.
 */
class PasswordHasherTest {

  private static final Cost CHEAP = new Cost(1024, 1, 1);
  private static final PasswordHasher HASHER = new PasswordHasher(CHEAP);
  private static final String PASSWORD = "correct horse battery staple";

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Test
  void matchesRfc9106Argon2idTestVector() {
    byte[] tag =
        PasswordHasher.derive(
            filled(32, 0x01),
            filled(16, 0x02),
            filled(8, 0x03),
            filled(12, 0x04),
            new Cost(32, 3, 4),
            32);

    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void verifiesTheHashedPassword() {
    String stored = HASHER.hash(PASSWORD.toCharArray());

    assertThat(HASHER.verify(PASSWORD.toCharArray(), stored)).isTrue();
  }

  @Test
  void refusesWrongPassword() {
    String stored = HASHER.hash(PASSWORD.toCharArray());

    assertThat(HASHER.verify("correct horse battery stapler".toCharArray(), stored)).isFalse();
    assertThat(HASHER.verify("Correct horse battery staple".toCharArray(), stored)).isFalse();
    assertThat(HASHER.verify(new char[0], stored)).isFalse();
  }

  @Test
  void verifiesEmptyPasswordOnlyAgainstItsOwnHash() {
    String stored = HASHER.hash(new char[0]);

    assertThat(HASHER.verify(new char[0], stored)).isTrue();
    assertThat(HASHER.verify(" ".toCharArray(), stored)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    String first = HASHER.hash(PASSWORD.toCharArray());
    String second = HASHER.hash(PASSWORD.toCharArray());

    assertThat(first).isNotEqualTo(second);
    assertThat(first.substring(0, first.lastIndexOf('$')))
        .isNotEqualTo(second.substring(0, second.lastIndexOf('$')));
    assertThat(HASHER.verify(PASSWORD.toCharArray(), first)).isTrue();
    assertThat(HASHER.verify(PASSWORD.toCharArray(), second)).isTrue();
  }

  @Test
  void writesPhcStringFormat() {
    String stored = HASHER.hash(PASSWORD.toCharArray());

    assertThat(stored)
        .startsWith("$argon2id$v=19$m=1024,t=1,p=1$")
        .matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void verifiesHashMadeWithOtherCost() {
    String stored = new PasswordHasher(new Cost(2048, 2, 2)).hash(PASSWORD.toCharArray());

    assertThat(stored).startsWith("$argon2id$v=19$m=2048,t=2,p=2$");
    assertThat(HASHER.verify(PASSWORD.toCharArray(), stored)).isTrue();
    assertThat(HASHER.verify("wrong".toCharArray(), stored)).isFalse();
  }

  @Test
  void roundTripsNonAsciiPassword() {
    String password = "p\u00e4ssw\u00f6rd \u5bc6\u7801 \ud83d\udd11";
    String stored = HASHER.hash(password.toCharArray());

    assertThat(HASHER.verify(password.toCharArray(), stored)).isTrue();
    assertThat(HASHER.verify("passwrd  ?".toCharArray(), stored)).isFalse();
    // NFD form of the same text is a different password: no silent normalisation.
    assertThat(HASHER.verify("pa\u0308ssw\u00f6rd \u5bc6\u7801 \ud83d\udd11".toCharArray(), stored))
        .isFalse();
  }

  @Test
  void needsRehashOnlyWhenCostDiffers() {
    String stored = HASHER.hash(PASSWORD.toCharArray());

    assertThat(HASHER.needsRehash(stored)).isFalse();
    assertThat(new PasswordHasher(new Cost(1024, 1, 1)).needsRehash(stored)).isFalse();
    assertThat(new PasswordHasher(new Cost(2048, 1, 1)).needsRehash(stored)).isTrue();
    assertThat(new PasswordHasher(new Cost(1024, 2, 1)).needsRehash(stored)).isTrue();
    assertThat(new PasswordHasher(new Cost(1024, 1, 2)).needsRehash(stored)).isTrue();
  }

  @Test
  void needsRehashWhenStoredHashIsMalformed() {
    assertThat(HASHER.needsRehash(null)).isTrue();
    assertThat(HASHER.needsRehash("")).isTrue();
    assertThat(HASHER.needsRehash("garbage")).isTrue();
    assertThat(HASHER.needsRehash(HASHER.hash(PASSWORD.toCharArray()).replace("id$", "i$")))
        .isTrue();
  }

  static Stream<String> malformedStoredHashes() {
    String good = HASHER.hash(PASSWORD.toCharArray());
    String params = "$argon2id$v=19$m=1024,t=1,p=1$";
    String salt = good.substring(params.length(), good.lastIndexOf('$'));
    String tag = good.substring(good.lastIndexOf('$') + 1);
    return Stream.of(
        "",
        "garbage",
        "$argon2id$",
        "$argon2i$v=19$m=1024,t=1,p=1$" + salt + "$" + tag,
        "$argon2d$v=19$m=1024,t=1,p=1$" + salt + "$" + tag,
        "$argon2id$v=16$m=1024,t=1,p=1$" + salt + "$" + tag,
        "$argon2id$m=1024,t=1,p=1$" + salt + "$" + tag,
        "$argon2id$v=19$m=1024,t=1$" + salt + "$" + tag,
        "$argon2id$v=19$m=1,t=1,p=1$" + salt + "$" + tag,
        "$argon2id$v=19$m=1024,t=0,p=1$" + salt + "$" + tag,
        "$argon2id$v=19$m=1024,t=1,p=0$" + salt + "$" + tag,
        "$argon2id$v=19$m=99999999999,t=1,p=1$" + salt + "$" + tag,
        "$argon2id$v=19$m=-1024,t=1,p=1$" + salt + "$" + tag,
        params + salt + "$" + tag + "=",
        params + salt + "==$" + tag,
        params + salt + "$" + tag + "$extra",
        params + salt + "$",
        params + salt,
        params,
        good.substring(0, good.length() - 1),
        good.substring(1),
        " " + good,
        good + "\n");
  }

  @ParameterizedTest
  @MethodSource("malformedStoredHashes")
  void malformedStoredHashNeverVerifiesAndNeverThrows(String stored) {
    assertThatCode(() -> HASHER.verify(PASSWORD.toCharArray(), stored)).doesNotThrowAnyException();
    assertThat(HASHER.verify(PASSWORD.toCharArray(), stored)).isFalse();
  }

  @Test
  void nullStoredHashNeverVerifies() {
    assertThat(HASHER.verify(PASSWORD.toCharArray(), null)).isFalse();
  }

  @Test
  void neverThrowsOnAnyTruncationOfAStoredHash() {
    String good = HASHER.hash(PASSWORD.toCharArray());

    for (int length = 0; length < good.length(); length++) {
      String truncated = good.substring(0, length);
      assertThatCode(() -> HASHER.verify(PASSWORD.toCharArray(), truncated))
          .as("prefix of length %d: %s", length, truncated)
          .doesNotThrowAnyException();
      assertThat(HASHER.verify(PASSWORD.toCharArray(), truncated)).isFalse();
    }
  }

  @Test
  void needsRehashNeverThrowsOnOverflowingCost() {
    String stored = "$argon2id$v=19$m=99999999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA";

    assertThatCode(() -> HASHER.needsRehash(stored)).doesNotThrowAnyException();
    assertThat(HASHER.needsRehash(stored)).isTrue();
  }

  @Test
  void refusesInvalidCost() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Cost(7, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new Cost(1024, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new Cost(1024, 1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Cost(15, 1, 2));
  }

  @Test
  void defaultCostIsOwaspMinimum() {
    assertThat(Cost.DEFAULT).isEqualTo(new Cost(19_456, 2, 1));
  }
}
