package io.secureflows.identity.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.identity.domain.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which key signs: a new key is published for 30 seconds before it signs, so that every node trusts
 * it first; a lone key signs at once.
 */
class SigningKeysTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static SigningKey key(String kid, Instant created) {
    return new SigningKey(kid, "RS256", new byte[] {1}, new byte[] {2}, "aes256:00", created);
  }

  private static SigningKeys with(List<SigningKey> newestFirst) {
    return new SigningKeys() {
      @Override
      public List<SigningKey> verificationKeys() {
        return newestFirst;
      }
    };
  }

  @Test
  void aFreshlyRotatedKeyWaitsWhileThePreviousOneKeepsSigning() {
    SigningKey previous = key("previous", NOW.minus(Duration.ofDays(3)));
    SigningKey fresh = key("fresh", NOW);
    SigningKeys keys = with(List.of(fresh, previous));
    assertThat(keys.signingKey(NOW).kid()).isEqualTo("previous");
    assertThat(keys.signingKey(NOW.plusSeconds(29)).kid()).isEqualTo("previous");
    assertThat(keys.signingKey(NOW.plusSeconds(30)).kid()).isEqualTo("fresh");
  }

  @Test
  void aLoneKeySignsAtOnce() {
    SigningKeys keys = with(List.of(key("only", NOW)));
    assertThat(keys.signingKey(NOW).kid()).isEqualTo("only");
  }
}
