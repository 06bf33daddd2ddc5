package io.secureflows.identity.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits for the public sign-in and token endpoints, per client address and per application,
 * in fixed one-minute windows kept in this node's memory (a cluster of N nodes admits up to N times
 * the limit; the per-account lockout, which lives in the database, is the defence that holds across
 * nodes). Over a limit the caller gets 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiter {
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_TRACKED = 100_000;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "sf.rate-limit.per-address", defaultValue = "600")
  int perAddress;

  @Inject
  @ConfigProperty(name = "sf.rate-limit.per-application", defaultValue = "120")
  int perApplication;

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** One counted request; empty when allowed, else the seconds to wait before trying again. */
  public Optional<Long> admit(String clientAddress, String clientId) {
    Instant now = clock.instant();
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.isOver(now));
    }
    Optional<Long> byAddress = count("address:" + clientAddress, perAddress, now);
    Optional<Long> byApplication = count("application:" + clientId, perApplication, now);
    return byAddress.isPresent() ? byAddress : byApplication;
  }

  private Optional<Long> count(String key, int limit, Instant now) {
    Window window =
        windows.compute(key, (k, w) -> w == null || w.isOver(now) ? new Window(now) : w);
    long used = window.hits.incrementAndGet();
    if (used <= limit) {
      return Optional.empty();
    }
    return Optional.of(
        Math.max(1, Duration.between(now, window.start.plus(WINDOW)).toSeconds() + 1));
  }

  private static final class Window {
    final Instant start;
    final java.util.concurrent.atomic.AtomicLong hits =
        new java.util.concurrent.atomic.AtomicLong();

    Window(Instant start) {
      this.start = start;
    }

    boolean isOver(Instant now) {
      return !now.isBefore(start.plus(WINDOW));
    }
  }
}
