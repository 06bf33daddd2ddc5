package io.secureflows.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), method S256 only: {@code plain} is refused because it
 * protects nothing against an attacker who can read the authorization request.
 */
public final class Pkce {
  public static final String METHOD = "S256";
  private static final String VERIFIER_SYNTAX = "[A-Za-z0-9._~-]{43,128}";
  private static final String CHALLENGE_SYNTAX = "[A-Za-z0-9_-]{43}";

  private Pkce() {}

  /** Whether a {@code code_challenge} is a well-formed S256 challenge (43 base64url characters). */
  public static boolean isValidChallenge(String challenge) {
    return challenge != null && challenge.matches(CHALLENGE_SYNTAX);
  }

  /** The S256 challenge of a verifier: base64url without padding of SHA-256 of its ASCII bytes. */
  public static String challengeOf(String verifier) {
    byte[] digest = SecretDigest.sha256(verifier);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /**
   * Whether the verifier is well-formed (43 to 128 unreserved characters) and matches the
   * challenge, compared in constant time.
   */
  public static boolean verify(String verifier, String challenge) {
    if (verifier == null || !verifier.matches(VERIFIER_SYNTAX) || !isValidChallenge(challenge)) {
      return false;
    }
    return MessageDigest.isEqual(
        challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }
}
