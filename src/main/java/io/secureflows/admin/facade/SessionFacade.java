package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.SessionPage;
import io.secureflows.admin.facade.dto.SessionRow;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionAdministration;
import io.secureflows.session.app.SessionQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions of one workspace: the admin API's keyset search (filters and sort are parsed by the same
 * {@link SessionQuery}), revocation and the audited payload read.
 */
@ApplicationScoped
@TenantScoped
public class SessionFacade {

  @Inject SessionAdministration sessions;

  /**
   * One page; filters, sort and cursor are given as the admin API takes them ({@code state} active,
   * signed-out or expired; {@code sort} createdAt, -createdAt, lastSeenAt, -lastSeenAt).
   */
  public SessionPage search(
      ConsoleWorkspace workspace,
      String userId,
      String applicationId,
      String state,
      String sort,
      int pageSize,
      String cursor) {
    SessionQuery query =
        SessionQuery.parse(userId, applicationId, state, sort, Integer.toString(pageSize), cursor);
    SessionAdministration.Page page = sessions.search(workspace.id(), query);
    return new SessionPage(
        page.items().stream()
            .map(
                s ->
                    new SessionRow(
                        s.id(),
                        s.userId(),
                        s.applicationId(),
                        s.createdAt(),
                        s.lastSeenAt(),
                        s.expiresAt(),
                        s.state().name().toLowerCase(Locale.ROOT).replace('_', '-')))
            .toList(),
        page.next() == null ? null : page.next().encode());
  }

  public void revoke(ConsoleWorkspace workspace, UUID sessionId) {
    sessions.revoke(workspace.id(), sessionId);
  }

  public int revokeAllOf(ConsoleWorkspace workspace, UUID userId) {
    return sessions.revokeAllOf(workspace.id(), userId);
  }

  /**
   * The payload as text, after the read was audited with the reason (fail closed); empty when the
   * session has none.
   */
  public Optional<String> readPayload(ConsoleWorkspace workspace, UUID sessionId, String reason) {
    return sessions
        .readPayload(workspace.id(), sessionId, reason)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }
}
