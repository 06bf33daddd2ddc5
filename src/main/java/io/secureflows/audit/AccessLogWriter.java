package io.secureflows.audit;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
public class AccessLogWriter {
  static final int BATCH = 1_000;
  private static final Logger LOG = Logger.getLogger(AccessLogWriter.class.getName());

  @Inject AccessLog accessLog;

  @Inject AccessLogTable table;

  private long droppedReported;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void flushEverySecond() {
    flush();
  }

  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void flushOnShutdown() {
    flush();
  }

  private void flush() {
    try {
      List<AccessRecord> batch;
      while (!(batch = accessLog.take(BATCH)).isEmpty()) {
        table.append(batch);
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
