package io.secureflows.session.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionQueryTest {

  @Test
  void noParametersMeanTheNewestFiftyOfEveryState() {
    SessionQuery query = SessionQuery.parse(null, "", null, null, null, null);
    assertThat(query.userId()).isNull();
    assertThat(query.applicationId()).isNull();
    assertThat(query.state()).isNull();
    assertThat(query.sort()).isEqualTo(SessionQuery.Sort.CREATED_AT_DESC);
    assertThat(query.limit()).isEqualTo(SessionQuery.DEFAULT_LIMIT);
    assertThat(query.after()).isNull();
  }

  @Test
  void everyAllowedValueParses() {
    UUID user = UUID.randomUUID();
    UUID application = UUID.randomUUID();
    SessionQuery query =
        SessionQuery.parse(
            user.toString(), application.toString(), "signed-out", "-lastSeenAt", "500", null);
    assertThat(query.userId()).isEqualTo(user);
    assertThat(query.applicationId()).isEqualTo(application);
    assertThat(query.state()).isEqualTo(SessionQuery.State.SIGNED_OUT);
    assertThat(query.sort()).isEqualTo(SessionQuery.Sort.LAST_SEEN_AT_DESC);
    assertThat(query.limit()).isEqualTo(500);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "created_at",
        "createdAt desc",
        "createdAt; drop table user_session",
        "(select 1)",
        "CREATEDAT",
        "workspaceId"
      })
  void sortOutsideTheAllowlistIsRefused(String sort) {
    assertThatThrownBy(() -> SessionQuery.parse(null, null, null, sort, null, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields(e)).containsExactly("sort"));
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                SessionQuery.parse(
                    "' or '1'='1",
                    "00000000-0000-0000-0000-00000000000g",
                    "live",
                    "x",
                    "0",
                    "not-a-cursor"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(fields(e))
                    .containsExactly(
                        "userId", "applicationId", "state", "sort", "limit", "cursor"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "-1", "1 or 1=1", "1e3", "99999999999"})
  void limitsOutsideOneToFiveHundredAreRefused(String limit) {
    assertThatThrownBy(() -> SessionQuery.parse(null, null, null, null, limit, null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCursorRoundTripsAndIsBoundToItsSort() {
    var cursor =
        new SessionQuery.Cursor(
            SessionQuery.Sort.LAST_SEEN_AT,
            Instant.parse("2026-12-04T10:15:30.123456Z"),
            UUID.randomUUID());
    SessionQuery next = SessionQuery.parse(null, null, null, "lastSeenAt", null, cursor.encode());
    assertThat(next.after()).isEqualTo(cursor);
    assertThatThrownBy(() -> SessionQuery.parse(null, null, null, null, null, cursor.encode()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("another sort order");
  }

  private static java.util.List<String> fields(Throwable e) {
    return ((InvalidInputException) e).errors().stream().map(FieldError::field).toList();
  }
}
