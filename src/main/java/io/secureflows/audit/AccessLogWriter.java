package io.secureflows.audit;

import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the access log's queue to the {@code access_log} table every second, in JDBC batches of at
 * most {@link #BATCH} rows, one transaction each, and once more when the application stops. Rows
 * are only appended (the table's policy admits any workspace's record and shows each workspace only
 * its own).
 */
@Singleton
// Bean-managed: its work starts its own transactions; a container NOT_SUPPORTED context would keep
// their connections out of them.
@TransactionManagement(TransactionManagementType.BEAN)
public class AccessLogWriter {
  static final int BATCH = 1_000;
  private static final Logger LOG = Logger.getLogger(AccessLogWriter.class.getName());

  @Inject AccessLog accessLog;

  @Inject AccessLogTable table;

  @Inject WorkspaceScopes scopes;

  private long droppedReported;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void flushEverySecond() {
    flush();
  }

  @PreDestroy
  void flushOnShutdown() {
    flush();
  }

  private void flush() {
    try {
      List<AccessRecord> batch;
      while (!(batch = accessLog.take(BATCH)).isEmpty()) {
        List<AccessRecord> records = batch;
        scopes.callOutsideWorkspaces(
            () -> {
              table.append(records);
              return null;
            });
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Access log records could not be written", e);
    }
    long dropped = accessLog.dropped();
    if (dropped > droppedReported) {
      LOG.warning(
          "Access log queue full: "
              + (dropped - droppedReported)
              + " records dropped ("
              + dropped
              + " since start)");
      droppedReported = dropped;
    }
  }
}
