package io.secureflows.platform.persistence;

import java.util.UUID;

/**
 * Identifiers for new rows: UUID version 7 (RFC 9562), time-ordered so that B-tree inserts stay
 * local, with 74 random bits (taken from a random version 4 UUID, so from the platform's strong
 * generator) so that ids cannot be guessed from one another.
 */
public final class Ids {
  private static final long TIMESTAMP_MASK = 0xFFFF_FFFF_FFFFL;
  private static final long RANDOM_A_MASK = 0x0FFFL;
  private static final long RANDOM_B_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

  private Ids() {}

  public static UUID newId() {
    UUID random = UUID.randomUUID();
    long high =
        (System.currentTimeMillis() & TIMESTAMP_MASK) << 16
            | 0x7000L
            | (random.getMostSignificantBits() & RANDOM_A_MASK);
    long low = 0x8000_0000_0000_0000L | (random.getLeastSignificantBits() & RANDOM_B_MASK);
    return new UUID(high, low);
  }
}
