package io.secureflows.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUnavailableTest {

  @ParameterizedTest
  @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "55000"})
  void connectionAndShutdownStatesAreAnOutage(String sqlState) {
    assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("x", sqlState))))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "40001", "42501", "22P02", "57014"})
  void constraintSerializationPermissionAndDataErrorsAreNot(String sqlState) {
    assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("x", sqlState))))
        .isFalse();
  }

  @Test
  void aRefusedConnectionDeepInTheCauseChainIsAnOutage() {
    Throwable wrapped =
        new IllegalStateException(
            new RuntimeException(new SQLException("wrapped", new ConnectException("refused"))));
    assertThat(DatabaseUnavailable.causes(wrapped)).isTrue();
    assertThat(DatabaseUnavailable.causes(new SQLTransientConnectionException("pool"))).isTrue();
  }

  @Test
  void aCommitOnATerminatedConnectionIsAnOutage() {
    Throwable commit =
        new IllegalStateException(
            new jakarta.resource.spi.LocalTransactionException(
                "FATAL: terminating connection due to administrator command", "57P01"));
    assertThat(DatabaseUnavailable.causes(commit)).isTrue();
    assertThat(
            DatabaseUnavailable.causes(
                new jakarta.resource.spi.LocalTransactionException("deadlock", "40P01")))
        .isFalse();
  }

  @Test
  void aCommitThatLostItsConnectionIsAnOutageEvenWithoutCauseOrState() {
    javax.transaction.xa.XAException lost =
        new javax.transaction.xa.XAException(
            "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection due to"
                + " administrator command");
    Throwable commit = new jakarta.transaction.SystemException("commit").initCause(lost);
    assertThat(DatabaseUnavailable.causes(new RuntimeException(commit))).isTrue();
    assertThat(
            DatabaseUnavailable.causes(
                new javax.transaction.xa.XAException(
                    "jakarta.resource.spi.LocalTransactionException: ERROR: duplicate key value")))
        .isFalse();
  }

  @Test
  void anUnrelatedFailureIsNot() {
    assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.causes(new SQLException("no state"))).isFalse();
  }
}
