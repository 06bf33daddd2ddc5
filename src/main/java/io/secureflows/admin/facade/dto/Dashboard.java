package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A workspace at a glance: live sessions, sessions waiting for the sweeper, the last hour per
 * minute, and its keys with how far rewrapping under the active version has come.
 */
public record Dashboard(
    long activeSessions, long awaitingPurge, List<Minute> lastHour, List<KeyRow> keys)
    implements Serializable {

  /** One minute of activity. */
  public record Minute(
      Instant start, long apiCalls, long serverErrors, long signIns, long failedSignIns)
      implements Serializable {}

  /** Share of encrypted records already under the active key version, 0 to 100. */
  public int rewrapPercent() {
    return KeyRow.rewrapPercent(keys);
  }

  /** API calls per minute over the last completed minute. */
  public long apiCallsLastMinute() {
    return lastHour.size() < 2 ? 0 : lastHour.get(lastHour.size() - 2).apiCalls();
  }

  public long signInsLastMinute() {
    return lastHour.size() < 2 ? 0 : lastHour.get(lastHour.size() - 2).signIns();
  }

  /** Share of API calls answered with a server error over the hour, in percent. */
  public double errorRatePercent() {
    long calls = lastHour.stream().mapToLong(Minute::apiCalls).sum();
    long errors = lastHour.stream().mapToLong(Minute::serverErrors).sum();
    return calls == 0 ? 0 : errors * 100.0 / calls;
  }
}
