package io.secureflows.platform.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for new rows: UUID version 7 (RFC 9562), time-ordered so that B-tree inserts stay local, with 74 random
 * bits so that ids cannot be guessed from one another.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
    long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
    for (int i = 3; i < 10; i++) {
      low |= (random[i] & 0xFFL) << (8 * (9 - i));
    }
    return new UUID(high, low);
  }
}
