package io.secureflows.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Guards the row identifiers: RFC 9562 UUID version 7, unique, and time-ordered by their string
 * form so that B-tree inserts stay local.
 */
class IdsTest {

  @Test
  void isVersion7WithIetfVariant() {
    for (int i = 0; i < 1000; i++) {
      UUID id = Ids.newId();
      assertThat(id.version()).isEqualTo(7);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(id.toString())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-.*");
    }
  }

  @Test
  void generatesDistinctIds() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(Ids.newId());
    }

    assertThat(ids).hasSize(10_000);
  }

  @Test
  void idsFromLaterMillisecondsSortAfterEarlierOnes() throws InterruptedException {
    UUID earlier = Ids.newId();
    Thread.sleep(2);
    UUID later = Ids.newId();

    assertThat(later.toString()).isGreaterThan(earlier.toString());
    assertThat(later.getMostSignificantBits() >>> 16)
        .isGreaterThan(earlier.getMostSignificantBits() >>> 16);
  }

  @Test
  void embedsCurrentUnixMillis() {
    long before = System.currentTimeMillis();
    UUID id = Ids.newId();

    long timestamp = id.getMostSignificantBits() >>> 16;

    assertThat(timestamp).isCloseTo(before, within(5_000L));
    assertThat(timestamp).isCloseTo(System.currentTimeMillis(), within(5_000L));
  }
}
