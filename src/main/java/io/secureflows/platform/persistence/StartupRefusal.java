package io.secureflows.platform.persistence;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How secureFlows refuses to start: one SEVERE line with a fixed prefix that the launcher watches
 * for (it then stops the server and exits non-zero), and an exception that fails the deployment.
 */
public final class StartupRefusal {
  /** The prefix of the log line; {@code payara/run.sh}'s launcher matches it. */
  public static final String MARKER = "secureFlows refuses to start: ";

  private StartupRefusal() {}

  public static IllegalStateException refuse(Logger log, String reason, Throwable cause) {
    log.log(Level.SEVERE, MARKER + reason);
    return new IllegalStateException(MARKER + reason, cause);
  }
}
