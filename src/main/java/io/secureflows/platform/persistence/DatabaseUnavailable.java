package io.secureflows.platform.persistence;

import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Whether a failure means the database cannot be reached right now (down, restarting, refusing
 * connections, a connection terminated under a transaction or at its commit, or no pooled
 * connection in time): such a request is answered 503 with {@code Retry-After}, not 500, so that
 * clients and load balancers retry instead of reporting a bug.
 */
public final class DatabaseUnavailable {
  /** What the 503 answers put in {@code Retry-After}. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());
  private static final String POOLING_EXCEPTION =
      "com.sun.appserv.connectors.internal.api.PoolingException";
  private static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final AtomicLong lastLine =
      new AtomicLong(System.nanoTime() - LINE_INTERVAL_NANOS);

  private DatabaseUnavailable() {}

  public static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause.getClass().getName().equals(POOLING_EXCEPTION)) {
        return true;
      }
      if (cause instanceof SQLException sql && isUnavailable(sql.getSQLState())) {
        return true;
      }
      // The connector wraps the driver's failure at commit, keeping only its SQL state.
      if (cause instanceof ResourceException resource && isUnavailable(resource.getErrorCode())) {
        return true;
      }
      // At commit, Payara's connector turns that failure into an XAException that keeps neither
      // the cause nor the SQL state, only the driver's message.
      if (cause instanceof XAException && namesALostConnection(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Class 08 (connection exception), 57P01 to 57P03 (administrator shutdown, crash shutdown, cannot
   * connect now) and 55000 as PostgreSQL uses it for a database not accepting connections.
   */
  static boolean isUnavailable(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.equals("57P01")
            || sqlState.equals("57P02")
            || sqlState.equals("57P03")
            || sqlState.equals("55000"));
  }

  /** The PostgreSQL driver's messages for the SQL states above, as a commit failure quotes them. */
  static boolean namesALostConnection(String message) {
    return message != null
        && (message.contains("terminating connection")
            || message.contains("connection has been closed")
            || message.contains("not currently accepting connections")
            || message.contains("Connection refused")
            || message.contains("An I/O error occurred"));
  }

  /** One line for operators, at most every 10 s while an outage lasts; never a stack trace. */
  public static void report(Throwable failure) {
    long now = System.nanoTime();
    long last = lastLine.get();
    if (now - last > LINE_INTERVAL_NANOS && lastLine.compareAndSet(last, now)) {
      LOG.warning(
          "The database is unavailable; answering 503 (at most one such line every 10 s; "
              + failure.getClass().getName()
              + ")");
    }
  }
}
