package io.secureflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogQueryTest {

  @Test
  void nothingGivenMeansEverythingNewestFirstAHundredAtATime() {
    LogQuery query = LogQuery.parse(null, "", null, null, null, null, null, null, null, null);
    assertThat(query.limit()).isEqualTo(LogQuery.DEFAULT_LIMIT);
    assertThat(query.from()).isNull();
    assertThat(query.after()).isNull();
  }

  @Test
  void everyFilterParses() {
    UUID session = UUID.randomUUID();
    LogQuery query =
        LogQuery.parse(
            "2026-12-01T00:00:00Z",
            "2026-12-02T00:00:00Z",
            "0b7e0a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
            "session.payload_read",
            session.toString(),
            null,
            "/v1/session/payload",
            "412",
            "1000",
            null);
    assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(query.action()).isEqualTo("session.payload_read");
    assertThat(query.sessionId()).isEqualTo(session);
    assertThat(query.status()).isEqualTo(412);
    assertThat(query.limit()).isEqualTo(1000);
  }

  @Test
  void everyBadValueIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                LogQuery.parse(
                    "yesterday",
                    "2026-12-02T00:00:00Z",
                    "x' or '1'='1",
                    "DROP TABLE",
                    "42",
                    "not-a-uuid",
                    "no-slash",
                    "999",
                    "0",
                    "%%%"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(
                        ((InvalidInputException) e)
                            .errors().stream().map(FieldError::field).toList())
                    .containsExactly(
                        "from",
                        "actor",
                        "action",
                        "route",
                        "status",
                        "limit",
                        "cursor",
                        "sessionId",
                        "applicationId"));
  }

  @Test
  void aRangeMustMoveForward() {
    assertThatThrownBy(
            () ->
                LogQuery.parse(
                    "2026-12-02T00:00:00Z",
                    "2026-12-01T00:00:00Z",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("after from");
  }

  @Test
  void aCursorRoundTrips() {
    LogQuery.Cursor cursor =
        new LogQuery.Cursor(
            Instant.parse("2026-12-04T10:15:30.123456Z"), UUID.randomUUID().toString());
    LogQuery query =
        LogQuery.parse(null, null, null, null, null, null, null, null, null, cursor.encode());
    assertThat(query.after()).isEqualTo(cursor);
  }
}
