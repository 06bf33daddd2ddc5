package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.Dashboard;
import io.secureflows.audit.ActivityStats;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The dashboard of one workspace, from its sessions, logs and keys. */
@ApplicationScoped
@TenantScoped
public class DashboardFacade {
  private static final int MINUTES = 60;

  @Inject SessionAdministration sessions;

  @Inject ActivityStats activity;

  @Inject KeyFacade keys;

  public Dashboard of(ConsoleWorkspace workspace) {
    SessionAdministration.Overview overview = sessions.overview(workspace.id());
    List<Dashboard.Minute> lastHour =
        activity.recent(workspace.id(), MINUTES).stream()
            .map(
                m ->
                    new Dashboard.Minute(
                        m.start(), m.apiCalls(), m.serverErrors(), m.signIns(), m.failedSignIns()))
            .toList();
    return new Dashboard(
        overview.active(), overview.awaitingPurge(), lastHour, keys.status(workspace));
  }
}
