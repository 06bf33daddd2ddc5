package io.secureflows.platform.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the current request: the caller's {@code X-Correlation-Id} when it is a
 * plain token of at most 64 characters, otherwise a new UUID. Audit records carry it, and the
 * answer echoes it, so a client's report, the access log and the audit trail can be matched.
 */
@RequestScoped
public class Correlation {
  public static final String HEADER = "X-Correlation-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private String id;

  /** Takes the caller's id if it is acceptable; called once, before anything reads {@link #id}. */
  void adopt(String offered) {
    if (id == null && offered != null && ACCEPTED.matcher(offered).matches()) {
      id = offered;
    }
  }

  public String id() {
    if (id == null) {
      id = UUID.randomUUID().toString();
    }
    return id;
  }
}
