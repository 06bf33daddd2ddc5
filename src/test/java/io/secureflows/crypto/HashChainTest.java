package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

  @Test
  void theDigestIsSha256OfLengthPrefixedFields() {
    // "a" (length 1), a missing field (length -1), an empty field (length 0)
    byte[] encoding = HexFormat.of().parseHex("0000000161ffffffff00000000");
    assertThat(HashChain.contentDigest(Arrays.asList("a", null, ""))).isEqualTo(sha256(encoding));
  }

  @Test
  void fieldBoundariesAndMissingFieldsCannotBeConfused() {
    assertThat(HashChain.contentDigest(List.of("ab", "c")))
        .isNotEqualTo(HashChain.contentDigest(List.of("a", "bc")));
    assertThat(HashChain.contentDigest(Arrays.asList("a", null)))
        .isNotEqualTo(HashChain.contentDigest(List.of("a", "")));
  }

  @Test
  void everyLinkDependsOnAllBeforeIt() {
    byte[] first = HashChain.link(HashChain.GENESIS, HashChain.contentDigest(List.of("1")));
    byte[] second = HashChain.link(first, HashChain.contentDigest(List.of("2")));
    byte[] forgedFirst = HashChain.link(HashChain.GENESIS, HashChain.contentDigest(List.of("x")));
    assertThat(HashChain.link(forgedFirst, HashChain.contentDigest(List.of("2"))))
        .isNotEqualTo(second);
    assertThat(HashChain.same(second, second.clone())).isTrue();
    assertThat(HashChain.same(second, first)).isFalse();
    assertThat(HashChain.same(null, first)).isFalse();
  }

  @Test
  void linksAreThirtyTwoBytes() {
    assertThatThrownBy(() -> HashChain.link(new byte[31], new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(input);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
