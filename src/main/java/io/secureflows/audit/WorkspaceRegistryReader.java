package io.secureflows.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The ids of every workspace, from the registry (which holds no workspace's data). */
@ApplicationScoped
public class WorkspaceRegistryReader {

  @PersistenceContext EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> workspaceIds() {
    return em
        .createNativeQuery("select id from workspace order by id", UUID.class)
        .getResultList()
        .stream()
        .map(UUID.class::cast)
        .toList();
  }
}
