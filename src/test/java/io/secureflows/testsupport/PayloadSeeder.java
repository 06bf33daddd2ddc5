package io.secureflows.testsupport;

import io.secureflows.session.domain.SessionPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Test-only bulk writer of new payloads (through the entity and its encryption listener), one
 * transaction a call.
 */
@ApplicationScoped
public class PayloadSeeder {

  @PersistenceContext EntityManager em;

  @Transactional
  public void storeNew(UUID workspace, int count, byte[] content) {
    for (int i = 0; i < count; i++) {
      em.persist(new SessionPayload(workspace, UUID.randomUUID(), content, Instant.now()));
    }
  }
}
