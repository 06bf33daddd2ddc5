package io.secureflows.workspace.app;

import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The origins browser applications may call the API from: the origins ({@code
 * scheme://host[:port]}) of registered web applications' redirect URIs, in any workspace. Looked up
 * through the narrow {@code origin_check} policy (release 0.6.0), outside every workspace, and
 * remembered for a minute per node, so a newly registered application's origin works within a
 * minute.
 */
@ApplicationScoped
public class WebOrigins {
  static final Duration REMEMBERED = Duration.ofMinutes(1);
  private static final int MAX_REMEMBERED = 10_000;
  private static final Pattern ORIGIN =
      Pattern.compile("https?://([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:]+\\])(:[0-9]{1,5})?");

  @PersistenceContext EntityManager em;

  @Inject WorkspaceScopes scopes;

  @Inject Clock clock;

  private record Answer(boolean allowed, Instant until) {}

  private final Map<String, Answer> remembered = new ConcurrentHashMap<>();

  /** Whether a browser page of this origin may call the token endpoint and the session API. */
  public boolean isAllowed(String origin) {
    if (origin == null || origin.length() > 300) {
      return false;
    }
    String normalised = origin.toLowerCase(Locale.ROOT);
    if (!ORIGIN.matcher(normalised).matches()) {
      return false;
    }
    Instant now = clock.instant();
    Answer answer = remembered.get(normalised);
    if (answer == null || !answer.until().isAfter(now)) {
      if (remembered.size() > MAX_REMEMBERED) {
        remembered.clear();
      }
      answer = new Answer(lookUp(normalised), now.plus(REMEMBERED));
      remembered.put(normalised, answer);
    }
    return answer.allowed();
  }

  private boolean lookUp(String origin) {
    return scopes.callOutsideWorkspaces(
        () -> {
          em.createNativeQuery("select set_config('sf.origin', ?1, true)")
              .setParameter(1, origin)
              .getSingleResult();
          return ((Number)
                      em.createNativeQuery("select count(*) from application").getSingleResult())
                  .longValue()
              > 0;
        });
  }
}
