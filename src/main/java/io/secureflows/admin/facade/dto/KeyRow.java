package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One key version of a workspace and how many encrypted records it still protects. */
public record KeyRow(
    int version, String state, Instant createdAt, Instant stateChangedAt, long protectedRecords)
    implements Serializable {

  /**
   * Share of a workspace's encrypted records already under its active version, 0 to 100: how far
   * the rewrap after a rotation has come.
   */
  public static int rewrapPercent(List<KeyRow> versions) {
    long underActive =
        versions.stream()
            .filter(k -> k.state().equals("active"))
            .mapToLong(KeyRow::protectedRecords)
            .sum();
    long all = versions.stream().mapToLong(KeyRow::protectedRecords).sum();
    return all == 0 ? 100 : (int) (underActive * 100 / all);
  }
}
