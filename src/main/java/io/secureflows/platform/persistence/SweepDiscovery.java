package io.secureflows.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The sweeper's one look across workspaces: in a transaction of its own it sets {@code
 * sf.sweep_before} and reads which workspaces hold rows due by then. No workspace is entered, so no
 * other row is visible.
 */
@ApplicationScoped
public class SweepDiscovery {
  /** At most this many workspaces per pass; the next pass takes the rest. */
  static final int MAX_WORKSPACES = 10_000;

  @PersistenceContext EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> workspacesDue(Janitor janitor, Instant now) {
    em.createNativeQuery("select set_config('sf.sweep_before', ?1, true)")
        .setParameter(1, now.atOffset(ZoneOffset.UTC).toString())
        .getSingleResult();
    return em
        .createNativeQuery(
            "select distinct workspace_id from ("
                + janitor.dueWorkspacesQuery()
                + ") due "
                + "where workspace_id is not null limit "
                + MAX_WORKSPACES,
            UUID.class)
        .getResultList()
        .stream()
        .map(UUID.class::cast)
        .toList();
  }
}
