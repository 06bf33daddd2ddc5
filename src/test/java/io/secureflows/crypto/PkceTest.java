package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** PKCE S256 against RFC 7636 Appendix B, and the refusals around it. */
class PkceTest {
  private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  @Test
  void matchesRfc7636AppendixB() {
    assertThat(Pkce.challengeOf(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
    assertThat(Pkce.verify(RFC_VERIFIER, RFC_CHALLENGE)).isTrue();
  }

  @Test
  void wrongVerifierFails() {
    assertThat(Pkce.verify(RFC_VERIFIER.replace('d', 'e'), RFC_CHALLENGE)).isFalse();
  }

  @Test
  void plainMethodIsNeverAccepted() {
    // With "plain" the challenge would equal the verifier; S256 never matches that.
    assertThat(Pkce.verify(RFC_VERIFIER, RFC_VERIFIER)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "short",
        "has space in it and is long enough to pass the length check!!",
        "üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü"
      })
  void malformedVerifiersFail(String verifier) {
    assertThat(Pkce.verify(verifier, RFC_CHALLENGE)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"
      })
  void malformedChallengesAreInvalid(String challenge) {
    assertThat(Pkce.isValidChallenge(challenge)).isFalse();
    assertThat(Pkce.verify(RFC_VERIFIER, challenge)).isFalse();
  }
}
