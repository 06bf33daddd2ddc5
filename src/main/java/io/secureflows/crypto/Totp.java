package io.secureflows.crypto;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) for the admin console's optional second factor, with the
 * parameters every authenticator app supports without asking: HMAC-SHA1, 6 digits, 30-second steps.
 *
 * <p>A code is accepted once only: the caller keeps the step of the last accepted code and every
 * step up to it is refused, so a code read over someone's shoulder or from a log is worthless once
 * used. One step before or after the current one is accepted because phones' clocks drift and
 * typing a code takes time; more would widen the window an observed code stays valid.
 */
public final class Totp {
  private static final int SECRET_BYTES = 20;
  private static final long PERIOD_SECONDS = 30;
  private static final int MODULUS = 1_000_000;
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String HMAC = "HmacSHA1";

  private Totp() {}

  /** A new shared secret of 160 bits, the HMAC-SHA1 output size that RFC 4226 recommends. */
  public static byte[] newSecret() {
    return RandomSecrets.bytes(SECRET_BYTES);
  }

  /** RFC 4648 base32 in upper case without padding, the form authenticator apps read. */
  public static String base32(byte[] secret) {
    StringBuilder out = new StringBuilder((secret.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : secret) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** The zero-padded 6-digit code of a time step (RFC 4226 dynamic truncation). */
  public static String code(byte[] secret, long step) {
    byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        (hash[offset] & 0x7f) << 24
            | (hash[offset + 1] & 0xff) << 16
            | (hash[offset + 2] & 0xff) << 8
            | (hash[offset + 3] & 0xff);
    return String.format("%06d", binary % MODULUS);
  }

  /** The time step of an instant: whole 30-second periods since the Unix epoch. */
  public static long step(Instant at) {
    // Floor, as RFC 6238 defines T; plain division would round pre-1970 instants the wrong way.
    return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
  }

  /**
   * The step whose code was presented, if it is the current step or one next to it and later than
   * {@code lastUsedStep} ({@link Long#MIN_VALUE} when no code has been accepted yet). The caller
   * must store the returned step as the new last used one.
   */
  public static OptionalLong verify(
      byte[] secret, String presented, Instant now, long lastUsedStep) {
    if (presented == null || !SIX_DIGITS.matcher(presented).matches()) {
      return OptionalLong.empty();
    }
    byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
    long current = step(now);
    // Latest step first: should two steps share a code by chance, accepting the earlier one would
    // let the same code pass a second time for the later one.
    for (long candidate = current + 1;
        candidate >= current - 1 && candidate > lastUsedStep;
        candidate--) {
      if (MessageDigest.isEqual(
          code(secret, candidate).getBytes(StandardCharsets.US_ASCII), given)) {
        return OptionalLong.of(candidate);
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The {@code otpauth://} URI an authenticator app scans from a QR code (Google's Key Uri Format),
   * naming the parameters even where they are the defaults so no app has to guess.
   */
  public static String provisioningUri(String issuer, String account, byte[] secret) {
    String encodedIssuer = encode(issuer);
    return "otpauth://totp/"
        + encodedIssuer
        + ":"
        + encode(account)
        + "?secret="
        + base32(secret)
        + "&issuer="
        + encodedIssuer
        + "&algorithm=SHA1&digits=6&period=30";
  }

  // URLEncoder writes form encoding; in a URI path and for the apps a space must be %20. A literal
  // "+" has already become %2B, so every "+" left stands for a space.
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] hmacSha1(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java platform", e);
    }
  }
}
