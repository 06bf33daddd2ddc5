package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** TOTP against RFC 6238 Appendix B and RFC 4648, and the refusals that make a code single-use. */
class TotpTest {
  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.ofEpochSecond(1111111111);
  private static final long CURRENT = Totp.step(NOW);
  private static final long NO_CODE_USED_YET = Long.MIN_VALUE;

  // Appendix B lists 8-digit codes; a 6-digit code is the same truncation modulo 10^6.
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesRfc6238AppendixBSha1(long epochSecond, String rfcEightDigits) {
    long step = Totp.step(Instant.ofEpochSecond(epochSecond));

    assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(rfcEightDigits.substring(2));
  }

  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "f, MY",
    "fo, MZXQ",
    "foo, MZXW6",
    "foob, MZXW6YQ",
    "fooba, MZXW6YTB",
    "foobar, MZXW6YTBOI",
    "12345678901234567890, GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
  })
  void base32MatchesRfc4648WithoutPadding(String data, String encoded) {
    assertThat(Totp.base32(data.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
  }

  @Test
  void newSecretsAre160BitsAndNeverRepeat() {
    byte[] first = Totp.newSecret();

    assertThat(first).hasSize(20);
    assertThat(Totp.newSecret()).isNotEqualTo(first);
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 0, 1})
  void acceptsTheCurrentStepAndOneStepOfClockDrift(long drift) {
    String code = Totp.code(RFC_SECRET, CURRENT + drift);

    assertThat(Totp.verify(RFC_SECRET, code, NOW, NO_CODE_USED_YET)).hasValue(CURRENT + drift);
  }

  @ParameterizedTest
  @ValueSource(longs = {-2, 2})
  void refusesCodesTwoStepsAwayFromNow(long drift) {
    String code = Totp.code(RFC_SECRET, CURRENT + drift);

    assertThat(Totp.verify(RFC_SECRET, code, NOW, NO_CODE_USED_YET)).isEmpty();
  }

  @Test
  void refusesAWrongCode() {
    String code = Totp.code(RFC_SECRET, CURRENT);
    String wrong = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);

    assertThat(Totp.verify(RFC_SECRET, wrong, NOW, NO_CODE_USED_YET)).isEmpty();
  }

  @Test
  void aCodeIsAcceptedOnlyOnce() {
    String code = Totp.code(RFC_SECRET, CURRENT);
    long used = Totp.verify(RFC_SECRET, code, NOW, NO_CODE_USED_YET).orElseThrow();

    assertThat(Totp.verify(RFC_SECRET, code, NOW, used)).isEmpty();
  }

  @Test
  void refusesAnOlderStepOnceALaterOneWasUsed() {
    String previous = Totp.code(RFC_SECRET, CURRENT - 1);

    assertThat(Totp.verify(RFC_SECRET, previous, NOW, CURRENT)).isEmpty();
  }

  @Test
  void acceptsTheNextStepAfterTheCurrentWasUsed() {
    String next = Totp.code(RFC_SECRET, CURRENT + 1);

    assertThat(Totp.verify(RFC_SECRET, next, NOW, CURRENT)).hasValue(CURRENT + 1);
  }

  // Each is the right code in a form that number parsing would accept: only the six ASCII digits
  // themselves may pass.
  static Stream<String> malformedFormsOfTheCurrentCode() {
    String code = Totp.code(RFC_SECRET, CURRENT);
    return Stream.of(
        code.substring(1),
        "0" + code,
        " " + code,
        code + "\n",
        code.substring(0, 5) + "a",
        arabicIndic(code));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @MethodSource("malformedFormsOfTheCurrentCode")
  void refusesAnythingButSixAsciiDigits(String presented) {
    assertThat(Totp.verify(RFC_SECRET, presented, NOW, NO_CODE_USED_YET)).isEmpty();
  }

  @Test
  void provisioningUriHasTheShapeAuthenticatorAppsRead() {
    assertThat(Totp.provisioningUri("secureFlows Admin", "alice@example.com", RFC_SECRET))
        .isEqualTo(
            "otpauth://totp/secureFlows%20Admin:alice%40example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=secureFlows%20Admin"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void provisioningUriEncodesWhatWouldBreakItsShape() {
    String uri = Totp.provisioningUri("a:b", "x+y&secret=AAAA", RFC_SECRET);

    assertThat(uri)
        .startsWith("otpauth://totp/a%3Ab:x%2By%26secret%3DAAAA?secret=GEZDGNBVGY3TQOJQ")
        .contains("&issuer=a%3Ab&");
  }

  private static String arabicIndic(String asciiDigits) {
    StringBuilder out = new StringBuilder();
    asciiDigits.chars().forEach(c -> out.append((char) ('\u0660' + c - '0')));
    return out.toString();
  }
}
