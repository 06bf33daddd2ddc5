package io.secureflows.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which audit chains this node wrote to since the sealer last ran: one chain per workspace and one
 * for platform events (no workspace). The sealer seals those within a second; a periodic pass over
 * every chain catches what a stopped node left unsealed.
 */
@ApplicationScoped
public class AuditChains {
  private static final UUID PLATFORM = new UUID(0L, 0L);

  private final Set<UUID> touched = ConcurrentHashMap.newKeySet();

  void touched(UUID workspaceId) {
    touched.add(workspaceId == null ? PLATFORM : workspaceId);
  }

  /** The chains touched since the last call (empty: the platform chain). */
  List<Optional<UUID>> takeTouched() {
    List<Optional<UUID>> chains = new ArrayList<>();
    for (UUID chain : touched) {
      touched.remove(chain);
      chains.add(PLATFORM.equals(chain) ? Optional.empty() : Optional.of(chain));
    }
    return chains;
  }
}
