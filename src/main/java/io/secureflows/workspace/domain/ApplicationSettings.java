package io.secureflows.workspace.domain;

import io.secureflows.platform.error.FieldError;
import java.util.List;

/**
 * An application's lifecycle and size settings. Any value left null takes its documented default.
 *
 * @param tokenTtlSeconds lifetime of a sessionToken (default 900, 60 to 86,400)
 * @param sessionIdleTtlSeconds a session unused this long expires (default 7 days, 60 s to 365
 *     days)
 * @param sessionMaxTtlSeconds a session expires this long after creation whatever its use (default
 *     30 days, at least the idle TTL, at most 365 days)
 * @param payloadMaxBytes largest session payload accepted (default 64 KiB, 1 byte to 1 MiB)
 * @param registrationAllowed whether users may sign themselves up on the hosted pages (default
 *     false)
 */
public record ApplicationSettings(
    Integer tokenTtlSeconds,
    Integer sessionIdleTtlSeconds,
    Integer sessionMaxTtlSeconds,
    Integer payloadMaxBytes,
    Boolean registrationAllowed,
    Integer sessionGraceSeconds) {

  /** Settings without a grace period (it defaults to none). */
  public ApplicationSettings(
      Integer tokenTtlSeconds,
      Integer sessionIdleTtlSeconds,
      Integer sessionMaxTtlSeconds,
      Integer payloadMaxBytes,
      Boolean registrationAllowed) {
    this(
        tokenTtlSeconds,
        sessionIdleTtlSeconds,
        sessionMaxTtlSeconds,
        payloadMaxBytes,
        registrationAllowed,
        null);
  }

  public static final int DEFAULT_TOKEN_TTL = 900;
  public static final int DEFAULT_SESSION_IDLE_TTL = 7 * 24 * 3600;
  public static final int DEFAULT_SESSION_MAX_TTL = 30 * 24 * 3600;
  public static final int DEFAULT_PAYLOAD_MAX_BYTES = 64 * 1024;
  public static final int DEFAULT_SESSION_GRACE = 0;
  static final int MAX_SESSION_TTL = 365 * 24 * 3600;
  static final int MAX_SESSION_GRACE = 30 * 24 * 3600;
  static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

  public static ApplicationSettings defaults() {
    return new ApplicationSettings(null, null, null, null, null, null);
  }

  /**
   * These settings with every null replaced by its default, checked; errors are added to the list.
   */
  ApplicationSettings resolved(List<FieldError> errors) {
    return over(defaults(), errors);
  }

  /**
   * These settings over {@code base}: every null takes the base's value (then the default),
   * checked; errors are added to the list.
   */
  ApplicationSettings over(ApplicationSettings base, List<FieldError> errors) {
    ApplicationSettings r =
        new ApplicationSettings(
            first(tokenTtlSeconds, base.tokenTtlSeconds, DEFAULT_TOKEN_TTL),
            first(sessionIdleTtlSeconds, base.sessionIdleTtlSeconds, DEFAULT_SESSION_IDLE_TTL),
            first(sessionMaxTtlSeconds, base.sessionMaxTtlSeconds, DEFAULT_SESSION_MAX_TTL),
            first(payloadMaxBytes, base.payloadMaxBytes, DEFAULT_PAYLOAD_MAX_BYTES),
            registrationAllowed != null
                ? registrationAllowed
                : base.registrationAllowed != null && base.registrationAllowed,
            first(sessionGraceSeconds, base.sessionGraceSeconds, DEFAULT_SESSION_GRACE));
    range(errors, "tokenTtlSeconds", r.tokenTtlSeconds, 60, 86_400);
    range(errors, "sessionIdleTtlSeconds", r.sessionIdleTtlSeconds, 1, MAX_SESSION_TTL);
    range(errors, "sessionMaxTtlSeconds", r.sessionMaxTtlSeconds, 1, MAX_SESSION_TTL);
    range(errors, "sessionGraceSeconds", r.sessionGraceSeconds, 0, MAX_SESSION_GRACE);
    range(errors, "payloadMaxBytes", r.payloadMaxBytes, 1, MAX_PAYLOAD_BYTES);
    if (r.sessionMaxTtlSeconds < r.sessionIdleTtlSeconds) {
      errors.add(new FieldError("sessionMaxTtlSeconds", "must be at least sessionIdleTtlSeconds"));
    }
    return r;
  }

  private static int first(Integer value, Integer base, int fallback) {
    return value != null ? value : base != null ? base : fallback;
  }

  private static void range(List<FieldError> errors, String field, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(new FieldError(field, "must be between " + min + " and " + max));
    }
  }
}
